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
