using Kizuki.Modeling.Calibration;
using Kizuki.Modeling.Evaluation;

namespace Kizuki.Tests.Modeling.Calibration;

public sealed class IsotonicCalibratorTests
{
    [Fact]
    public void Fit_HandExample_PoolsViolatorsAndInterpolates()
    {
        var isotonic = IsotonicCalibrator.Fit([4.0, 1.0, 3.0, 2.0], [1.0, 0.0, 0.0, 1.0]);

        Assert.Equal([1.0, 2.0, 3.0, 4.0], isotonic.Scores);
        Assert.Equal([1e-6, 0.5, 0.5, 1 - 1e-6], isotonic.Probabilities);
        Assert.Equal((1e-6 + 0.5) / 2, isotonic.Probability(1.5), 1e-12);
        Assert.Equal(0.5, isotonic.Probability(2.5));
        Assert.Equal(1e-6, isotonic.Probability(-10));
        Assert.Equal(1 - 1e-6, isotonic.Probability(10));
    }

    [Fact]
    public void Fit_TiedScores_PooledIntoOnePoint()
    {
        var isotonic = IsotonicCalibrator.Fit([1.0, 1.0, 1.0, 1.0, 2.0], [0.0, 1.0, 0.0, 0.0, 1.0]);

        Assert.Equal(0.25, isotonic.Probability(1.0));
    }

    [Fact]
    public void Fit_Weights_CountRowsThatManyTimes()
    {
        var weighted = IsotonicCalibrator.Fit([1.0, 2.0, 3.0], [1.0, 0.0, 1.0], [3.0, 1.0, 1.0]);

        Assert.Equal(0.75, weighted.Probability(1.5));
    }

    [Fact]
    public void Fit_MiscalibratedScores_MonotoneAndBetterLogLossOnFreshData()
    {
        var (raw, y) = MiscalibratedScores.Create(5000, seed: 5);
        var (freshRaw, freshY) = MiscalibratedScores.Create(5000, seed: 6);

        var isotonic = IsotonicCalibrator.Fit(raw, y);

        Assert.True(isotonic.Probabilities.Zip(isotonic.Probabilities.Skip(1)).All(p => p.Second >= p.First));
        Assert.True(isotonic.Scores.Zip(isotonic.Scores.Skip(1)).All(p => p.Second > p.First));
        var before = BinaryMetrics.LogLoss(MiscalibratedScores.Uncalibrated(freshRaw), freshY);
        var after = BinaryMetrics.LogLoss(isotonic.Probabilities(freshRaw), freshY);
        Assert.True(after < before - 0.05, FormattableString.Invariant($"log loss {before} → {after}"));
    }

    [Fact]
    public void Load_Serialized_IdenticalProbabilities()
    {
        var (raw, y) = MiscalibratedScores.Create(300, seed: 7);
        var isotonic = IsotonicCalibrator.Fit(raw, y);

        var loaded = ScoreCalibration.Load(isotonic.Serialize());

        Assert.Equal("isotonic", loaded.Kind);
        Assert.Equal(isotonic.Probabilities(raw), loaded.Probabilities(raw));
    }

    [Fact]
    public void Load_UnknownKind_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => ScoreCalibration.Load("{\"kind\":\"beta\"}"));
    }
}
