using Kizuki.Features.Labels;
using Kizuki.Modeling.Calibration;
using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.LightGbm;
using Kizuki.Modeling.Linear;

namespace Kizuki.Modeling.Churn;

/// <summary>Fits the churn ensemble on a training set with honest, time-ordered validation.</summary>
/// <remarks>
/// <para>Cutoffs are used in time order, never shuffled: the models learn from all cutoffs but the last two; the
/// second-last (out of time) chooses hyperparameters, stops the trees early, sets the blend weight and fits the
/// calibration; the last is the test, seen by nothing before the evaluation. The rolling backtest repeats this with
/// the test moved back one cutoff at a time.</para>
/// <para>Class imbalance: rows are not reweighted — churners are a few percent and both models learn their ranks well
/// unweighted — and the out-of-time calibration maps scores to observed rates, so a 30% risk means 3 in 10 leave.</para>
/// <para>Small-data mode (fewer than <see cref="ChurnTrainerOptions.SmallDataCustomers"/> customers or
/// <see cref="ChurnTrainerOptions.SmallDataChurners"/> churners in training): no trees, a strongly regularised logistic
/// regression and Platt scaling, and the AUC is reported with its bootstrap confidence interval.</para>
/// </remarks>
internal sealed class ChurnTrainer(ChurnTrainerOptions options)
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

        var n = split.Cutoffs.Count;
        var main = Fit(set, split, testCutoff: n - 1, searchHyperparameters: true, chosen: null);
        var backtest = new List<BacktestFold>();
        for (var k = n - 2; k >= Math.Max(2, n - 1 - options.BacktestFolds); k--)
        {
            var fold = Fit(set, split, testCutoff: k, searchHyperparameters: false, chosen: main.Choice);
            backtest.Add(new BacktestFold(split.Cutoffs[k], fold.Test.Rows, fold.Test.Churners, fold.Test.RocAuc.Estimate, fold.Test.AveragePrecision,
                fold.Test.BrierScore));
        }

        return main with { Backtest = backtest };
    }

    private ChurnTrainingOutcome Fit(TrainingSet set, TimeSplit split, int testCutoff, bool searchHyperparameters, Choice? chosen)
    {
        var train = split.RowsBefore(testCutoff - 1);
        var calibrate = split.RowsAt(testCutoff - 1);
        var test = split.RowsAt(testCutoff);
        var encoder = FeatureEncoder.Fit(set.Definitions, set.Categories, train);
        DesignMatrix Encode(IReadOnlyList<int> rows) => encoder.Encode(set.Numbers, set.Categories, rows);
        var xTrain = Encode(train);
        var xCalibrate = Encode(calibrate);
        var xTest = Encode(test);
        var yTrain = split.Labels(train);
        var yCalibrate = split.Labels(calibrate);
        var yTest = split.Labels(test);
        var churners = (int)yTrain.Sum();
        var trainingCustomers = train.Select(r => set.CustomerIds[r]).Distinct(StringComparer.Ordinal).Count();
        var small = trainingCustomers < options.SmallDataCustomers || churners < options.SmallDataChurners;

        // Logistic regression: the penalty chosen on the out-of-time cutoff.
        var lambdas = chosen is { } c1 ? [c1.Lambda] : small ? options.SmallDataLambdas : options.Lambdas;
        LogisticRegressionModel? linear = null;
        var bestLinear = double.NegativeInfinity;
        double lambda = lambdas[0];
        foreach (var l in lambdas)
        {
            var candidate = new LogisticRegressionEstimator(new LogisticRegressionOptions { Lambda = l }).Fit(xTrain, yTrain);
            var auc = BinaryMetrics.RocAuc(Raw(candidate, xCalibrate), yCalibrate);
            if (linear is null || auc > bestLinear)
            {
                (linear, bestLinear, lambda) = (candidate, auc, l);
            }
        }

        // Gradient-boosted trees, stopped early on the out-of-time cutoff.
        LightGbmModel? trees = null;
        var leaves = chosen?.Leaves ?? options.LeafChoices[0];
        if (!small)
        {
            var bestTrees = double.NegativeInfinity;
            foreach (var candidate in chosen is { } c2 ? [c2.Leaves] : options.LeafChoices)
            {
                var lgbm = new LightGbmEstimator(options.Trees with { NumLeaves = candidate })
                    .Fit(xTrain, yTrain, default, (xCalibrate, yCalibrate));
                var auc = BinaryMetrics.RocAuc(lgbm.PredictRaw(xCalibrate), yCalibrate);
                if (trees is null || auc > bestTrees)
                {
                    trees?.Dispose();
                    (trees, bestTrees, leaves) = (lgbm, auc, candidate);
                }
                else
                {
                    lgbm.Dispose();
                }
            }
        }

        // Blend weight and calibration, both on the out-of-time cutoff.
        var linearRaw = Raw(linear!, xCalibrate);
        var treeRaw = trees?.PredictRaw(xCalibrate);
        var weight = 0.0;
        if (treeRaw is not null)
        {
            var best = double.NegativeInfinity;
            for (var w = 0.0; w <= 1.0001; w += 0.1)
            {
                var auc = BinaryMetrics.RocAuc(Blend(treeRaw, linearRaw, w), yCalibrate);
                if (auc > best + 1e-9)
                {
                    (best, weight) = (auc, Math.Round(w, 1));
                }
            }
        }

        var blended = treeRaw is null ? linearRaw : Blend(treeRaw, linearRaw, weight);
        var calibration = small
            ? PlattCalibrator.Fit(blended, yCalibrate)
            : CalibrationChooser.Choose(blended, yCalibrate).Calibration;
        var model = new ChurnEnsemble(encoder, trees, linear!, weight, calibration);
        var probabilities = model.Probabilities(xTest);
        var report = EvaluationReport.Compute(probabilities, yTest, options.Evaluation);
        var baselines = RuleBaselines.Evaluate(set, test, yTest, options.Evaluation);
        return new ChurnTrainingOutcome(model, report, baselines, small, split.Cutoffs[testCutoff], split.Cutoffs[0],
            split.Cutoffs[testCutoff - 1], train.Count, trainingCustomers, churners, new Choice(lambda, leaves), [])
        {
            TreeIterations = trees?.Iterations ?? 0,
        };
    }

    private static double[] Raw(LogisticRegressionModel model, DesignMatrix x)
    {
        var raw = new double[x.Rows];
        model.PredictRaw(x, raw);
        return raw;
    }

    private static double[] Blend(double[] trees, double[] linear, double weight)
    {
        var raw = new double[trees.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = (weight * trees[i]) + ((1 - weight) * linear[i]);
        }

        return raw;
    }
}
