using System.Text;
using System.Text.Json;

namespace Kizuki.Tests.Commands;

public sealed class FeaturesCommandTests
{
    private static TempDirectory WithData()
    {
        var dir = new TempDirectory();
        File.WriteAllText(dir.File("customers.csv"), "customer_id,name,signup_at\nK1,山田,2026/01/05\nK2,佐藤,2026/02/01\nK3,未来,2026/12/01\n");
        File.WriteAllText(dir.File("activities.csv"),
            "customer_id,occurred_at,type,name\nK1,2026-09-01 09:00,login,\nK1,2026-09-30 23:30,page_view,/pricing\nK2,2026-09-15 10:00,login,\n");
        foreach (var (kind, file) in new[] { ("customers", "customers.csv"), ("activities", "activities.csv") })
        {
            var import = CliRunner.Run("import", kind, dir.File(file), "--data-dir", dir.Path);
            Assert.True(import.ExitCode == 0, import.Error);
        }

        return dir;
    }

    [Fact]
    public void Features_AsOfAndOut_WritesOneRowPerSignedUpCustomer()
    {
        using var dir = WithData();
        var result = CliRunner.Run("features", "--as-of", "2026/10/01", "--out", dir.File("f.csv"), "--data-dir", dir.Path, "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("2 rows", result.Out);
        Assert.Contains("events/s", result.Out);
        var bytes = File.ReadAllBytes(dir.File("f.csv"));
        Assert.Equal(0xEF, bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("customer_id", lines[0]);
        Assert.Equal(["K1", "K2"], lines[1..].Select(l => l.Split(',')[0]));
    }

    [Fact]
    public void Features_JsonWithoutAsOf_UsesTheLocalMidnightAfterTheNewestRecord()
    {
        using var dir = WithData();
        var result = CliRunner.Run("features", "--out", dir.File("f.csv"), "--data-dir", dir.Path, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        // Newest record: K3's signup on 2026-12-01 00:00 Tokyo; the end of the data is the midnight after it.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), json.RootElement.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(3, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("events").GetInt64());
    }

    [Fact]
    public void Features_Customer_ShowsFeaturesWithLabelsAndDefinitions()
    {
        using var dir = WithData();
        var text = CliRunner.Run("features", "--customer", "K1", "--as-of", "2026-10-01T00:00:00+09:00", "--data-dir", dir.Path, "--lang", "en");
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("K1", text.Out);

        var json = CliRunner.Run("features", "--customer", "K1", "--as-of", "2026-10-01", "--data-dir", dir.Path, "--json", "--lang", "en");
        Assert.True(json.ExitCode == 0, json.Error);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("K1", document.RootElement.GetProperty("customerId").GetString());
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(feature.GetProperty("label").GetString()));
            Assert.False(string.IsNullOrEmpty(feature.GetProperty("definition").GetString()));
        }
    }

    [Fact]
    public void Features_UnknownCustomer_FailsWithOneLine()
    {
        using var dir = WithData();
        var result = CliRunner.Run("features", "--customer", "NOPE", "--data-dir", dir.Path, "--lang", "en");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kizuki: customer NOPE not found.", result.Error.Trim());
    }

    [Theory]
    [InlineData("--as-of", "yesterday", "--out", "f.csv")]
    [InlineData("--as-of", "2026-10-01")]
    public void Features_BadArguments_FailWithAClearLine(params string[] args)
    {
        using var dir = WithData();
        var result = CliRunner.Run(["features", .. args.Select(a => a == "f.csv" ? dir.File(a) : a), "--data-dir", dir.Path, "--lang", "en"]);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kizuki: ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
