using System.Runtime.CompilerServices;
using Kizuki.Modeling;

namespace Kizuki.Tests.Modeling.LightGbm;

/// <summary>Small deterministic data sets with a known signal, an AUC helper and the Telco file locator.</summary>
internal static class LightGbmTestData
{
    /// <summary>Options that keep tests quick and stable on a shared two-core machine.</summary>
    public static Kizuki.Modeling.LightGbm.LightGbmOptions Quick { get; } = new() { Threads = 1, MaxRounds = 150, EarlyStoppingRounds = 20 };

    /// <summary>
    /// Five numeric columns and one categorical; churn depends on x0, x2, the category "卸売" and missing x1.
    /// </summary>
    public static (DesignMatrix X, double[] Y) Signal(int rows, int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<ModelColumn> columns =
        [
            new("DaysSinceLastOrder"), new("OrdersLast90Days"), new("TicketsLast30Days"), new("Noise1"), new("Noise2"),
            new("Plan", ["ライト", "スタンダード", "卸売", "プロ"]),
        ];
        var values = new double[rows * columns.Count];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var x0 = Normal(random);
            var x1 = random.NextDouble() < 0.2 ? double.NaN : Normal(random);
            var x2 = Normal(random);
            var plan = random.Next(4);
            var logit = (3 * x0) - (2 * x2) + (plan == 2 ? 3 : 0) + (double.IsNaN(x1) ? 2.5 : x1) - 1;
            y[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
            ReadOnlySpan<double> row = [x0, x1, x2, Normal(random), Normal(random), plan];
            row.CopyTo(values.AsSpan(r * columns.Count));
        }

        return (new DesignMatrix(columns, values), y);
    }

    /// <summary>Columns of pure noise and labels independent of them.</summary>
    public static (DesignMatrix X, double[] Y) Noise(int rows, int seed)
    {
        var random = new Random(seed);
        IReadOnlyList<ModelColumn> columns = [new("A"), new("B"), new("C"), new("D")];
        var values = new double[rows * columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Normal(random);
        }

        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            y[r] = random.Next(2);
        }

        return (new DesignMatrix(columns, values), y);
    }

    /// <summary>The first <paramref name="count"/> rows and the rest.</summary>
    public static ((DesignMatrix X, double[] Y) Head, (DesignMatrix X, double[] Y) Tail) Split((DesignMatrix X, double[] Y) data, int count)
    {
        var head = Enumerable.Range(0, count).ToArray();
        var tail = Enumerable.Range(count, data.X.Rows - count).ToArray();
        return ((data.X.SelectRows(head), data.Y[..count]), (data.X.SelectRows(tail), data.Y[count..]));
    }

    /// <summary>ROC-AUC by the rank-sum formula, ties counted as half.</summary>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        Array.Sort(keys, order);
        double positives = 0, rankSum = 0;
        for (var i = 0; i < keys.Length;)
        {
            var j = i;
            while (j < keys.Length && keys[j] == keys[i])
            {
                j++;
            }

            var averageRank = ((i + 1) + j) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (labels[order[k]] == 1)
                {
                    positives++;
                    rankSum += averageRank;
                }
            }

            i = j;
        }

        var negatives = scores.Length - positives;
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>The shared data folder: <c>../shared/data</c> beside the repository root (the folder holding Kizuki.slnx).</summary>
    public static string SharedData([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Kizuki.slnx")))
                {
                    var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                    return Directory.Exists(data)
                        ? data
                        : throw new DirectoryNotFoundException($"The shared data folder {data} is missing; the tests expect ../shared/data beside the repository.");
                }
            }
        }

        throw new DirectoryNotFoundException("No folder containing Kizuki.slnx above the test binaries or sources.");
    }

    private static double Normal(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
