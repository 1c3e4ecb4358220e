using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Kizuki.Tests.Commands;

public sealed class LifetimeCommandTests
{
    /// <summary>A data directory holding the CDNOW 1/10 sample imported as customers and orders.</summary>
    internal static TempDirectory WithCdnow()
    {
        var dir = new TempDirectory();
        var customers = new StringBuilder("customer_id,signup_at\n");
        var orders = new StringBuilder("order_id,customer_id,ordered_at,amount,currency\n");
        var seen = new HashSet<string>();
        var n = 0;
        foreach (var line in File.ReadLines(Path.Combine(SharedData(), "cdnow", "CDNOW_sample.txt")))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 5)
            {
                continue;
            }

            if (seen.Add(f[1]))
            {
                customers.Append(CultureInfo.InvariantCulture, $"C{f[1]},{f[2]}\n");
            }

            orders.Append(CultureInfo.InvariantCulture, $"O{++n},C{f[1]},{f[2]},{f[4]},USD\n");
        }

        File.WriteAllText(dir.File("customers.csv"), customers.ToString());
        File.WriteAllText(dir.File("orders.csv"), orders.ToString());
        foreach (var kind in new[] { "customers", "orders" })
        {
            var import = CliRunner.Run("import", kind, dir.File(kind + ".csv"), "--data-dir", dir.Path);
            Assert.True(import.ExitCode == 0, import.Error);
        }

        return dir;
    }

    [Fact]
    public void LifetimeFit_CdnowAsOfOctoberFirst_ReportsThePublishedBgNbdParametersAsJson()
    {
        using var dir = WithCdnow();
        var result = CliRunner.Run("lifetime", "fit", "--as-of", "1997-10-01", "--period", "week", "--model", "bgnbd", "--json", "--data-dir", dir.Path);
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(2357, json.RootElement.GetProperty("customers").GetInt32());
        var bg = json.RootElement.GetProperty("models").GetProperty("bgnbd");
        Assert.Equal(0.2426, bg.GetProperty("r").GetDouble(), 0.00005);
        Assert.Equal(4.414, bg.GetProperty("alpha").GetDouble(), 0.0005);
        Assert.Equal(0.7929, bg.GetProperty("a").GetDouble(), 0.00005);
        Assert.Equal(2.426, bg.GetProperty("b").GetDouble(), 0.0005);
        Assert.Equal(-9582.429, bg.GetProperty("log_likelihood").GetDouble(), 0.01);
        Assert.False(json.RootElement.GetProperty("models").TryGetProperty("pareto", out _));
    }

    [Fact]
    public void LifetimeScore_Out_WritesOneRowPerBuyerWithBom()
    {
        using var dir = WithCdnow();
        var result = CliRunner.Run("lifetime", "score", "--as-of", "1997-10-01", "--horizon", "273", "--out", dir.File("s.csv"), "--data-dir", dir.Path, "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("2,357 customers", result.Out);
        var bytes = File.ReadAllBytes(dir.File("s.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,frequency,recency,age,p_alive,expected_purchases_273d,p_no_purchase_273d,expected_spend,clv", lines[0]);
        Assert.Equal(2358, lines.Length);
        // Customer 1 of the paper: x = 2, t_x = 30.43, T = 38.86; 1.226 purchases expected in the next 39 weeks.
        var first = lines.Single(l => l.StartsWith("C0001,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("2", first[1]);
        Assert.Equal(1.226, double.Parse(first[5], CultureInfo.InvariantCulture), 0.002);
        // No purchase in 39 weeks: at least the chance of having left, at most certain.
        Assert.InRange(double.Parse(first[6], CultureInfo.InvariantCulture), 1 - double.Parse(first[4], CultureInfo.InvariantCulture), 1);
    }

    /// <summary>
    /// A shop whose 600 customers keep buying at their own regular interval (7 to 63 days) up to the end of 2025: no
    /// customer shows any sign of leaving.
    /// </summary>
    private static TempDirectory WithLoyalShop()
    {
        var dir = new TempDirectory();
        var customers = new StringBuilder("customer_id,signup_at\n");
        var orders = new StringBuilder("order_id,customer_id,ordered_at,amount\n");
        var end = new DateOnly(2025, 12, 31);
        var n = 0;
        for (var i = 0; i < 600; i++)
        {
            var every = 7 + ((i * 37) % 57);
            var day = new DateOnly(2024, 1, 1).AddDays((i * 13) % 300);
            customers.Append(CultureInfo.InvariantCulture, $"K{i},{day:yyyy/MM/dd}\n");
            for (; day <= end; day = day.AddDays(every))
            {
                orders.Append(CultureInfo.InvariantCulture, $"O{++n},K{i},{day:yyyy/MM/dd},{1000 + (i % 7 * 300)}\n");
            }
        }

        File.WriteAllText(dir.File("customers.csv"), customers.ToString());
        File.WriteAllText(dir.File("orders.csv"), orders.ToString());
        foreach (var kind in new[] { "customers", "orders" })
        {
            var import = CliRunner.Run("import", kind, dir.File(kind + ".csv"), "--data-dir", dir.Path);
            Assert.True(import.ExitCode == 0, import.Error);
        }

        return dir;
    }

    [Fact]
    public void LifetimeFit_NoCustomerLeaves_ReportsTheNoDropoutLimitWithItsNote()
    {
        using var dir = WithLoyalShop();
        var result = CliRunner.Run("lifetime", "fit", "--as-of", "2026-01-01", "--json", "--data-dir", dir.Path);
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var models = json.RootElement.GetProperty("models");
        foreach (var (key, dropout, scale) in new[] { ("bgnbd", "a", "b"), ("pareto", "s", "beta") })
        {
            var model = models.GetProperty(key);
            Assert.Equal("no_dropout", model.GetProperty("limit").GetString());
            Assert.Equal(0, model.GetProperty(dropout).GetDouble());
            Assert.Equal(JsonValueKind.Null, model.GetProperty(scale).ValueKind);
            Assert.Contains("dropout not identified: fitted at the no-dropout (NBD) limit", model.GetProperty("note").GetString(), StringComparison.Ordinal);
            Assert.True(model.GetProperty("r").GetDouble() > 0);
        }

        var text = CliRunner.Run("lifetime", "fit", "--as-of", "2026-01-01", "--model", "bgnbd", "--data-dir", dir.Path);
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("BG/NBD: 離脱が識別できません: 離脱なし (NBD) の極限で推定しました", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void LifetimeFit_UnknownModel_FailsInTheUsersLanguage()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("lifetime", "fit", "--model", "weibull", "--data-dir", dir.Path, "--lang", "en");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--model must be bgnbd, pareto or both", result.Error);
        var ja = CliRunner.Run("lifetime", "fit", "--period", "month", "--data-dir", dir.Path);
        Assert.Contains("--period は day か week です", ja.Error);
    }

    /// <summary>The shared data folder: <c>../shared/data</c> beside the repository root (the folder holding Kizuki.slnx).</summary>
    internal static string SharedData([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Kizuki.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "data"));
                }
            }
        }

        throw new DirectoryNotFoundException("No folder containing Kizuki.slnx above the test binaries or sources.");
    }
}
