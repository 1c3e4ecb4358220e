using Kizuki.Modeling.Calibration;
using Kizuki.Modeling.Evaluation;

namespace Kizuki.Tests.Modeling.Calibration;

public sealed class PlattCalibratorTests
{
    [Fact]
    public void Fit_OverconfidentScores_RecoversSlopeAndShift()
    {
        var (raw, y) = MiscalibratedScores.Create(20_000, seed: 1);

        var platt = PlattCalibrator.Fit(raw, y);

        Assert.InRange(platt.A, 1.0 / 3 - 0.03, 1.0 / 3 + 0.03);
        Assert.InRange(platt.B, -1.0 / 3 - 0.08, -1.0 / 3 + 0.08);
    }

    [Fact]
    public void Fit_OverconfidentScores_ImprovesLogLossOnFreshData()
    {
        var (raw, y) = MiscalibratedScores.Create(3000, seed: 2);
        var (freshRaw, freshY) = MiscalibratedScores.Create(3000, seed: 3);

        var platt = PlattCalibrator.Fit(raw, y);

        var before = BinaryMetrics.LogLoss(MiscalibratedScores.Uncalibrated(freshRaw), freshY);
        var after = BinaryMetrics.LogLoss(platt.Probabilities(freshRaw), freshY);
        Assert.True(after < before - 0.05, FormattableString.Invariant($"log loss {before} → {after}"));
    }

    [Fact]
    public void Probability_IncreasingScores_NonDecreasing()
    {
        var (raw, y) = MiscalibratedScores.Create(500, seed: 4);
        var platt = PlattCalibrator.Fit(raw, y);

        var grid = Enumerable.Range(-100, 201).Select(i => i / 10.0).Select(platt.Probability).ToArray();

        Assert.True(grid.Zip(grid.Skip(1)).All(p => p.Second >= p.First));
    }

    [Fact]
    public void Fit_PerfectlySeparated_StaysFinite()
    {
        var platt = PlattCalibrator.Fit([-2.0, -1.0, 1.0, 2.0], [0.0, 0.0, 1.0, 1.0]);

        Assert.True(double.IsFinite(platt.A) && double.IsFinite(platt.B));
        Assert.InRange(platt.Probability(2.0), 0.5, 1 - 1e-3);
    }

    [Fact]
    public void Load_Serialized_SameCalibration()
    {
        var platt = PlattCalibrator.Fit([-1.0, 0.0, 0.5, 1.0, 2.0], [0.0, 1.0, 0.0, 1.0, 1.0]);

        var loaded = ScoreCalibration.Load(platt.Serialize());

        Assert.Equal(platt, loaded);
    }
}
