using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Modeling.Churn;

/// <summary>The trees of one fit: the leaf count chosen out of time (on a row sample when the data is large).</summary>
internal sealed partial class ChurnTrainer
{
    /// <summary>
    /// Fits the trees of one fold: while searching, each leaf count is stopped early on the calibration cutoff and the best
    /// one kept; a backtest fold reuses the chosen leaves and round count, scaled to its training rows.
    /// </summary>
    /// <remarks>With more training rows than <see cref="ChurnTrainerOptions.LeafSearchRows"/>, the leaf counts are compared on
    /// an evenly spaced sample of that many rows (every cutoff keeps its share) and only the winner learns from every row:
    /// the ranking of leaf counts is stable well before the full data, and each full fit costs the most.</remarks>
    /// <returns>The trees (null in small-data mode) and the leaf count used.</returns>
    private (LightGbmModel? Trees, int Leaves) FitTrees(
        FoldData data, int[] train, int[] calibrate, DesignMatrix xCalibrate, double[] yCalibrate, Choice? chosen)
    {
        if (data.Binned is not { } binned)
        {
            return (null, chosen?.Leaves ?? options.LeafChoices[0]);
        }

        if (chosen is not null)
        {
            var rounds = ScaledRounds(chosen, train.Length);
            return (new LightGbmEstimator(options.Trees with { NumLeaves = chosen.Leaves }).Fit(binned, train, default, rounds), chosen.Leaves);
        }

        var sampled = options.LeafChoices.Count > 1 && train.Length > options.LeafSearchRows;
        var searchRows = sampled ? Thin(train, options.LeafSearchRows) : train;
        LightGbmModel? best = null;
        var bestAuc = double.NegativeInfinity;
        var leaves = options.LeafChoices[0];
        foreach (var candidate in options.LeafChoices)
        {
            var model = new LightGbmEstimator(options.Trees with { NumLeaves = candidate }).Fit(binned, searchRows, calibrate);
            var auc = BinaryMetrics.RocAuc(model.PredictRaw(xCalibrate), yCalibrate);
            if (best is null || auc > bestAuc)
            {
                best?.Dispose();
                (best, bestAuc, leaves) = (model, auc, candidate);
            }
            else
            {
                model.Dispose();
            }
        }

        if (!sampled)
        {
            return (best, leaves);
        }

        best!.Dispose();
        data.Stages.Lap("trees (leaf search)");
        return (new LightGbmEstimator(options.Trees with { NumLeaves = leaves }).Fit(binned, train, calibrate), leaves);
    }
}
