using Kizuki.Modeling.Evaluation;

namespace Kizuki.Tests.Modeling.Evaluation;

public sealed class CalibrationTableTests
{
    private static readonly double[] Probabilities = [0.9, 0.1, 0.2, 0.7, 0.3, 0.6];
    private static readonly double[] Labels = [1, 0, 1, 1, 0, 0];

    [Fact]
    public void ByQuantile_TwoBins_MeanPredictedAndObservedPerHalf()
    {
        var bins = CalibrationTable.ByQuantile(Probabilities, Labels, bins: 2);

        Assert.Equal(2, bins.Count);
        Assert.Equal((0.1, 0.3, 3, 1), (bins[0].Lower, bins[0].Upper, bins[0].Count, bins[0].Churners));
        Assert.Equal(0.2, bins[0].MeanPredicted, 1e-12);
        Assert.Equal(1.0 / 3, bins[0].ObservedRate, 1e-12);
        Assert.Equal(2.2 / 3, bins[1].MeanPredicted, 1e-12);
        Assert.Equal(2.0 / 3, bins[1].ObservedRate, 1e-12);
    }

    [Fact]
    public void ByBands_Edges_EveryBandListedEvenEmpty()
    {
        var bands = CalibrationTable.ByBands(Probabilities, Labels, [0.3, 0.6, 0.95]);

        Assert.Equal([2, 1, 3, 0], bands.Select(b => b.Count));
        Assert.Equal(0.5, bands[0].ObservedRate);
        Assert.Equal(0.3, bands[1].Lower);
        Assert.Equal(0.6, bands[1].Upper);
        Assert.Equal(0, bands[3].MeanPredicted);
        Assert.Equal(1.0, bands[3].Upper);
    }

    [Fact]
    public void ByBands_EdgesNotIncreasing_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationTable.ByBands(Probabilities, Labels, [0.6, 0.3]));
    }

    [Fact]
    public void ExpectedCalibrationError_TwoBins_CountWeightedGap()
    {
        var bins = CalibrationTable.ByQuantile(Probabilities, Labels, bins: 2);

        Assert.Equal((0.5 * ((1.0 / 3) - 0.2)) + (0.5 * ((2.2 / 3) - (2.0 / 3))), CalibrationTable.ExpectedCalibrationError(bins), 1e-12);
    }
}
