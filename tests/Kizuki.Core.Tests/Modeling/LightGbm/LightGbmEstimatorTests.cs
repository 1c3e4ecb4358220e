using Kizuki.Modeling;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Tests.Modeling.LightGbm;

public sealed class LightGbmEstimatorTests
{
    private static readonly LightGbmOptions Quick = LightGbmTestData.Quick;

    [Fact]
    public void Fit_KnownSignal_RanksHeldOutRowsWithAucAbove090()
    {
        var (train, rest) = LightGbmTestData.Split(LightGbmTestData.Signal(6000, seed: 1), 4000);
        var (validation, test) = LightGbmTestData.Split(rest, 1000);

        using var model = new LightGbmEstimator(Quick).Fit(train.X, train.Y, validation: validation);

        var auc = LightGbmTestData.Auc(model.PredictRaw(test.X), test.Y);
        Assert.True(auc > 0.9, $"AUC {auc:F4}");
        Assert.Equal("lightgbm", model.Kind);
        Assert.Same(train.X.Columns, model.Columns);
    }

    [Fact]
    public void Fit_CategoricalColumn_SplitsOnASetOfCategoriesInOneStep()
    {
        // Churners sit in codes 1 and 4 of six: one categorical split separates them, one numeric split cannot.
        var random = new Random(7);
        var codes = Enumerable.Range(0, 3000).Select(_ => (double)random.Next(6)).ToArray();
        var y = codes.Select(c => c is 1 or 4 ? 1.0 : 0.0).ToArray();
        var stump = Quick with { NumLeaves = 2, MaxRounds = 1, BaggingFreq = 0 };

        var categorical = new DesignMatrix([new ModelColumn("Region", ["北海道", "東北", "関東", "中部", "近畿", "九州"])], codes);
        var numeric = new DesignMatrix([new ModelColumn("Region")], codes);
        using var asCategories = new LightGbmEstimator(stump).Fit(categorical, y);
        using var asNumbers = new LightGbmEstimator(stump).Fit(numeric, y);

        Assert.Equal(1.0, LightGbmTestData.Auc(asCategories.PredictRaw(categorical), y), 6);
        Assert.True(LightGbmTestData.Auc(asNumbers.PredictRaw(numeric), y) < 0.9);
    }

    [Fact]
    public void Fit_MissingValuesCarryTheSignal_LearnsFromNaN()
    {
        // Missing is not zero: many present values are exactly 0 and carry no churn.
        var random = new Random(3);
        var values = Enumerable.Range(0, 4000).Select(_ => random.NextDouble() switch
        {
            < 0.3 => double.NaN,
            < 0.5 => 0.0,
            _ => random.NextDouble(),
        }).ToArray();
        var y = values.Select(v => double.IsNaN(v) ? 1.0 : 0.0).ToArray();
        var x = new DesignMatrix([new ModelColumn("DaysSinceLastLogin")], values);
        var (train, test) = LightGbmTestData.Split((x, y), 3000);

        using var model = new LightGbmEstimator(Quick with { MaxRounds = 30 }).Fit(train.X, train.Y);

        Assert.True(LightGbmTestData.Auc(model.PredictRaw(test.X), test.Y) > 0.99);
        Assert.True(model.PredictRaw([double.NaN]) > model.PredictRaw([0.0]) + 1);
    }

    [Fact]
    public void Fit_NoiseWithValidation_StopsEarly()
    {
        var (train, validation) = LightGbmTestData.Split(LightGbmTestData.Noise(3000, seed: 5), 2000);
        var options = Quick with { MaxRounds = 300, EarlyStoppingRounds = 10 };

        using var model = new LightGbmEstimator(options).Fit(train.X, train.Y, validation: validation);

        Assert.InRange(model.Iterations, 1, 100);
    }

    [Fact]
    public void Fit_NoValidation_KeepsEveryRound()
    {
        var data = LightGbmTestData.Noise(1000, seed: 6);

        using var model = new LightGbmEstimator(Quick with { MaxRounds = 25 }).Fit(data.X, data.Y);

        Assert.Equal(25, model.Iterations);
    }

    [Fact]
    public void Fit_SameDataTwice_GivesTheSameModelText()
    {
        var data = LightGbmTestData.Signal(1500, seed: 8);
        var estimator = new LightGbmEstimator(Quick with { MaxRounds = 40 });

        using var first = estimator.Fit(data.X, data.Y);
        using var second = estimator.Fit(data.X, data.Y);

        Assert.Equal(first.Serialize(), second.Serialize());
    }

    [Fact]
    public void Fit_ZeroWeightOnChurners_PredictsLowRisk()
    {
        var data = LightGbmTestData.Signal(2000, seed: 9);
        var weights = data.Y.Select(label => label == 1 ? 0.0 : 1.0).ToArray();
        var unweighted = new LightGbmEstimator(Quick with { MaxRounds = 30 });

        using var model = unweighted.Fit(data.X, data.Y, weights);
        using var baseline = unweighted.Fit(data.X, data.Y);

        Assert.True(model.PredictRaw(data.X).Average() < baseline.PredictRaw(data.X).Average() - 1);
    }

