using Kizuki.Modeling.Evaluation;

namespace Kizuki.Tests.Modeling.Evaluation;

public sealed class BinaryMetricsTests
{
    private static readonly double[] Scores = [0.1, 0.4, 0.35, 0.8, 0.4];
    private static readonly double[] Labels = [0, 0, 1, 1, 1];

    [Fact]
    public void RocAuc_TiedScores_CountHalf()
    {
        Assert.Equal(4.5 / 6, BinaryMetrics.RocAuc(Scores, Labels), 1e-12);
    }

    [Fact]
    public void RocAuc_PerfectAndReversed_OneAndZero()
    {
        Assert.Equal(1.0, BinaryMetrics.RocAuc([0.1, 0.2, 0.9], [0.0, 0.0, 1.0]));
        Assert.Equal(0.0, BinaryMetrics.RocAuc([0.9, 0.8, 0.1], [0.0, 0.0, 1.0]));
    }

    [Fact]
    public void RocAuc_OneClassOnly_NaN()
    {
        Assert.True(double.IsNaN(BinaryMetrics.RocAuc([0.1, 0.2], [1.0, 1.0])));
    }

    [Fact]
    public void AveragePrecision_TiedScores_OneThreshold()
    {
        Assert.Equal(29.0 / 36, BinaryMetrics.AveragePrecision(Scores, Labels), 1e-12);
    }

    [Fact]
    public void BrierScore_HandExample_MeanSquaredError()
    {
        Assert.Equal(0.9925 / 5, BinaryMetrics.BrierScore(Scores, Labels), 1e-12);
    }

    [Fact]
    public void LogLoss_HandExample_MeanNegativeLogLikelihood()
    {
        var expected = -(Math.Log(0.9) + Math.Log(0.6) + Math.Log(0.35) + Math.Log(0.8) + Math.Log(0.4)) / 5;
        Assert.Equal(expected, BinaryMetrics.LogLoss(Scores, Labels), 1e-12);
    }

    [Fact]
    public void LogLoss_ConfidentMiss_ClippedAndFinite()
    {
        Assert.Equal(-Math.Log(1e-15) / 2, BinaryMetrics.LogLoss([0.0, 0.0], [1.0, 0.0]), 1e-9);
    }

    [Fact]
    public void Lift_TopTenAndTwentyPercent_PrecisionOverBaseRateAndCapture()
    {
        double[] scores = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
        double[] labels = [1, 0, 0, 1, 0, 0, 0, 0, 1, 0];

        var top10 = BinaryMetrics.Lift(scores, labels, 0.1);
        var top20 = BinaryMetrics.Lift(scores, labels, 0.2);

        Assert.Equal((1, 1, 1.0), (top10.Taken, top10.Churners, top10.Precision));
        Assert.Equal(1.0 / 3, top10.Capture, 1e-12);
        Assert.Equal(1.0 / 0.3, top10.Lift, 1e-12);
        Assert.Equal(2, top20.Taken);
        Assert.Equal(0.5 / 0.3, top20.Lift, 1e-12);
        Assert.Equal(1.0 / 3, top20.Capture, 1e-12);
    }

    [Fact]
    public void PrecisionAtK_TopFour_HalfAreChurners()
    {
        double[] scores = [10, 9, 8, 7, 6, 5];
        double[] labels = [1, 0, 0, 1, 1, 0];

        Assert.Equal(new TopKPrecision(4, 4, 2, 0.5), BinaryMetrics.PrecisionAtK(scores, labels, 4));
        Assert.Equal(new TopKPrecision(100, 6, 3, 0.5), BinaryMetrics.PrecisionAtK(scores, labels, 100));
    }

    [Fact]
    public void Check_LabelNotZeroOrOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMetrics.BrierScore([0.5], [2.0]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc([0.5, 0.2], [1.0]));
    }
}
