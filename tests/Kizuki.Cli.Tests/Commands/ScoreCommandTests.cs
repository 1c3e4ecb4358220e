using System.Text;
using System.Text.Json;
using Kizuki.Storage;

namespace Kizuki.Tests.Commands;

public sealed class ScoreCommandTests
{
    [Fact]
    public void Score_AfterDemoAndTrain_StoresEveryActiveCustomerAndWritesCsvWithBom()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, CliRunner.Run("demo", "--customers", "400", "--data-dir", dir.Path).ExitCode);
        var train = CliRunner.Run("train", "--data-dir", dir.Path);
        Assert.True(train.ExitCode == 0, train.Error);
        var csv = dir.File("scores.csv");

        var score = CliRunner.Run("score", "--data-dir", dir.Path, "--out", csv, "--top", "5", "--json");

        Assert.True(score.ExitCode == 0, score.Error);
        using var json = JsonDocument.Parse(score.Out);
        var root = json.RootElement;
        var customers = root.GetProperty("customers").GetInt32();
        var asOf = root.GetProperty("asOf").GetDateTimeOffset();
        Assert.InRange(customers, 1, 400);
        Assert.Equal(5, root.GetProperty("top").GetArrayLength());
        Assert.Equal(customers, root.GetProperty("bands").EnumerateArray().Sum(b => b.GetProperty("customers").GetInt32()));
        var revenues = root.GetProperty("top").EnumerateArray().Select(t => t.GetProperty("revenueAtRisk").GetDecimal()).ToList();
        Assert.Equal(revenues.OrderDescending(), revenues);

        var bytes = File.ReadAllBytes(csv);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("customer_id,probability,band,revenue_at_risk,", lines[0], StringComparison.Ordinal);
        Assert.Equal(customers, lines.Length - 1);

        using var store = StoreFactory.Open(dir.Path);
        // The demo already scored with its own model (version 1); the store keeps both models' scores for the instant.
        var version = root.GetProperty("modelVersion").GetInt32();
        var stored = store.Scores(asOf).Where(s => s.ModelVersion == version).ToList();
        Assert.Equal(customers, stored.Count);
        Assert.Equal(lines.Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]), stored.Select(s => s.CustomerId));
        Assert.All(stored, s => Assert.True(s.Features.Count > 10));
        var running = stored.Select(s => s.Features["has_running_subscription"]).Distinct().ToList();
        Assert.True(running.SequenceEqual([1.0]) || stored.All(s => s.Features["orders_365d"] is > 0.0));
    }

    [Fact]
    public void Score_NoActiveModel_FailsWithOneLine()
    {
        using var dir = new TempDirectory();

        var result = CliRunner.Run("score", "--data-dir", dir.Path, "--lang", "en");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("kizuki: no active model; run `kizuki train` first.", result.Error.TrimEnd());
    }
}