    [Fact]
    public void Fit_LabelOtherThanZeroOrOne_IsRejectedNamingTheRow()
    {
        var data = LightGbmTestData.Noise(50, seed: 10);
        data.Y[7] = 2;

        var error = Assert.Throws<ArgumentException>(() => new LightGbmEstimator(Quick).Fit(data.X, data.Y));

        Assert.Equal("y", error.ParamName);
        Assert.Contains("row 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ProbabilityLabels_LearnsTheProbabilitiesCloserThanFromLabelsDrawnFromThem()
    {
        // One column; the true probability is a logistic curve of it. Fitting the probabilities themselves (cross-entropy)
        // must recover the curve, and more closely than fitting 0/1 labels drawn from it.
        var random = new Random(12);
        const int rows = 3000;
        var values = new double[rows];
        var truth = new double[rows];
        var drawn = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            values[r] = (random.NextDouble() * 6) - 3;
            truth[r] = 1 / (1 + Math.Exp(-((2 * values[r]) - 1)));
            drawn[r] = random.NextDouble() < truth[r] ? 1 : 0;
        }

        var x = new DesignMatrix([new ModelColumn("x")], values);
        var noValidation = Quick with { MaxRounds = 100 };

        using var onTruth = new LightGbmEstimator(noValidation with { ProbabilityLabels = true }).Fit(x, truth);
        using var onDraws = new LightGbmEstimator(noValidation).Fit(x, drawn);

        double Error(LightGbmModel model) => model.PredictRaw(x).Select((raw, r) => Math.Abs((1 / (1 + Math.Exp(-raw))) - truth[r])).Average();
        Assert.True(Error(onTruth) < 0.02, $"mean error on probabilities {Error(onTruth)}");
        Assert.True(Error(onTruth) < Error(onDraws), $"probabilities {Error(onTruth)}, drawn labels {Error(onDraws)}");
    }

    [Fact]
    public void Fit_ProbabilityLabelOutsideZeroToOne_IsRejectedNamingTheRow()
    {
        var data = LightGbmTestData.Noise(50, seed: 13);
        data.Y[3] = 0.4;
        data.Y[9] = 1.5;

        var error = Assert.Throws<ArgumentException>(() => new LightGbmEstimator(Quick with { ProbabilityLabels = true }).Fit(data.X, data.Y));

        Assert.Equal("y", error.ParamName);
        Assert.Contains("row 9", error.Message, StringComparison.Ordinal);
        Assert.Contains("probability", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LabelCountDiffersFromRows_IsRejected()
    {
        var data = LightGbmTestData.Noise(50, seed: 11);

        var error = Assert.Throws<ArgumentException>(() => new LightGbmEstimator(Quick).Fit(data.X, data.Y.AsSpan(1)));

        Assert.Equal("y", error.ParamName);
    }

    [Fact]
    public void Fit_NegativeCategoryCode_IsRejectedNamingTheColumn()
    {
        var x = new DesignMatrix([new ModelColumn("Plan", ["a", "b"])], [0, 1, -1, 0]);

        var error = Assert.Throws<ArgumentException>(() => new LightGbmEstimator(Quick).Fit(x, [0, 1, 0, 1]));

        Assert.Contains("Plan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ValidationWithOtherColumns_IsRejected()
    {
        var data = LightGbmTestData.Noise(50, seed: 12);
        var other = new DesignMatrix([new ModelColumn("A"), new ModelColumn("B"), new ModelColumn("C"), new ModelColumn("E")], data.X.Values);

        var error = Assert.Throws<ArgumentException>(() => new LightGbmEstimator(Quick).Fit(data.X, data.Y, validation: (other, data.Y)));

        Assert.Equal("validation", error.ParamName);
    }

    [Fact]
    public void Fit_TelcoFile_ReachesAPublishedLevelOfAuc()
    {
        var telco = TelcoMatrix.Load();
        var order = Enumerable.Range(0, telco.X.Rows).ToArray();
        new Random(2024).Shuffle(order);
        var train = order[..4200];
        var validation = order[4200..5600];
        var test = order[5600..];
        double[] Labels(int[] rows) => rows.Select(r => telco.Y[r]).ToArray();

        using var model = new LightGbmEstimator(Quick with { MaxRounds = 500, EarlyStoppingRounds = 30 })
            .Fit(telco.X.SelectRows(train), Labels(train), validation: (telco.X.SelectRows(validation), Labels(validation)));

        var auc = LightGbmTestData.Auc(model.PredictRaw(telco.X.SelectRows(test)), Labels(test));
        Assert.True(auc > 0.82, $"AUC {auc:F4}");
    }
}
