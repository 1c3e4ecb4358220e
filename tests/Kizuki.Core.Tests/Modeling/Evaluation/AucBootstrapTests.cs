using Kizuki.Modeling.Evaluation;

namespace Kizuki.Tests.Modeling.Evaluation;

public sealed class AucBootstrapTests
{
    private static (double[] Scores, double[] Labels) Data(int rows)
    {
        var random = new Random(21);
        var labels = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.3 ? 1.0 : 0.0).ToArray();
        var scores = labels.Select(y => Math.Round(random.NextDouble() + (0.5 * y), 2)).ToArray();
        return (scores, labels);
    }

    [Fact]
    public void RocAuc_SameSeed_SameIntervalContainingTheEstimate()
    {
        var (scores, labels) = Data(800);

        var first = AucBootstrap.RocAuc(scores, labels, resamples: 1000, seed: 7);
        var second = AucBootstrap.RocAuc(scores, labels, resamples: 1000, seed: 7);

        Assert.Equal(first, second);
        Assert.Equal(BinaryMetrics.RocAuc(scores, labels), first.Estimate);
        Assert.InRange(first.Estimate, first.Lower, first.Upper);
        Assert.True(first.Upper - first.Lower is > 0.02 and < 0.2);
        Assert.Equal(1000, first.Resamples);
        Assert.InRange(first.StandardError, (first.Upper - first.Lower) / 5, (first.Upper - first.Lower) / 3);
    }

    [Fact]
    public void RocAuc_OtherSeed_OtherBounds()
    {
        var (scores, labels) = Data(800);

        var a = AucBootstrap.RocAuc(scores, labels, seed: 1);
        var b = AucBootstrap.RocAuc(scores, labels, seed: 2);

        Assert.NotEqual(a.Lower, b.Lower);
    }

    [Fact]
    public void RocAuc_MoreData_NarrowerInterval()
    {
        var (small, smallLabels) = Data(200);
        var (large, largeLabels) = Data(5000);

        var narrow = AucBootstrap.RocAuc(large, largeLabels, resamples: 300);
        var wide = AucBootstrap.RocAuc(small, smallLabels, resamples: 300);

        Assert.True(narrow.Upper - narrow.Lower < wide.Upper - wide.Lower);
    }

    [Fact]
    public void RocAuc_OneClass_NaNBounds()
    {
        var interval = AucBootstrap.RocAuc([0.1, 0.5], [0.0, 0.0]);

        Assert.True(double.IsNaN(interval.Lower) && double.IsNaN(interval.Upper));
        Assert.Equal(0, interval.Resamples);
    }
}
