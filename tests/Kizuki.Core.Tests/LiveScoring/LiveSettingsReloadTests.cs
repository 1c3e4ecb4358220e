using Kizuki.Alerts;
using Kizuki.Configuration;
using Kizuki.Domain;
using Kizuki.LiveScoring;
using Kizuki.Storage;

namespace Kizuki.Tests.LiveScoring;

/// <summary>A running scorer takes up rules changed in settings.json, and keeps the old ones when the new ones are broken.</summary>
public sealed class LiveSettingsReloadTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("kizuki-livesettings-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static Activity Login(string id, DateTimeOffset at) => new(id, "c1", at, ActivityTypes.Login, null, null);

    /// <summary>Writes the settings with one rule and moves the file's write time on by <paramref name="minutes"/> (no waiting).</summary>
    private void WriteRule(string rule, int minutes)
    {
        new KizukiSettings { Alerts = new AlertSettings { Rules = [rule] } }.Save(directory);
        File.SetLastWriteTimeUtc(Path.Combine(directory, KizukiSettings.FileName), new DateTime(2030, 1, 1, 0, minutes, 0, DateTimeKind.Utc));
    }

    private (LiveScorer Scorer, IStore Store, IWorkStore Work) Start()
    {
        var store = StoreFactory.Open(directory);
        store.Migrate();
        var work = WorkStores.For(store);
        var scorer = LiveScoringHost.CreateScorer(directory, KizukiSettings.Load(directory), store, work, TimeProvider.System);
        scorer.Step([new Customer("c1", "株式会社テスト", T0, CustomerSegment.Unknown, Customer.NoAttributes)]);
        return (scorer, store, work);
    }

    [Fact]
    public void Step_RuleChangedInSettingsFile_NextStepUsesTheNewRule()
    {
        WriteRule("rule \"never\" when logins_7d >= 100 then severity high", 0);
        var (scorer, store, work) = Start();
        using (store)
        using (work)
        {
            var before = scorer.Step([Login("a1", T0.AddDays(1))]);
            WriteRule("rule \"busy\" when logins_7d >= 1 then severity high", 1);
            var after = scorer.Step([Login("a2", T0.AddDays(2))]);

            Assert.Empty(before.Alerts);
            Assert.Equal("busy", Assert.Single(after.Alerts).Rule);
            Assert.Equal(1, scorer.SettingsReloads);
            Assert.Null(scorer.SettingsError);
        }
    }

    [Fact]
    public void Step_SettingsUnchanged_DoesNotReload()
    {
        WriteRule("rule \"busy\" when logins_7d >= 1 then severity high cooldown 0d", 0);
        var (scorer, store, work) = Start();
        using (store)
        using (work)
        {
            scorer.Step([Login("a1", T0.AddDays(1))]);
            scorer.Step([Login("a2", T0.AddDays(2))]);

            Assert.Equal(0, scorer.SettingsReloads);
        }
    }

    [Fact]
    public void Step_RuleChangedToBrokenText_KeepsThePreviousRuleAndSaysWhy()
    {
        WriteRule("rule \"busy\" when logins_7d >= 1 then severity high cooldown 0d", 0);
        var (scorer, store, work) = Start();
        using (store)
        using (work)
        {
            WriteRule("rule \"broken\" when no_such_feature >= 1 then severity high", 1);
            var step = scorer.Step([Login("a1", T0.AddDays(1))]);

            Assert.Equal("busy", Assert.Single(step.Alerts).Rule);
            Assert.Contains("no_such_feature", scorer.SettingsError, StringComparison.Ordinal);
            Assert.Equal(0, scorer.SettingsReloads);
        }
    }
}
