using Kizuki.Modeling.Calibration;
using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.Linear;

namespace Kizuki.Modeling.Churn;

/// <summary>One time-ordered fit: learn before the calibration cutoff, choose and calibrate on it, test on the next.</summary>
internal sealed partial class ChurnTrainer
{
    /// <param name="data">The shared encoding and binning.</param>
    /// <param name="testCutoff">Position of the test cutoff; the one before it calibrates, all earlier ones train.</param>
    /// <param name="chosen">Hyperparameters already chosen (backtest folds), or null to choose them here out of time.</param>
    private FoldResult Fit(FoldData data, int testCutoff, Choice? chosen)
    {
        var split = data.Split;
        var train = split.RowsBefore(testCutoff - 1).ToArray();
        var calibrate = split.RowsAt(testCutoff - 1).ToArray();
        var test = split.RowsAt(testCutoff).ToArray();
        var xCalibrate = data.X.SelectRows(calibrate);
        var xTest = data.X.SelectRows(test);
        var yTrain = Pick(data.Y, train);
        var yCalibrate = Pick(data.Y, calibrate);
        var yTest = Pick(data.Y, test);
        var churners = (int)yTrain.Sum();
        var trainingCustomers = train.Select(r => data.Set.CustomerIds[r]).Distinct(StringComparer.Ordinal).Count();
        var label = chosen is null ? "search" : "fold";

        // Gradient-boosted trees first: when they alone rank best, the logistic penalty search is skipped.
        var (trees, leaves) = FitTrees(data, train, calibrate, xCalibrate, yCalibrate, chosen);
        var treeRaw = trees?.PredictRaw(xCalibrate);
        if (trees is not null)
        {
            data.Stages.Lap($"trees ({label})");
        }

        // Logistic regression: the penalty and the blend weight chosen on the out-of-time cutoff. A model the blend gives
        // no weight still learns (it is stored and explained with weight 0), from fewer rows.
        var idle = chosen is { TreeWeight: >= 1 };
        var linearRows = Thin(train, idle ? Math.Min(options.IdleLogisticRowLimit, options.LogisticRowLimit) : options.LogisticRowLimit);
        var xTrain = data.X.SelectRows(linearRows);
        var yLinear = Pick(data.Y, linearRows);
        var lambdas = chosen is { } c1 ? [c1.Lambda] : data.Small ? options.SmallDataLambdas : options.Lambdas;
        LogisticRegressionModel? linear = null;
        double[]? linearRaw = null;
        var bestLinear = double.NegativeInfinity;
        var lambda = lambdas[0];
        var weight = chosen?.TreeWeight ?? 0.0;
        foreach (var l in lambdas)
        {
            var candidate = new LogisticRegressionEstimator(new LogisticRegressionOptions { Lambda = l }).Fit(xTrain, yLinear);
            var raw = Raw(candidate, xCalibrate);
            var auc = BinaryMetrics.RocAuc(raw, yCalibrate);
            if (linear is null || auc > bestLinear)
            {
                (linear, linearRaw, bestLinear, lambda) = (candidate, raw, auc, l);
            }

            if (chosen is null && treeRaw is not null)
            {
                weight = ChooseWeight(treeRaw, linearRaw!, yCalibrate);
                if (weight >= 1)
                {
                    break;
                }
            }
        }

        data.Stages.Lap($"logistic ({label})");

        // Calibration: each fit's own calibration cutoff.
        var blended = treeRaw is null ? linearRaw! : Blend(treeRaw, linearRaw!, weight);
        var model = new ChurnEnsemble(data.Encoder, trees, linear!, weight, Calibrate(blended, yCalibrate, data.Small));
        var testRaw = model.RawScores(xTest);
        var report = EvaluationReport.Compute(model.Calibration.Probabilities(testRaw), yTest, options.Evaluation);
        var baselines = RuleBaselines.Evaluate(data.Set, test, yTest, options.Evaluation);
        var choice = new Choice(lambda, leaves, weight, trees?.Iterations ?? 0, train.Length);
        var outcome = new ChurnTrainingOutcome(model, report, baselines, data.Small, split.Cutoffs[testCutoff], split.Cutoffs[0],
            split.Cutoffs[testCutoff - 1], train.Length, trainingCustomers, churners, choice, [])
        {
            TreeIterations = trees?.Iterations ?? 0,
        };
        data.Stages.Lap($"evaluate ({label})");
        return new FoldResult(outcome, choice, testRaw, yTest);
    }

    /// <summary>The chosen round count scaled to a training set of <paramref name="rows"/> rows (at least one round).</summary>
    private static int ScaledRounds(Choice chosen, int rows) =>
        Math.Max(1, (int)Math.Round(chosen.TreeIterations * (double)rows / Math.Max(1, chosen.TrainingRows)));

    private static double ChooseWeight(double[] treeRaw, double[] linearRaw, double[] labels)
    {
        double best = double.NegativeInfinity, weight = 0;
        for (var w = 0.0; w <= 1.0001; w += 0.1)
        {
            var auc = BinaryMetrics.RocAuc(Blend(treeRaw, linearRaw, w), labels);
            if (auc > best + 1e-9)
            {
                (best, weight) = (auc, Math.Round(w, 1));
            }
        }

        return weight;
    }

    /// <summary>Every k-th row, so at most <paramref name="limit"/> remain (all of them when there are fewer).</summary>
    private static int[] Thin(int[] rows, int limit)
    {
        if (rows.Length <= limit)
        {
            return rows;
        }

        var step = (double)rows.Length / limit;
        var kept = new int[limit];
        for (var i = 0; i < limit; i++)
        {
            kept[i] = rows[(int)(i * step)];
        }

        return kept;
    }

    private static double[] Pick(double[] values, int[] rows)
    {
        var picked = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            picked[i] = values[rows[i]];
        }

        return picked;
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
