namespace Kizuki.Modeling.Evaluation;

/// <summary>Every metric of probabilities against outcomes, as typed values; rendering (console, JSON) is separate.</summary>
/// <param name="Rows">Rows evaluated.</param>
/// <param name="Churners">Rows with label 1.</param>
/// <param name="ChurnRate">Churners / rows.</param>
/// <param name="RocAuc">ROC-AUC with its bootstrap interval (Estimate is the AUC on all rows).</param>
/// <param name="AveragePrecision">PR-AUC as average precision.</param>
/// <param name="LogLoss">Mean log loss.</param>
/// <param name="BrierScore">Mean squared error of the probabilities.</param>
/// <param name="Calibration">Predicted against observed per equal-count bin.</param>
/// <param name="ExpectedCalibrationError">Count-weighted mean |predicted − observed| over <paramref name="Calibration"/>.</param>
/// <param name="RiskBands">Predicted against observed per risk band, when edges were given.</param>
/// <param name="Lift">Lift and capture at each top share.</param>
/// <param name="Precision">Precision at each k.</param>
/// <remarks>Undefined values (e.g. AUC with one class) are NaN; serialise with named floating-point literals allowed.</remarks>
internal sealed record EvaluationReport(
    int Rows,
    int Churners,
    double ChurnRate,
    ConfidenceInterval RocAuc,
    double AveragePrecision,
    double LogLoss,
    double BrierScore,
    IReadOnlyList<CalibrationBin> Calibration,
    double ExpectedCalibrationError,
    IReadOnlyList<CalibrationBin>? RiskBands,
    IReadOnlyList<LiftAtFraction> Lift,
    IReadOnlyList<TopKPrecision> Precision)
{
    /// <summary>Computes the report from probabilities and 0/1 labels.</summary>
    public static EvaluationReport Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> labels, EvaluationOptions? options = null)
    {
        options ??= new EvaluationOptions();
        options.Validate();
        BinaryMetrics.Check(probabilities, labels);
        var churners = 0;
        foreach (var y in labels)
        {
            churners += y == 1.0 ? 1 : 0;
        }

        var calibration = CalibrationTable.ByQuantile(probabilities, labels, options.CalibrationBins);
        var lift = new List<LiftAtFraction>();
        foreach (var fraction in options.LiftFractions)
        {
            lift.Add(BinaryMetrics.Lift(probabilities, labels, fraction));
        }

        var precision = new List<TopKPrecision>();
        foreach (var k in options.PrecisionAtK)
        {
            precision.Add(BinaryMetrics.PrecisionAtK(probabilities, labels, k));
        }

        return new EvaluationReport(
            probabilities.Length,
            churners,
            probabilities.IsEmpty ? double.NaN : (double)churners / probabilities.Length,
            AucBootstrap.RocAuc(probabilities, labels, options.BootstrapResamples, options.BootstrapSeed, options.ConfidenceLevel),
            BinaryMetrics.AveragePrecision(probabilities, labels),
            BinaryMetrics.LogLoss(probabilities, labels),
            BinaryMetrics.BrierScore(probabilities, labels),
            calibration,
            CalibrationTable.ExpectedCalibrationError(calibration),
            options.RiskBandEdges is null ? null : CalibrationTable.ByBands(probabilities, labels, options.RiskBandEdges),
            lift,
            precision);
    }
}
