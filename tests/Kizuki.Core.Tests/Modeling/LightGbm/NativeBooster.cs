using Kizuki.Modeling;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Tests.Modeling.LightGbm;

/// <summary>
/// Trains LightGBM through its C API with any parameter string, for model shapes the estimator's options do not
/// reach (zero-as-missing, one-hot categorical splits, single-leaf trees, linear trees, several classes).
/// </summary>
internal static class NativeBooster
{
    /// <summary>LightGBM's model text after <paramref name="rounds"/> rounds, deterministic and on one thread.</summary>
    public static string Train(DesignMatrix x, double[] y, string parameters, int rounds)
        => LightGbmNative.TrainModelText(x, y, "verbosity=-1 num_threads=1 deterministic=true force_row_wise=true seed=7 " + parameters, rounds);

    /// <summary>
    /// Rows with every kind of value a split must handle: NaN, exact zeros, values inside LightGBM's zero band
    /// (|v| ≤ 1e-35, including its edges), infinities, huge values, and categorical codes that are negative,
    /// fractional, unseen or NaN. Churn depends on several columns, the category and missingness.
    /// </summary>
    public static (DesignMatrix X, double[] Y) Awkward(int rows, int seed, bool categorical = true, double missing = 0.1, bool odd = true)
    {
        var random = new Random(seed);
        List<ModelColumn> columns = [new("Recency"), new("Orders"), new("Tickets"), new("Spend"), new("Logins")];
        if (categorical)
        {
            columns.Add(new("Plan", [.. Enumerable.Range(0, 12).Select(i => $"P{i}")]));
            columns.Add(new("Region", ["北", "東", "西"]));
        }

        var values = new double[rows * columns.Count];
        var y = new double[rows];
        double[] band = [0.0, -0.0, 1e-36, -1e-36, TreeEnsemble.ZeroThreshold, -TreeEnsemble.ZeroThreshold, 2e-35, -2e-35];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * columns.Count, columns.Count);
            row[0] = Math.Round(random.NextDouble() * 100, 1);
            row[1] = random.Next(-3, 6);
            row[2] = random.NextDouble() < 0.5 ? 0 : random.Next(1, 10);
            row[3] = (random.NextDouble() - 0.3) * 1000;
            row[4] = random.NextDouble() * 2;
            if (categorical)
            {
                row[5] = random.Next(12);
                row[6] = random.Next(3);
            }

            for (var c = 0; c < row.Length; c++)
            {
                if (random.NextDouble() < missing)
                {
                    row[c] = double.NaN;
                }
                else if (odd && random.NextDouble() < 0.03)
                {
                    row[c] = c < 5 ? band[random.Next(band.Length)] : OddCategory(random);
                }
            }

            var logit = ((Value(row[0]) - 50) / 20) - (Value(row[1]) / 2) + (Value(row[2]) > 0 ? 0.8 : -0.4)
                + (double.IsNaN(row[3]) ? 1.5 : row[3] / 500) + (categorical && row[5] is 3 or 7 or 9 ? 1.2 : 0);
            y[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        return (new DesignMatrix(columns, values), y);
    }

    private static double Value(double v) => double.IsFinite(v) ? v : 0;

    private static double OddCategory(Random random) => random.Next(6) switch
    {
        0 => -1,
        1 => 2.7,
        2 => 40,
        3 => 1e12,
        4 => double.PositiveInfinity,
        _ => -0.5,
    };
}
