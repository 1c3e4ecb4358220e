using Kizuki.Modeling.Evaluation;

namespace Kizuki.Modeling.Registry;

/// <summary>What a stored model is: how it was trained, on what, and how well it did on data it never saw.</summary>
/// <param name="Version">Version number, from 1.</param>
/// <param name="CreatedAt">When it was trained (from the injected clock).</param>
/// <param name="Features">The feature names it reads, in order.</param>
/// <param name="ChurnKind">contractual or nonContractual.</param>
/// <param name="WindowDays">Prediction window of the churn definition, in days.</param>
/// <param name="FirstTrainingCutoff">The earliest cutoff it learned from.</param>
/// <param name="CalibrationCutoff">The out-of-time cutoff that chose hyperparameters and fitted the calibration.</param>
/// <param name="TestCutoff">The latest cutoff, held out for the evaluation.</param>
/// <param name="TrainingRows">Rows it learned from.</param>
/// <param name="TrainingChurners">Churners among them.</param>
/// <param name="SmallData">Whether small-data mode applied.</param>
/// <param name="TreeWeight">Weight of the trees in the blend.</param>
/// <param name="TreeIterations">Trees kept.</param>
/// <param name="LogisticLambda">The logistic regression's L2 penalty.</param>
/// <param name="Calibration">Calibration kind (platt or isotonic).</param>
/// <param name="DataFingerprint">SHA-256 of the training set's customers, cutoffs and labels: equal data, equal fingerprint.</param>
/// <param name="Test">Evaluation on the held-out latest cutoff.</param>
/// <param name="Baselines">The practitioners' rules on the same rows.</param>
/// <param name="Backtest">The rolling backtest over earlier cutoffs.</param>
internal sealed record ModelMetadata(
    int Version,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Features,
    string ChurnKind,
    int WindowDays,
    DateTimeOffset FirstTrainingCutoff,
    DateTimeOffset CalibrationCutoff,
    DateTimeOffset TestCutoff,
    int TrainingRows,
    int TrainingChurners,
    bool SmallData,
    double TreeWeight,
    int TreeIterations,
    double LogisticLambda,
    string Calibration,
    string DataFingerprint,
    EvaluationReport Test,
    IReadOnlyList<NamedReport> Baselines,
    IReadOnlyList<BacktestResult> Backtest)
{
    /// <summary>When the stored model was refitted on every cutoff after the evaluation, how; null when the stored model is the evaluated one.</summary>
    public RefitSummary? Refit { get; init; }

    /// <summary>
    /// The purchase-model fits its lifetime features read (the last one fitted on orders before the training data end);
    /// scoring, explanations and the live scorer evaluate the features with these; null when it has no lifetime features.
    /// </summary>
    public Kizuki.Lifetime.LifetimeFeatureModels? Lifetime { get; init; }

    /// <summary>
    /// The feature context this model is scored with: the settings' catalog, plus the lifetime features with the stored
    /// fits when the model reads them.
    /// </summary>
    public Kizuki.Features.FeatureContext CreateFeatureContext(Kizuki.Features.FeatureSettings settings) => new(settings, Lifetime);
}

/// <summary>The stored model's refit: the evaluated recipe learned again from every cutoff, the newest included.</summary>
/// <param name="LastTrainingCutoff">The newest cutoff it learned from (the evaluation's test cutoff).</param>
/// <param name="TrainingRows">Rows it learned from.</param>
/// <param name="TrainingChurners">Churners among them.</param>
/// <param name="TreeIterations">Trees: the evaluated count scaled to the larger training set.</param>
/// <param name="Calibration">Calibration kind, fitted on the out-of-time test scores of the evaluated fits.</param>
/// <param name="CalibrationCutoffs">The test cutoffs whose out-of-time scores fitted the calibration.</param>
internal sealed record RefitSummary(
    DateTimeOffset LastTrainingCutoff, int TrainingRows, int TrainingChurners, int TreeIterations, string Calibration,
    IReadOnlyList<DateTimeOffset> CalibrationCutoffs);

/// <summary>A rule baseline's evaluation.</summary>
internal sealed record NamedReport(string Name, string LabelJa, string LabelEn, EvaluationReport Report);

/// <summary>One step of the rolling backtest.</summary>
internal sealed record BacktestResult(DateTimeOffset Cutoff, int Rows, int Churners, double RocAuc, double AveragePrecision, double BrierScore);
