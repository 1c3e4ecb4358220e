using Kizuki.Modeling.Evaluation;

namespace Kizuki.Modeling.Tabular;

/// <summary>One cross-validation fold's figures on its held-out rows.</summary>
/// <param name="Fold">Fold number, from 1.</param>
/// <param name="Rows">Held-out rows.</param>
/// <param name="Churners">Held-out churners.</param>
/// <param name="RocAuc">ROC-AUC of the ensemble score (the ranking; calibration is monotone and isotonic steps would only add ties).</param>
/// <param name="AveragePrecision">PR-AUC (average precision) of the ensemble score.</param>
/// <param name="LogLoss">Log loss of the calibrated probabilities.</param>
/// <param name="BrierScore">Brier score of the calibrated probabilities.</param>
/// <param name="LiftAt10">Lift in the top 10% by score.</param>
/// <param name="TreeWeight">The trees' share w chosen inside the fold.</param>
/// <param name="SmallData">Whether the fold's training used the small-data mode.</param>
internal sealed record TabularFoldResult(int Fold, int Rows, int Churners, double RocAuc, double AveragePrecision, double LogLoss, double BrierScore, double LiftAt10, double TreeWeight, bool SmallData);

/// <summary>Cross-validated figures of the whole training procedure.</summary>
/// <param name="Rows">Rows in the table.</param>
/// <param name="Churners">Churners in the table.</param>
/// <param name="Folds">Per-fold figures.</param>
/// <param name="Schema">The schema learned from all rows (shown to the user; each fold learns its own).</param>
/// <param name="Pooled">ROC-AUC of every row's out-of-fold calibrated probability, all folds pooled, with a seeded percentile
/// bootstrap interval: one figure for the whole table whose width says how much a table this size can tell (wide for the
/// few hundred rows a small business exports; the folds' spread alone hides that).</param>
internal sealed record TabularEvaluation(int Rows, int Churners, IReadOnlyList<TabularFoldResult> Folds, TabularSchema Schema, ConfidenceInterval Pooled)
{
    /// <summary>Mean ROC-AUC over the folds.</summary>
    public double RocAuc => Folds.Average(f => f.RocAuc);

    /// <summary>Sample standard deviation of the folds' ROC-AUC.</summary>
    public double RocAucSpread => Spread(Folds.Select(f => f.RocAuc));

    /// <summary>Whether any fold used the small-data mode.</summary>
    public bool SmallData => Folds.Any(f => f.SmallData);

    /// <summary>Sample standard deviation (0 for fewer than two values).</summary>
    public static double Spread(IEnumerable<double> values)
    {
        var list = values.ToArray();
        if (list.Length < 2)
        {
            return 0;
        }

        var mean = list.Average();
        return Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Length - 1));
    }
}

/// <summary>Stratified, seeded k-fold cross-validation of <see cref="TabularTrainer"/>.</summary>
internal static class TabularEvaluator
{
    /// <summary>Cross-validates the whole procedure (schema, weight, rounds, calibration learned inside each training fold).</summary>
    public static TabularEvaluation Evaluate(TabularTable table, string idColumn, string targetColumn, TabularOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new TabularOptions();
        options.Validate();
        var labels = TargetParser.Labels(table, targetColumn);
        var churners = (int)labels.Sum();
        if (churners < options.Folds || table.RowCount - churners < options.Folds)
        {
            throw new InvalidDataException(
                $"交差検証には解約・継続それぞれ {options.Folds} 件以上が必要です（解約 {churners}、継続 {table.RowCount - churners}）。 / "
                + $"cross-validation needs at least {options.Folds} churned and {options.Folds} retained rows (churned {churners}, retained {table.RowCount - churners}).");
        }

        var folds = StratifiedFolds.Assign(labels, options.Folds, options.Seed);
        var results = new List<TabularFoldResult>();
        var outOfFold = new double[table.RowCount];
        for (var f = 0; f < options.Folds; f++)
        {
            var train = Enumerable.Range(0, table.RowCount).Where(r => folds[r] != f).ToArray();
            var test = Enumerable.Range(0, table.RowCount).Where(r => folds[r] == f).ToArray();
            var model = TabularTrainer.Fit(table, labels, idColumn, targetColumn, options, train);
            var raw = model.RawScores(table, test);
            var probabilities = Calibration.ScoreCalibration.Probabilities(model.Calibration, raw);
            var y = test.Select(r => labels[r]).ToArray();
            for (var i = 0; i < test.Length; i++)
            {
                outOfFold[test[i]] = probabilities[i];
            }

            results.Add(new TabularFoldResult(
                f + 1,
                test.Length,
                (int)y.Sum(),
                BinaryMetrics.RocAuc(raw, y),
                BinaryMetrics.AveragePrecision(raw, y),
                BinaryMetrics.LogLoss(probabilities, y),
                BinaryMetrics.BrierScore(probabilities, y),
                BinaryMetrics.Lift(raw, y, 0.1).Lift,
                model.TreeWeight,
                model.SmallData));
        }

        var schema = TabularSchema.Learn(table, idColumn, targetColumn, options);
        var pooled = AucBootstrap.RocAuc(outOfFold, labels, options.BootstrapResamples, options.Seed);
        return new TabularEvaluation(table.RowCount, churners, results, schema, pooled);
    }
}
