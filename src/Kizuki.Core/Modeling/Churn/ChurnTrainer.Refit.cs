using Kizuki.Modeling.LightGbm;
using Kizuki.Modeling.Linear;

namespace Kizuki.Modeling.Churn;

/// <summary>The production model: the evaluated recipe refitted on every cutoff, the newest included.</summary>
internal sealed partial class ChurnTrainer
{
    private RefittedModel Refit(FoldData data, FoldResult main, IReadOnlyList<FoldResult> evaluated)
    {
        var all = Enumerable.Range(0, data.X.Rows).ToArray();
        var choice = main.Choice;
        var linearRows = Thin(all, choice.TreeWeight >= 1 ? Math.Min(options.IdleLogisticRowLimit, options.LogisticRowLimit) : options.LogisticRowLimit);
        var linear = new LogisticRegressionEstimator(new LogisticRegressionOptions { Lambda = choice.Lambda })
            .Fit(linearRows.Length == all.Length ? data.X : data.X.SelectRows(linearRows), Pick(data.Y, linearRows));
        data.Stages.Lap("logistic (refit)");
        LightGbmModel? trees = null;
        var rounds = 0;
        if (data.Binned is { } binned && choice.TreeIterations > 0)
        {
            rounds = ScaledRounds(choice, all.Length);
            trees = new LightGbmEstimator(options.Trees with { NumLeaves = choice.Leaves }).Fit(binned, all, default, rounds);
            data.Stages.Lap("trees (refit)");
        }

        // Cross-fitted calibration: every evaluated fit's scores on its own test cutoff, which its models never saw.
        var raw = evaluated.SelectMany(f => f.TestRaw).ToArray();
        var labels = evaluated.SelectMany(f => f.TestLabels).ToArray();
        var calibration = Calibrate(raw, labels, data.Small);
        var model = new ChurnEnsemble(data.Encoder, trees, linear, choice.TreeWeight, calibration);
        return new RefittedModel(model, data.Split.Cutoffs[^1], all.Length, (int)data.Y.Sum(), trees?.Iterations ?? 0,
            [.. evaluated.Select(f => f.Outcome.TestCutoff).Order()], raw.Length);
    }
}

/// <summary>The model that is stored and used: refitted on every cutoff with the hyperparameters chosen out of time.</summary>
/// <param name="Model">The refitted ensemble.</param>
/// <param name="LastTrainingCutoff">The newest cutoff it learned from (the evaluation's test cutoff).</param>
/// <param name="Rows">Rows it learned from (every cutoff).</param>
/// <param name="Churners">Churners among them.</param>
/// <param name="TreeIterations">Trees: the evaluated model's early-stopped count, scaled to the larger training set.</param>
/// <param name="CalibrationCutoffs">The out-of-time test cutoffs whose scores fitted its calibration.</param>
/// <param name="CalibrationRows">Rows of those scores.</param>
internal sealed record RefittedModel(
    ChurnEnsemble Model, long LastTrainingCutoff, int Rows, int Churners, int TreeIterations, IReadOnlyList<long> CalibrationCutoffs,
    int CalibrationRows);
