using System.Diagnostics;
using Kizuki.Demo;
using Kizuki.Explanations;
using Kizuki.Features.History;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.Cli.Commands;

/// <summary>The demo's modelling step: train and evaluate a model, and compare it with the oracle from the ground truth.</summary>
internal static class DemoTraining
{
    public static DemoModel Run(CliContext context, IStore store, DemoOptions options, DemoResult result)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var set = ChurnModelling.BuildTrainingSet(store, context.Settings, options.HistoryEnd);
            var (metadata, outcome) = ChurnModelling.Train(set, new ChurnTrainerOptions(), new ModelRegistry(context.DataDirectory),
                context.Environment.Time.GetUtcNow());
            // The generator's hazard is the chance of leaving for good. It ranks the contractual label (a contract ends in the
            // window) but not the non-contractual one (no order in the window), which also counts quiet customers who stay,
            // so the oracle is only computed where it is the best possible ranking of the label.
            var oracle = set.Definition.Kind == Kizuki.Features.Labels.ChurnKind.Contractual
                ? OracleAuc.Compute(result.CustomersTruthFile, result.HazardTruthFile, set, outcome.TestCutoff)
                : OracleAucs.None;
            return new DemoModel(metadata, oracle, watch.Elapsed, null);
        }
        catch (InvalidOperationException e)
        {
            // Too little history or too few churners to learn from: the demo's data is still there; say why there is no model.
            return new DemoModel(null, OracleAucs.None, watch.Elapsed, e.Message);
        }
    }
}

/// <summary>What the demo's modelling step produced.</summary>
/// <param name="Metadata">The trained model's record, or null when none could be trained.</param>
/// <param name="Oracle">The full and the knowable oracle's ROC-AUC on the same held-out rows (NaN where not comparable).</param>
/// <param name="Elapsed">Time spent building the training set and training.</param>
/// <param name="Failure">Why no model was trained, if so.</param>
internal sealed record DemoModel(ModelMetadata? Metadata, OracleAucs Oracle, TimeSpan Elapsed, string? Failure)
{
    /// <summary>The full oracle's AUC: it also knows churn whose cause begins after the cutoff.</summary>
    public double OracleAuc => Oracle.Full;

    /// <summary>The knowable oracle's AUC: only what could be known at the cutoff.</summary>
    public double KnowableOracleAuc => Oracle.Knowable;

    /// <summary>The model's AUC as a share of the full oracle's.</summary>
    public double ShareOfOracle => Metadata is null ? double.NaN : Metadata.Test.RocAuc.Estimate / Oracle.Full;

    /// <summary>The model's AUC as a share of the knowable oracle's.</summary>
    public double ShareOfKnowable => Metadata is null ? double.NaN : Metadata.Test.RocAuc.Estimate / Oracle.Knowable;
}

/// <summary>The demo's scoring step: every active customer scored with the new model, stored with reasons.</summary>
/// <param name="Run">The scores (stored) and their reasons.</param>
/// <param name="Agreement">How often the generator's planted churn mechanism is among a high-risk customer's top reasons; null without reasons.</param>
internal sealed record DemoScoring(ScoringRun Run, MechanismAgreement? Agreement)
{
    /// <summary>Scores and stores every active customer as of the end of the history (what <c>kizuki score</c> does); null without an active model.</summary>
    public static DemoScoring? Score(CliContext context, IStore store, DemoOptions options, DemoResult result)
    {
        if (ScoreCommand.ScoreAndStore(context, store, options.HistoryEnd) is not { } run)
        {
            return null;
        }

        var agreement = run.Reasons is { } reasons ? MechanismAgreement.Measure(run.Scores, reasons, result.CustomersTruthFile) : null;
        return new DemoScoring(run, agreement);
    }
}
