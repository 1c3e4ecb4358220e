using Kizuki.Modeling.Evaluation;

namespace Kizuki.Tests.Modeling.Evaluation;

public sealed class EvaluationReportTests
{
    [Fact]
    public void Compute_Defaults_AgreesWithEachMetric()
    {
        var random = new Random(4);
        var labels = Enumerable.Range(0, 1000).Select(_ => random.NextDouble() < 0.2 ? 1.0 : 0.0).ToArray();
        var probabilities = labels.Select(y => Math.Clamp((random.NextDouble() * 0.6) + (0.3 * y), 0, 1)).ToArray();

        var report = EvaluationReport.Compute(probabilities, labels, new EvaluationOptions { RiskBandEdges = [0.3, 0.6] });

        Assert.Equal(1000, report.Rows);
        Assert.Equal((int)labels.Sum(), report.Churners);
        Assert.Equal(BinaryMetrics.RocAuc(probabilities, labels), report.RocAuc.Estimate);
        Assert.Equal(BinaryMetrics.AveragePrecision(probabilities, labels), report.AveragePrecision);
        Assert.Equal(BinaryMetrics.LogLoss(probabilities, labels), report.LogLoss);
        Assert.Equal(BinaryMetrics.BrierScore(probabilities, labels), report.BrierScore);
        Assert.Equal(10, report.Calibration.Count);
        Assert.Equal(1000, report.Calibration.Sum(b => b.Count));
        Assert.Equal(3, report.RiskBands!.Count);
        Assert.Equal([0.1, 0.2], report.Lift.Select(l => l.Fraction));
        Assert.Equal(100, Assert.Single(report.Precision).K);
        Assert.InRange(report.RocAuc.Estimate, report.RocAuc.Lower, report.RocAuc.Upper);
    }

    [Fact]
    public void Validate_ZeroBins_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EvaluationReport.Compute([0.5], [1.0], new EvaluationOptions { CalibrationBins = 0 }));
        Assert.Equal("CalibrationBins", error.ParamName);
    }
}
