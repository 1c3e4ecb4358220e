using Kizuki.Configuration;
using Kizuki.Demo;
using Kizuki.Features.Labels;
using Kizuki.Modeling;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;
using Kizuki.Storage;

namespace Kizuki.Tests.Modeling.Churn;

/// <summary>A SaaS demo business, its training set and one trained model, shared by the tests of this class.</summary>
public sealed class TrainedDemoFixture : IDisposable
{
    public TrainedDemoFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kizuki-train-").FullName;
        using var store = StoreFactory.Open(Directory);
        var options = new DemoOptions { Customers = 2500, Seed = 5 };
        using (var session = store.BeginImport())
        {
            DemoGenerator.Generate(options, session, Path.Combine(Directory, "truth"));
            session.Commit();
        }

        Set = ChurnModelling.BuildTrainingSet(store, new KizukiSettings(), options.HistoryEnd);
        Outcome = new ChurnTrainer(new ChurnTrainerOptions { Trees = new ChurnTrainerOptions().Trees with { Threads = 2 } }).Train(Set);
    }

    public string Directory { get; }

    internal TrainingSet Set { get; }

    internal ChurnTrainingOutcome Outcome { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public sealed class ChurnTrainerTests(TrainedDemoFixture demo) : IClassFixture<TrainedDemoFixture>
{
    [Fact]
    public void Train_SaasDemo_RanksChurnersWellAndBeatsTheLoginRule()
    {
        var outcome = demo.Outcome;
        Assert.False(outcome.SmallData);
        Assert.True(outcome.Test.RocAuc.Estimate > 0.72, $"test AUC {outcome.Test.RocAuc.Estimate}");
        var rule = Assert.Single(outcome.Baselines, b => b.Name == "no_login_30d");
        Assert.True(outcome.Test.RocAuc.Estimate > rule.Report.RocAuc.Estimate + 0.1);
        Assert.NotEmpty(outcome.Backtest);
        Assert.All(outcome.Backtest, f => Assert.True(f.Cutoff < outcome.TestCutoff));
    }

    [Fact]
    public void Train_MoreRowsThanTheLeafSearchSample_ChoosesLeavesOnTheSampleAndFitsEveryRow()
    {
        var options = new ChurnTrainerOptions
        {
            LeafSearchRows = 2000,
            Refit = false,
            BacktestFolds = 0,
            Trees = new ChurnTrainerOptions().Trees with { Threads = 2 },
        };

        var outcome = new ChurnTrainer(options).Train(demo.Set);

        Assert.Contains(outcome.Stages, s => s.Name == "trees (leaf search)");
        Assert.Contains(outcome.Choice.Leaves, options.LeafChoices);
        Assert.True(outcome.Choice.TrainingRows > options.LeafSearchRows);
        Assert.True(outcome.Test.RocAuc.Estimate > 0.72, $"test AUC {outcome.Test.RocAuc.Estimate}");
    }

    [Theory]
    [InlineData(999, 150_000, "IdleLogisticRowLimit")]
    [InlineData(20_000, 10, "LeafSearchRows")]
    public void Validate_RowLimitBelowAThousand_ThrowsNamingTheOption(int idle, int leafSearch, string name)
    {
        var options = new ChurnTrainerOptions { IdleLogisticRowLimit = idle, LeafSearchRows = leafSearch };
        var e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Train_HeldOutCutoff_PredictedRatesMatchObservedRates()
    {
        var test = demo.Outcome.Test;
        // a 30% risk means about 3 in 10 leave: across the held-out cutoff's deciles the gap stays small
        Assert.True(test.ExpectedCalibrationError < 0.03, $"ECE {test.ExpectedCalibrationError}");
        var meanPredicted = test.Calibration.Sum(b => b.MeanPredicted * b.Count) / test.Rows;
        Assert.InRange(meanPredicted, test.ChurnRate * 0.6, test.ChurnRate * 1.5);
        var top = test.Calibration[^1];
        Assert.True(top.ObservedRate > 3 * test.ChurnRate, "the riskiest decile churns far above the average");
    }

    [Fact]
    public void Train_TimeOrder_NeverLearnsFromTheTestCutoff()
    {
        var outcome = demo.Outcome;
        Assert.True(outcome.FirstTrainingCutoff < outcome.CalibrationCutoff);
        Assert.True(outcome.CalibrationCutoff < outcome.TestCutoff);
        var trainingRows = demo.Set.Cutoffs.Count(c => c < outcome.CalibrationCutoff);
        Assert.Equal(trainingRows, outcome.TrainingRows);
    }

    [Fact]
    public void Registry_SaveAndLoad_GiveIdenticalPredictions()
    {
        var registry = new ModelRegistry(Path.Combine(demo.Directory, "registry-" + Guid.NewGuid().ToString("N")));
        var (metadata, outcome) = ChurnModelling.Train(demo.Set, new ChurnTrainerOptions { BacktestFolds = 0 }, registry, new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        var rows = Enumerable.Range(0, demo.Set.RowCount).Where(r => demo.Set.Cutoffs[r] == outcome.TestCutoff).ToList();
        var x = outcome.Model.Encoder.Encode(demo.Set.Numbers, demo.Set.Categories, rows);

        var loaded = registry.Load(metadata.Version);

        Assert.Equal(outcome.StoredModel.Probabilities(x), loaded.Probabilities(x));
        Assert.Equal(metadata.Version, registry.Active);
        Assert.Equal(ChurnModelling.Fingerprint(demo.Set), registry.Metadata(metadata.Version).DataFingerprint);
        Assert.Equal(outcome.Test.RocAuc.Estimate, registry.Metadata(metadata.Version).Test.RocAuc.Estimate);
        var refit = Assert.IsType<RefitSummary>(registry.Metadata(metadata.Version).Refit);
        Assert.Equal(demo.Set.RowCount, refit.TrainingRows);
    }

    [Fact]
    public void Train_Refit_LearnsFromEveryCutoffWithTheChosenRecipe()
    {
        var outcome = demo.Outcome;
        var refit = Assert.IsType<RefittedModel>(outcome.Production);
        Assert.Equal(demo.Set.RowCount, refit.Rows);
        Assert.Equal(outcome.TestCutoff, refit.LastTrainingCutoff);
        Assert.Same(refit.Model, outcome.StoredModel);
        Assert.Equal(outcome.Model.TreeWeight, refit.Model.TreeWeight);
        // more rows than the evaluated model learned from, so at least as many trees (the count is scaled, not searched)
        Assert.True(refit.TreeIterations >= outcome.TreeIterations, $"{refit.TreeIterations} < {outcome.TreeIterations}");
        // calibrated on out-of-time test scores only: the main test cutoff and the backtest folds' test cutoffs
        Assert.Equal([.. outcome.Backtest.Select(f => f.Cutoff).Append(outcome.TestCutoff).Order()], refit.CalibrationCutoffs);
    }

    [Fact]
    public void Train_RefitOnEarlierData_PredictsTheNextCutoffCalibrated()
    {
        // Train as if 30 days earlier: the refit then never saw the latest cutoff, which judges its ranking and calibration.
        using var store = StoreFactory.Open(demo.Directory);
        var earlier = ChurnModelling.BuildTrainingSet(store, new KizukiSettings(), new DemoOptions().HistoryEnd.AddDays(-30));
        var outcome = new ChurnTrainer(new ChurnTrainerOptions { BacktestFolds = 1, Trees = new ChurnTrainerOptions().Trees with { Threads = 2 } })
            .Train(earlier);
        var unseen = Enumerable.Range(0, demo.Set.RowCount).Where(r => demo.Set.Cutoffs[r] > outcome.TestCutoff).ToList();
        Assert.NotEmpty(unseen);
        var x = outcome.StoredModel.Encoder.Encode(demo.Set.Numbers, demo.Set.Categories, unseen);
        var labels = unseen.Select(r => (double)demo.Set.Labels[r]).ToArray();

        var report = Kizuki.Modeling.Evaluation.EvaluationReport.Compute(outcome.StoredModel.Probabilities(x), labels);

        Assert.True(report.RocAuc.Estimate > 0.72, $"AUC {report.RocAuc.Estimate}");
        Assert.True(report.ExpectedCalibrationError < 0.03, $"ECE {report.ExpectedCalibrationError}");
        var meanPredicted = report.Calibration.Sum(b => b.MeanPredicted * b.Count) / report.Rows;
        Assert.InRange(meanPredicted, report.ChurnRate * 0.6, report.ChurnRate * 1.5);
    }

    [Fact]
    public void Train_RefitOff_StoresTheEvaluatedModel()
    {
        var outcome = new ChurnTrainer(new ChurnTrainerOptions { Refit = false, BacktestFolds = 0, LeafChoices = [15], Trees = new ChurnTrainerOptions().Trees with { Threads = 2 } })
            .Train(demo.Set);

        Assert.Null(outcome.Production);
        Assert.Same(outcome.Model, outcome.StoredModel);
    }

    [Fact]
    public void Registry_ActivateUnknownVersion_NamesTheVersionsThereAre()
    {
        var registry = new ModelRegistry(Path.Combine(demo.Directory, "empty-" + Guid.NewGuid().ToString("N")));
        var error = Assert.Throws<InvalidOperationException>(() => registry.Activate(7));
        Assert.Contains("v7", error.Message);
    }
}

public sealed class ChurnTrainerSmallDataTests
{
    [Fact]
    public void Train_FewCustomers_FallsBackToRegularisedLogisticAndReportsAnInterval()
    {
        var directory = Directory.CreateTempSubdirectory("kizuki-small-").FullName;
        try
        {
            using var store = StoreFactory.Open(directory);
            var options = new DemoOptions { Customers = 400, Seed = 9 };
            using (var session = store.BeginImport())
            {
                DemoGenerator.Generate(options, session, Path.Combine(directory, "truth"));
                session.Commit();
            }

            var set = ChurnModelling.BuildTrainingSet(store, new KizukiSettings(), options.HistoryEnd);
            var outcome = new ChurnTrainer(new ChurnTrainerOptions()).Train(set);

            Assert.True(outcome.SmallData);
            Assert.Null(outcome.Model.Trees);
            Assert.Equal(0, outcome.Model.TreeWeight);
            Assert.Equal("platt", outcome.Model.Calibration.Kind);
            Assert.True(outcome.Test.RocAuc.Upper - outcome.Test.RocAuc.Lower > 0.05, "a small test set gives a wide interval");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
