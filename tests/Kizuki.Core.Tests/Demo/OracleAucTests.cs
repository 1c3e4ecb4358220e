using System.Globalization;
using Kizuki.Configuration;
using Kizuki.Demo;
using Kizuki.Features.Labels;
using Kizuki.Modeling.Churn;
using Kizuki.Storage;

namespace Kizuki.Tests.Demo;

/// <summary>A small SaaS demo in a store, its ground truth and its training set, shared by the oracle tests.</summary>
public sealed class OracleDemoFixture : IDisposable
{
    public OracleDemoFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kizuki-oracle-").FullName;
        using var store = StoreFactory.Open(Directory);
        var options = new DemoOptions { Customers = 2000, Seed = 11 };
        using (var session = store.BeginImport())
        {
            Result = DemoGenerator.Generate(options, session, Path.Combine(Directory, "truth"));
            session.Commit();
        }

        Set = ChurnModelling.BuildTrainingSet(store, new KizukiSettings(), options.HistoryEnd);
        LastCutoff = Set.Cutoffs.Max();
    }

    public string Directory { get; }

    public DemoResult Result { get; }

    internal TrainingSet Set { get; }

    public long LastCutoff { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public sealed class OracleAucTests(OracleDemoFixture demo) : IClassFixture<OracleDemoFixture>
{
    [Fact]
    public void Compute_SaasDemo_KnowableOracleRanksWellButBelowTheFullOracle()
    {
        var oracle = OracleAuc.Compute(demo.Result.CustomersTruthFile, demo.Result.HazardTruthFile, demo.Set, demo.LastCutoff);

        Assert.Equal(demo.Set.Cutoffs.Count(c => c == demo.LastCutoff), oracle.Rows);
        Assert.InRange(oracle.Full, 0.75, 1.0);
        Assert.InRange(oracle.Knowable, 0.65, oracle.Full - 0.01);
    }

    [Fact]
    public void Describe_EveryRow_StagesFollowTheEpisodeOnsetsAndOneCutoffIsASliceOfIt()
    {
        // customers.csv: customer_id, scenario, mechanism, churned_at, recovered, episode, episode_onset
        var onsets = File.ReadLines(demo.Result.CustomersTruthFile).Skip(1).Select(line => line.Split(','))
            .Where(cells => cells[5] != "none")
            .ToDictionary(cells => cells[0], cells => (Silent: cells[5] == "silent", Onset: DateTimeOffset.Parse(cells[6], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds()));

        var rows = OracleAuc.Describe(demo.Result.CustomersTruthFile, demo.Result.HazardTruthFile, demo.Set, cutoff: null);

        Assert.Equal(Enumerable.Range(0, demo.Set.RowCount), rows.Select(r => r.Row));
        foreach (var row in rows)
        {
            var cutoff = demo.Set.Cutoffs[row.Row];
            var expected = !onsets.TryGetValue(demo.Set.CustomerIds[row.Row], out var episode) ? EpisodeStage.NoEpisode
                : episode.Onset >= cutoff ? EpisodeStage.NotBegun
                : episode.Silent ? EpisodeStage.Silent
                : EpisodeStage.Visible;
            Assert.Equal(expected, row.Stage);
            Assert.Equal(expected is EpisodeStage.Silent or EpisodeStage.Visible ? (cutoff - episode.Onset) / 86_400_000.0 : double.NaN, row.EpisodeDays);
            Assert.InRange(row.Full, 0, 1);
            if (expected == EpisodeStage.Visible)
            {
                Assert.Equal(row.Full, row.Knowable);
            }
        }

        Assert.Contains(rows, r => r.Stage == EpisodeStage.Silent);
        Assert.Contains(rows, r => r.Stage == EpisodeStage.NotBegun);
        Assert.Contains(rows, r => r.Stage is EpisodeStage.Silent or EpisodeStage.NotBegun && r.Knowable < r.Full);
        var last = OracleAuc.Describe(demo.Result.CustomersTruthFile, demo.Result.HazardTruthFile, demo.Set, demo.LastCutoff);
        Assert.Equal(rows.Where(r => demo.Set.Cutoffs[r.Row] == demo.LastCutoff), last);
    }

    [Fact]
    public void Compute_WithoutEpisodes_BothOraclesAreTheBackgroundRanking()
    {
        // Episodes erased from customers.csv: every hazard is replaced by the background one, whatever the full hazard says.
        var customers = Path.Combine(demo.Directory, "no-episodes.csv");
        File.WriteAllLines(customers, File.ReadLines(demo.Result.CustomersTruthFile).Select((line, i) =>
            i == 0 ? line : string.Join(',', line.Split(',')[..5]) + ",none,"));

        var erased = OracleAuc.Compute(customers, demo.Result.HazardTruthFile, demo.Set, demo.LastCutoff);
        var truth = OracleAuc.Compute(demo.Result.CustomersTruthFile, demo.Result.HazardTruthFile, demo.Set, demo.LastCutoff);

        Assert.Equal(truth.Full, erased.Full);
        Assert.True(erased.Knowable < truth.Knowable - 0.05, $"background only {erased.Knowable}, knowable {truth.Knowable}");
    }

    [Fact]
    public void Compute_MalformedHazardLine_NamesFileAndLine()
    {
        var hazard = Path.Combine(demo.Directory, "bad-hazard.csv");
        File.WriteAllLines(hazard, ["customer_id,month_start,hazard,active_mechanism,background_hazard", "C1,2025-01-01T00:00:00+09:00,abc,none,0.01"]);

        var e = Assert.Throws<InvalidDataException>(() =>
            OracleAuc.Compute(demo.Result.CustomersTruthFile, hazard, demo.Set, demo.LastCutoff));

        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("bad-hazard.csv", e.Message, StringComparison.Ordinal);
    }
}
