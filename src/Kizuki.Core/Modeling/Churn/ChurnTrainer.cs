using Kizuki.Features.Labels;
using Kizuki.Modeling.Calibration;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Modeling.Churn;

/// <summary>Fits the churn ensemble on a training set with honest, time-ordered validation, then refits it on every cutoff.</summary>
/// <remarks>
/// <para>Cutoffs are used in time order, never shuffled: the evaluated model learns from all cutoffs but the last two;
/// the second-last (out of time) chooses hyperparameters, stops the trees early, sets the blend weight and fits the
/// calibration; the last is the test, seen by nothing before the evaluation. The rolling backtest repeats this with
/// the test moved back one cutoff at a time, with the hyperparameters chosen once.</para>
/// <para>The stored (production) model is then refitted on every cutoff, the newest included, with the chosen
/// hyperparameters and the trees' round count scaled to the larger training set. Its calibration is cross-fitted:
/// fitted on the out-of-time test scores of the evaluated model and the backtest folds, which were all made by the
/// same recipe on cutoffs their models never saw. The evaluation describes the evaluated twin; no data is left to
/// evaluate the refit itself, and the metadata says so.</para>
/// <para>Class imbalance: rows are not reweighted — churners are a few percent and both models learn their ranks well
/// unweighted — and the out-of-time calibration maps scores to observed rates, so a 30% risk means 3 in 10 leave.</para>
/// <para>Small-data mode (fewer than <see cref="ChurnTrainerOptions.SmallDataCustomers"/> customers or
/// <see cref="ChurnTrainerOptions.SmallDataChurners"/> churners in training): no trees, a strongly regularised logistic
/// regression and Platt scaling, and the AUC is reported with its bootstrap confidence interval.</para>
/// <para>Speed: the features are encoded once and LightGBM bins every row once; each fit takes a row subset of that.</para>
/// </remarks>
internal sealed partial class ChurnTrainer(ChurnTrainerOptions options)
{
    public ChurnTrainingOutcome Train(TrainingSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        options.Validate();
        var split = TimeSplit.Of(set);
        if (split.Cutoffs.Count < 3)
        {
            throw new InvalidOperationException(
                $"学習には3つ以上の基準日が必要です（現在 {split.Cutoffs.Count}）。履歴が短すぎます。 / training needs at least 3 cutoffs with complete windows; the data has {split.Cutoffs.Count}. The history is too short.");
        }

        var stages = new StageClock();
        var n = split.Cutoffs.Count;
        var all = Enumerable.Range(0, set.RowCount).ToArray();
        var encoder = FeatureEncoder.Fit(set.Definitions, set.Categories, all);
        var x = encoder.Encode(set.Numbers, set.Categories, all);
        var y = split.Labels(all);
        var small = IsSmall(set, split.RowsBefore(n - 2), y);
        stages.Lap("encode");
        using var binned = small ? null : LightGbmDataset.Create(x, y, options.Trees);
        stages.Lap("bin");
        var data = new FoldData(set, split, encoder, x, y, binned, small, stages);

        var main = Fit(data, testCutoff: n - 1, chosen: null);
        var backtest = new List<FoldResult>();
        for (var k = n - 2; k >= Math.Max(2, n - 1 - options.BacktestFolds); k--)
        {
            backtest.Add(Fit(data, testCutoff: k, chosen: main.Choice));
        }

        stages.Lap("backtest");
        var outcome = main.Outcome with
        {
            Backtest = [.. backtest.Select(f => new BacktestFold(f.Outcome.TestCutoff, f.Outcome.Test.Rows, f.Outcome.Test.Churners,
                f.Outcome.Test.RocAuc.Estimate, f.Outcome.Test.AveragePrecision, f.Outcome.Test.BrierScore))],
        };
        if (!options.Refit)
        {
            return outcome with { Stages = stages.Stages };
        }

        var production = Refit(data, main, [main, .. backtest]);
        stages.Lap("refit");
        return outcome with { Production = production, Stages = stages.Stages };
    }

    private bool IsSmall(TrainingSet set, IReadOnlyList<int> train, double[] y)
    {
        var churners = train.Sum(r => y[r]);
        var customers = train.Select(r => set.CustomerIds[r]).Distinct(StringComparer.Ordinal).Count();
        return customers < options.SmallDataCustomers || churners < options.SmallDataChurners;
    }

    private static IScoreCalibration Calibrate(double[] raw, double[] labels, bool small) => small
        ? PlattCalibrator.Fit(raw, labels)
        : CalibrationChooser.Choose(raw, labels).Calibration;

    /// <summary>Everything the fits share: the training set, its encoding (once) and the binned rows (once).</summary>
    private sealed record FoldData(
        TrainingSet Set, TimeSplit Split, FeatureEncoder Encoder, DesignMatrix X, double[] Y, LightGbmDataset? Binned, bool Small,
        StageClock Stages);

    /// <summary>One evaluated fit and its out-of-time test scores (before calibration), for the cross-fitted calibration.</summary>
    private sealed record FoldResult(ChurnTrainingOutcome Outcome, Choice Choice, double[] TestRaw, double[] TestLabels);
}
