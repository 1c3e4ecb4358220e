using System.Diagnostics;
using Kizuki.Demo;
using Kizuki.Features.History;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;
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
                ? OracleAuc.Compute(result.HazardTruthFile, set, outcome.TestCutoff)
                : double.NaN;
            return new DemoModel(metadata, oracle, watch.Elapsed, null);
        }
        catch (InvalidOperationException e)
        {
            // Too little history or too few churners to learn from: the demo's data is still there; say why there is no model.
            return new DemoModel(null, double.NaN, watch.Elapsed, e.Message);
        }
    }
}

/// <summary>What the demo's modelling step produced.</summary>
/// <param name="Metadata">The trained model's record, or null when none could be trained.</param>
/// <param name="OracleAuc">The oracle's ROC-AUC on the same held-out rows.</param>
/// <param name="Elapsed">Time spent building the training set and training.</param>
/// <param name="Failure">Why no model was trained, if so.</param>
internal sealed record DemoModel(ModelMetadata? Metadata, double OracleAuc, TimeSpan Elapsed, string? Failure)
{
    /// <summary>The model's AUC as a share of the oracle's.</summary>
    public double ShareOfOracle => Metadata is null ? double.NaN : Metadata.Test.RocAuc.Estimate / OracleAuc;
}
