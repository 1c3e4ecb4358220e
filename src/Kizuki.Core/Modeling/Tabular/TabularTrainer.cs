using Kizuki.Modeling.Calibration;
using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.LightGbm;
using Kizuki.Modeling.Linear;

namespace Kizuki.Modeling.Tabular;

/// <summary>Fits a <see cref="TabularModel"/>, choosing everything from the training rows alone.</summary>
/// <remarks>
/// The schema is learned from the training rows. Inner stratified folds of those rows give out-of-fold scores of both
/// models; LightGBM early-stops on each inner held-out fold, and the mean best round is the final round count. The tree
/// weight w maximises the out-of-fold ROC-AUC of the blend (grid of 0.05 steps), and the calibration (Platt or isotonic,
/// by <see cref="CalibrationChooser"/>) is fitted on the blended out-of-fold scores. Both models are then refitted on every
/// training row. Nothing is ever chosen on rows outside the training set, so cross-validating this whole procedure is honest.
/// </remarks>
internal static class TabularTrainer
{
    /// <summary>Fits on the chosen rows of <paramref name="table"/> (all when null).</summary>
    /// <param name="table">The table.</param>
    /// <param name="labels">0/1 labels of every row of the table (see <see cref="TargetParser.Labels"/>).</param>
    /// <param name="idColumn">The customer id column.</param>
    /// <param name="targetColumn">The target column.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="rows">Training rows; null for all.</param>
    /// <exception cref="InvalidDataException">The training rows hold only one class or no usable column.</exception>
    public static TabularModel Fit(TabularTable table, double[] labels, string idColumn, string targetColumn, TabularOptions? options = null, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new TabularOptions();
        options.Validate();
        rows ??= Enumerable.Range(0, table.RowCount).ToArray();
        var y = rows.Select(r => labels[r]).ToArray();
        var churners = (int)y.Sum();
        if (churners == 0 || churners == y.Length)
        {
            throw new InvalidDataException("学習データには解約した顧客としなかった顧客の両方が必要です。 / the training rows need both churned and retained customers.");
        }

        var schema = TabularSchema.Learn(table, idColumn, targetColumn, options, rows);
        if (schema.Features.Count == 0)
        {
            throw new InvalidDataException("モデルに使える列がありません。 / no column is usable by the model.");
        }

        var (trees, linear) = schema.Encode(table, rows);
        var small = y.Length < options.SmallDataRows || churners < options.SmallDataChurners;
        var logistic = new LogisticRegressionEstimator(new LogisticRegressionOptions { Lambda = small ? options.SmallDataLambda : options.LogisticLambda });
        var innerFolds = Math.Min(options.InnerFolds, Math.Min(churners, y.Length - churners));
        if (innerFolds < 2)
        {
            var only = logistic.Fit(linear, y);
            var raw = new double[y.Length];
            only.PredictRaw(linear, raw);
            return new TabularModel(schema, null, only, 0, PlattCalibrator.Fit(raw, y), true);
        }

        var folds = StratifiedFolds.Assign(y, innerFolds, options.Seed);
        var linearOof = new double[y.Length];
        var treeOof = new double[y.Length];
        var rounds = new List<int>();
        for (var f = 0; f < innerFolds; f++)
        {
            var fit = Enumerable.Range(0, y.Length).Where(i => folds[i] != f).ToArray();
            var held = Enumerable.Range(0, y.Length).Where(i => folds[i] == f).ToArray();
            var fitY = fit.Select(i => y[i]).ToArray();
            var heldY = held.Select(i => y[i]).ToArray();
            var linearModel = logistic.Fit(linear.SelectRows(fit), fitY);
            Scatter(linearModel, linear.SelectRows(held), held, linearOof);
            if (!small)
            {
                using var treeModel = TreeEstimator(options, options.MaxRounds).Fit(trees.SelectRows(fit), fitY, default, (trees.SelectRows(held), heldY));
                Scatter(treeModel, trees.SelectRows(held), held, treeOof);
                rounds.Add(treeModel.Iterations);
            }
        }

        var weight = small ? 0 : ChooseWeight(treeOof, linearOof, y);
        var blended = Blend(weight, treeOof, linearOof);
        var calibration = CalibrationChooser.Choose(blended, y).Calibration;
        var finalLinear = logistic.Fit(linear, y);
        LightGbmModel? finalTrees = null;
        if (weight > 0)
        {
            var finalRounds = Math.Max(1, (int)Math.Round(rounds.Average()));
            finalTrees = TreeEstimator(options, finalRounds).Fit(trees, y);
        }

        return new TabularModel(schema, finalTrees, finalLinear, weight, calibration, small);
    }

    private static LightGbmEstimator TreeEstimator(TabularOptions options, int rounds) => new(new LightGbmOptions
    {
        LearningRate = options.LearningRate,
        NumLeaves = options.NumLeaves,
        MinDataInLeaf = options.MinDataInLeaf,
        FeatureFraction = 0.8,
        BaggingFraction = 0.8,
        BaggingFreq = 1,
        LambdaL2 = 5,
        MaxRounds = rounds,
        EarlyStoppingRounds = 50,
        Seed = options.Seed,
        Threads = options.Threads,
    });

    private static void Scatter(IChurnModel model, DesignMatrix x, int[] rows, double[] output)
    {
        var scores = new double[x.Rows];
        model.PredictRaw(x, scores);
        for (var i = 0; i < rows.Length; i++)
        {
            output[rows[i]] = scores[i];
        }
    }

    private static double ChooseWeight(double[] trees, double[] linear, double[] y)
    {
        var best = 0.0;
        var bestAuc = double.NegativeInfinity;
        for (var step = 0; step <= 20; step++)
        {
            var w = step / 20.0;
            var auc = BinaryMetrics.RocAuc(Blend(w, trees, linear), y);
            if (auc > bestAuc + 1e-12)
            {
                bestAuc = auc;
                best = w;
            }
        }

        return best;
    }

    private static double[] Blend(double w, double[] trees, double[] linear)
    {
        var output = new double[linear.Length];
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = w == 0 ? linear[i] : (w * trees[i]) + ((1 - w) * linear[i]);
        }

        return output;
    }
}
