using System.Text.Json;

namespace Kizuki.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_SmallSaas_CreatesDataDirectoryAndSummarises()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("demo", "--customers", "300", "--data-dir", dir.Path, "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("300 customers", result.Out);
        Assert.True(File.Exists(dir.File("kizuki.db")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "ground-truth", "customers.csv")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "ground-truth", "hazard.csv")));
        Assert.True(File.Exists(dir.File("settings.json")));
    }

    [Fact]
    public void Demo_Json_ReportsCountsThatStatusAgreesWith()
    {
        using var dir = new TempDirectory();
        var demo = CliRunner.Run("demo", "--scenario", "ec", "--customers", "300", "--data-dir", dir.Path, "--json");
        Assert.True(demo.ExitCode == 0, demo.Error);
        using var demoJson = JsonDocument.Parse(demo.Out);
        var activities = demoJson.RootElement.GetProperty("records").GetProperty("activities").GetInt64();
        var orders = demoJson.RootElement.GetProperty("records").GetProperty("orders").GetInt64();
        Assert.Equal(JsonValueKind.Null, demoJson.RootElement.GetProperty("live").ValueKind);
        Assert.True(orders > 300, $"an ec demo has orders: {orders}");

        var status = CliRunner.Run("status", "--data-dir", dir.Path, "--json");
        Assert.Equal(0, status.ExitCode);
        using var statusJson = JsonDocument.Parse(status.Out);
        var entities = statusJson.RootElement.GetProperty("summary").GetProperty("entities").EnumerateArray()
            .ToDictionary(e => e.GetProperty("kind").GetString()!, e => e.GetProperty("count").GetInt64());
        Assert.Equal(300, entities["customers"]);
        Assert.Equal(activities, entities["activities"]);
        Assert.Equal(orders, entities["orders"]);
    }

    [Fact]
    public void Demo_SameSeedTwice_SameData()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        CliRunner.Run("demo", "--customers", "200", "--seed", "7", "--data-dir", a.Path, "--export", a.File("csv"));
        CliRunner.Run("demo", "--customers", "200", "--seed", "7", "--data-dir", b.Path, "--export", b.File("csv"));
        foreach (var file in Directory.GetFiles(a.File("csv")))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(b.File("csv"), Path.GetFileName(file))));
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, "ground-truth", "hazard.csv")),
            File.ReadAllBytes(Path.Combine(b.Path, "ground-truth", "hazard.csv")));
    }

    [Fact]
    public void Demo_Rerun_ReplacesEarlierDemo()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliRunner.Run("demo", "--customers", "200", "--data-dir", dir.Path).ExitCode);
        var second = CliRunner.Run("demo", "--customers", "100", "--data-dir", dir.Path, "--json");
        Assert.True(second.ExitCode == 0, second.Error);
        var status = CliRunner.Run("status", "--data-dir", dir.Path, "--json");
        using var json = JsonDocument.Parse(status.Out);
        var customers = json.RootElement.GetProperty("summary").GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == "customers").GetProperty("count").GetInt64();
        Assert.Equal(100, customers);
    }

    [Fact]
    public void Demo_OverOtherData_RefusesWithoutForce()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c.csv"), "customer_id,signup_at\nK1,2025-01-01\n");
        Assert.Equal(0, CliRunner.Run("import", "customers", dir.File("c.csv"), "--data-dir", dir.Path).ExitCode);
        var refused = CliRunner.Run("demo", "--customers", "100", "--data-dir", dir.Path, "--lang", "en");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(0, CliRunner.Run("demo", "--customers", "100", "--data-dir", dir.Path, "--force").ExitCode);
    }

    [Fact]
    public void Demo_TooFewCustomers_NamesTheRange()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("demo", "--customers", "5", "--data-dir", dir.Path, "--lang", "en");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("100", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Demo_ExportedCsv_ImportsBackIdentically()
    {
        using var dir = new TempDirectory();
        using var other = new TempDirectory();
        var demo = CliRunner.Run("demo", "--scenario", "ec", "--customers", "150", "--data-dir", dir.Path, "--export", dir.File("csv"));
        Assert.True(demo.ExitCode == 0, demo.Error);
        foreach (var entity in new[] { "customers", "orders", "subscriptions", "activities", "tickets", "surveys", "touches", "churn-events" })
        {
            var file = Path.Combine(dir.File("csv"), entity + ".csv");
            if (!File.Exists(file))
            {
                continue;
            }

            var import = CliRunner.Run("import", entity, file, "--data-dir", other.Path);
            Assert.True(import.ExitCode == 0, $"{entity}: {import.Error}");
        }

        var original = CliRunner.Run("status", "--data-dir", dir.Path, "--json");
        var imported = CliRunner.Run("status", "--data-dir", other.Path, "--json");
        using var a = JsonDocument.Parse(original.Out);
        using var b = JsonDocument.Parse(imported.Out);
        Assert.Equal(a.RootElement.GetProperty("summary").GetProperty("entities").GetRawText(),
            b.RootElement.GetProperty("summary").GetProperty("entities").GetRawText());
    }

    [Fact]
    public void Demo_Saas_TrainsAndComparesWithTheOracle()
    {
        using var dir = new TempDirectory();
        var demo = CliRunner.Run("demo", "--customers", "1200", "--data-dir", dir.Path, "--json");
        Assert.True(demo.ExitCode == 0, demo.Error);
        using var json = JsonDocument.Parse(demo.Out);
        var model = json.RootElement.GetProperty("model");
        Assert.Equal(1, model.GetProperty("version").GetInt32());
        Assert.InRange(model.GetProperty("auc").GetDouble(), 0.6, 1.0);
        Assert.InRange(model.GetProperty("oracleAuc").GetDouble(), 0.7, 1.0);
        Assert.InRange(model.GetProperty("knowableOracleAuc").GetDouble(), 0.6, model.GetProperty("oracleAuc").GetDouble());
        Assert.Equal(model.GetProperty("auc").GetDouble() / model.GetProperty("knowableOracleAuc").GetDouble(),
            model.GetProperty("shareOfKnowableOracle").GetDouble(), 6);

        // With --json too, every active customer is scored and stored with reasons, as without it.
        var scores = json.RootElement.GetProperty("scores");
        var scored = scores.GetProperty("customers").GetInt32();
        Assert.InRange(scored, 100, 1200);
        Assert.Equal(5, scores.GetProperty("top").GetArrayLength());
        Assert.All(scores.GetProperty("top").EnumerateArray(), t => Assert.NotEqual(0, t.GetProperty("reasons").GetArrayLength()));
        using var store = Kizuki.Storage.StoreFactory.Open(dir.Path);
        var stored = store.Scores().ToList();
        Assert.Equal(scored, stored.Count);
        Assert.All(stored, s => Assert.NotNull(s.Reasons));
    }

    [Fact]
    public void Demo_Ec_LeavesTheOracleOutForNonContractualChurn()
    {
        using var dir = new TempDirectory();
        var demo = CliRunner.Run("demo", "--scenario", "ec", "--customers", "1200", "--data-dir", dir.Path, "--lang", "en");
        Assert.True(demo.ExitCode == 0, demo.Error);
        Assert.Contains("no oracle comparison", demo.Out);
    }
}
