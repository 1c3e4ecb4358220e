using System.Text;
using System.Text.Json;

namespace Kizuki.Tests.Commands;

public sealed class RfmCommandTests
{
    private static TempDirectory WithShop()
    {
        var dir = new TempDirectory();
        File.WriteAllText(dir.File("customers.csv"), "customer_id,signup_at\nA,2025/01/01\nB,2025/01/01\nC,2025/01/01\nD,2026/01/01\n");
        // A: loyal, high spend over a long time; B: bought twice long ago; C: one order; D: new in 2026.
        File.WriteAllText(dir.File("orders.csv"), """
            order_id,customer_id,ordered_at,amount
            1,A,2025/01/10,20000
            2,A,2025/06/10,20000
            3,A,2026/03/01,20000
            4,A,2026/05/20,5000
            5,B,2025/02/01,3000
            6,B,2025/03/01,3000
            7,C,2025/03/05,8000
            8,D,2026/05/01,4000
            """);
        foreach (var kind in new[] { "customers", "orders" })
        {
            var import = CliRunner.Run("import", kind, dir.File(kind + ".csv"), "--data-dir", dir.Path);
            Assert.True(import.ExitCode == 0, import.Error);
        }

        return dir;
    }

    [Fact]
    public void Rfm_Json_CountsCpmSegmentsByTheDefaultThresholds()
    {
        using var dir = WithShop();
        var result = CliRunner.Run("rfm", "--as-of", "2026-06-01", "--json", "--data-dir", dir.Path);
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(4, json.RootElement.GetProperty("customers").GetInt32());
        var cpm = json.RootElement.GetProperty("cpm").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("customers").GetInt32());
        Assert.Equal(1, cpm["Loyal"]); // A: 65,000 over 495 days, last order 12 days ago
        Assert.Equal(1, cpm["ToddlerLapsed"]); // B: two small orders, silent for over a year
        Assert.Equal(1, cpm["FirstTimeLapsed"]); // C
        Assert.Equal(1, cpm["FirstTime"]); // D
        Assert.Contains("優良客", result.Out);
    }

    [Fact]
    public void Rfm_Compare_ShowsMigrationAndWritesCsvWithBom()
    {
        using var dir = WithShop();
        var result = CliRunner.Run("rfm", "--as-of", "2026-06-01", "--compare", "2025-07-01", "--out", dir.File("rfm.csv"), "--data-dir", dir.Path, "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("CPM migration", result.Out);
        Assert.Contains("(new)", result.Out);
        var bytes = File.ReadAllBytes(dir.File("rfm.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("A,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",Loyal,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_CompareAfterAsOf_FailsNamingBothDates()
    {
        using var dir = WithShop();
        var result = CliRunner.Run("rfm", "--as-of", "2026-01-01", "--compare", "2026-02-01", "--data-dir", dir.Path, "--lang", "en");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("must be before --as-of", result.Error);
    }
}
