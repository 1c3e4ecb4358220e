using Kizuki.Modeling.Calibration;
using Kizuki.Modeling.Linear;

namespace Kizuki.Tests.Modeling.Calibration;

public sealed class CalibrationChooserTests
{
    [Fact]
    public void Choose_FewerThan1000Rows_PlattWithoutComparison()
    {
        var (raw, y) = MiscalibratedScores.Create(999, seed: 1);

        var choice = CalibrationChooser.Choose(raw, y);

        Assert.True(choice.SmallData);
        Assert.IsType<PlattCalibration>(choice.Calibration);
        Assert.True(double.IsNaN(choice.IsotonicLogLoss));
    }

    [Fact]
    public void Choose_FewerThan50Churners_PlattWithoutComparison()
    {
        var raw = Enumerable.Range(0, 2000).Select(i => i / 1000.0).ToArray();
        var y = raw.Select((_, i) => i % 50 == 0 ? 1.0 : 0.0).ToArray();

        var choice = CalibrationChooser.Choose(raw, y);

        Assert.True(choice.SmallData);
        Assert.Equal("platt", choice.Calibration.Kind);
    }

    [Fact]
    public void Choose_StepShapedTruthOnLargeData_PicksIsotonic()
    {
        var random = new Random(9);
        var raw = new double[4000];
        var y = new double[4000];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = (random.NextDouble() * 4) - 2;
            y[i] = random.NextDouble() < (raw[i] < 0 ? 0.05 : 0.6) ? 1 : 0;
        }

        var choice = CalibrationChooser.Choose(raw, y);

        Assert.False(choice.SmallData);
        Assert.Equal("isotonic", choice.Calibration.Kind);
        Assert.True(choice.IsotonicLogLoss < choice.PlattLogLoss);
    }

    [Fact]
    public void Choose_SameData_SameChoice()
    {
        var (raw, y) = MiscalibratedScores.Create(2000, seed: 3);

        var first = CalibrationChooser.Choose(raw, y);
        var second = CalibrationChooser.Choose(raw, y);

        Assert.Equal(first.Calibration.Serialize(), second.Calibration.Serialize());
        Assert.Equal(first.PlattLogLoss, second.PlattLogLoss);
        Assert.True(first.PlattLogLoss < BinaryLogLossOfSigmoid(raw, y));
    }

    private static double BinaryLogLossOfSigmoid(double[] raw, double[] y)
        => Kizuki.Modeling.Evaluation.BinaryMetrics.LogLoss(raw.Select(LogisticFunction.Sigmoid).ToArray(), y);
}
