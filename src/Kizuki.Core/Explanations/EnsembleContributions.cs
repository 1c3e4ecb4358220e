using Kizuki.Modeling;
using Kizuki.Modeling.Churn;

namespace Kizuki.Explanations;

/// <summary>Exact additive contributions of every model column to the ensemble's blended raw score, and their probability points.</summary>
/// <remarks>
/// <para>
/// Log-odds: the ensemble's raw score is <c>w · trees + (1 − w) · logistic</c>. The trees' TreeSHAP values (LightGBM's
/// exact algorithm; base = the trees' expected raw score) and the logistic model's exact linear contributions (base = the
/// raw score of the average training customer; one-hot and missing-indicator terms are already summed back into their
/// input column by the model) are blended with the same weights, so per row
/// <c>base + Σ contributions = raw score</c> up to rounding. One model column is one catalog feature (the encoder maps
/// each feature to one column), so these are per-feature contributions.
/// </para>
/// <para>
/// Probability points: the calibration maps raw scores to probabilities non-linearly, so points are attributed by
/// scaling: <c>points_c = φ_c · (p − p_base) / (raw − base)</c> with <c>p_base = calibration(base)</c>. They sum exactly to
/// <c>p − p_base</c>, keep the sign and order of the log-odds contributions (the calibration never decreases), and equal
/// the log-odds shares of the customer's total change. When raw = base every point is 0 (then p = p_base).
/// </para>
/// </remarks>
internal sealed class EnsembleContributions
{
    private EnsembleContributions(int rows, int columns, double[] logOdds, double[] raw, double[] baseValues, double[] probabilities, double baseProbability, double[] scales)
    {
        Rows = rows;
        Columns = columns;
        LogOdds = logOdds;
        RawScores = raw;
        BaseValues = baseValues;
        Probabilities = probabilities;
        BaseProbability = baseProbability;
        PointScales = scales;
    }

    /// <summary>Number of rows explained.</summary>
    public int Rows { get; }

    /// <summary>Number of model columns.</summary>
    public int Columns { get; }

    /// <summary>Row-major <c>rows × columns</c> blended log-odds contributions.</summary>
    public double[] LogOdds { get; }

    /// <summary>Each row's blended raw score (log-odds before calibration), as the model predicts it.</summary>
    public double[] RawScores { get; }

    /// <summary>Each row's base value (the same for every row of one model, kept per row for checking).</summary>
    public double[] BaseValues { get; }

    /// <summary>Each row's calibrated probability.</summary>
    public double[] Probabilities { get; }

    /// <summary>The calibrated probability at the base value.</summary>
    public double BaseProbability { get; }

    /// <summary>Per row, <c>(p − p_base) / (raw − base)</c>: multiply a log-odds contribution by it for probability points (0–1 scale).</summary>
    public double[] PointScales { get; }

    /// <summary>The contribution of column <paramref name="column"/> to row <paramref name="row"/>, in log-odds.</summary>
    public double At(int row, int column) => LogOdds[(row * Columns) + column];

    /// <summary>The contribution in probability (0–1, not yet ×100).</summary>
    public double PointsAt(int row, int column) => At(row, column) * PointScales[row];

    /// <summary>Computes contributions of every row of <paramref name="x"/>.</summary>
    public static EnsembleContributions Compute(ChurnEnsemble model, DesignMatrix x)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        var columns = x.ColumnCount;
        var width = columns + 1;
        var logOdds = new double[x.Rows * columns];
        var baseValues = new double[x.Rows];
        var raw = model.RawScores(x);
        var useTrees = model.Trees is not null && model.TreeWeight > 0;
        var w = useTrees ? model.TreeWeight : 0.0;
        var trees = useTrees ? model.Trees!.Contributions(x) : null;
        Parallel.For(0, (x.Rows + 1023) / 1024, block =>
        {
            var buffer = new double[width];
            var end = Math.Min(x.Rows, (block + 1) * 1024);
            for (var r = block * 1024; r < end; r++)
            {
                model.Linear.Contributions(x.Row(r), buffer);
                for (var c = 0; c < width; c++)
                {
                    var value = (1 - w) * buffer[c];
                    if (trees is not null)
                    {
                        value += w * trees[(r * width) + c];
                    }

                    if (c < columns)
                    {
                        logOdds[(r * columns) + c] = value;
                    }
                    else
                    {
                        baseValues[r] = value;
                    }
                }
            }
        });

        var baseValue = x.Rows > 0 ? baseValues[0] : model.Linear.BaseValue;
        var baseProbability = model.Calibration.Probability(baseValue);
        var probabilities = new double[x.Rows];
        var scales = new double[x.Rows];
        for (var r = 0; r < x.Rows; r++)
        {
            probabilities[r] = model.Calibration.Probability(raw[r]);
            var change = raw[r] - baseValues[r];
            scales[r] = change == 0 ? 0 : (probabilities[r] - model.Calibration.Probability(baseValues[r])) / change;
        }

        return new EnsembleContributions(x.Rows, columns, logOdds, raw, baseValues, probabilities, baseProbability, scales);
    }
}
