using System.Text.Json;
using Kizuki.Alerts;
using Kizuki.Demo;
using Kizuki.Storage;

namespace Kizuki.Tests.Commands;

/// <summary><c>kizuki demo --live</c>: the last days of the demo replayed through the live path.</summary>
public sealed class DemoLiveReplayTests
{
    [Fact]
    public void Live_SmallDemo_FiresAlertsAndSummaryNumbersAgree()
    {
        using var dir = new TempDirectory();

        var result = CliRunner.Run("demo", "--customers", "300", "--live", "--data-dir", dir.Path, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        // One JSON object on standard output (Parse fails on a second value): the demo's, carrying the replay as "live".
        using var json = JsonDocument.Parse(result.Out);
        var demo = json.RootElement;
        Assert.Equal(300, demo.GetProperty("customers").GetInt32());
        Assert.True(demo.GetProperty("records").GetProperty("activities").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Object, demo.GetProperty("model").ValueKind);
        var live = demo.GetProperty("live");
        Assert.Equal(3, live.GetProperty("days").GetInt32());
        var events = live.GetProperty("events").GetInt64();
        Assert.True(events > 0);
        Assert.Equal(events, live.GetProperty("scored").GetInt64());
        Assert.InRange(live.GetProperty("customers").GetInt64(), 1, live.GetProperty("scores").GetInt64());

        var fired = live.GetProperty("fired").EnumerateArray().ToList();
        var byRule = live.GetProperty("byRule").EnumerateArray().ToDictionary(r => r.GetProperty("rule").GetString()!, r => r.GetProperty("alerts").GetInt64());
        var rules = DemoRules.Rules.SelectMany(r => RuleParser.Parse(r, "demo")).ToList();
        Assert.Equal(rules.Select(r => r.Name), byRule.Keys);
        Assert.True(fired.Count > 0, "the demo rules fire in the last three days of the small demo");
        Assert.Equal(fired.Count, live.GetProperty("alerts").GetInt64());
        Assert.Equal(fired.Count, byRule.Values.Sum());
        Assert.All(byRule, r => Assert.Equal(r.Value, fired.Count(a => a.GetProperty("rule").GetString() == r.Key)));
        var followUpRules = rules.Where(r => r.FollowUp).Select(r => r.Name).ToHashSet();
        Assert.Equal(fired.Count(a => followUpRules.Contains(a.GetProperty("rule").GetString()!)),
            live.GetProperty("followUps").GetInt64() + live.GetProperty("controls").GetInt64());
        var from = live.GetProperty("from").GetDateTimeOffset();
        var until = live.GetProperty("until").GetDateTimeOffset();
        Assert.Equal(new DemoOptions().HistoryEnd, until);
        Assert.All(fired, a => Assert.InRange(a.GetProperty("at").GetDateTimeOffset(), from, until.AddMilliseconds(1)));

        // The alerts became staff tasks in the demo's data directory, and the rules are in its settings.
        using (var store = StoreFactory.Open(dir.Path))
        using (var work = WorkStores.For(store))
        {
            Assert.Equal(fired.Count, work.Tasks().Count);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(DemoRules.Rules, Kizuki.Configuration.KizukiSettings.Load(dir.Path).Alerts.Rules);
    }

    [Fact]
    public void Live_WithoutModel_ReplaysAndSummarisesInEnglish()
    {
        using var dir = new TempDirectory();

        var result = CliRunner.Run("demo", "--customers", "100", "--no-train", "--live", "--days", "2", "--data-dir", dir.Path, "--lang", "en");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Live replay: 2026-10-30 00:00 to 2026-11-01 00:00 (2 days", result.Out, StringComparison.Ordinal);
        Assert.Contains("Demo rules written into settings.json", result.Out, StringComparison.Ordinal);
        Assert.Contains("Live replay summary", result.Out, StringComparison.Ordinal);
        Assert.Contains(" 0 alerts", result.Out, StringComparison.Ordinal);
        Assert.Contains("over every event from a cold start, first compilations included", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_DaysOutOfRange_FailsBeforeGenerating()
    {
        using var dir = new TempDirectory();

        var result = CliRunner.Run("demo", "--customers", "100", "--live", "--days", "31", "--data-dir", dir.Path);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--days must be between 1 and 30 (given: 31)", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("kizuki.db")));
    }
}
