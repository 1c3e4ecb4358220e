using System.Diagnostics;
using System.Globalization;
using Kizuki.Modeling;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Bench;

/// <summary>
/// Speed of the LightGBM estimator and model on synthetic churn-like data: training with the default options
/// (early stopping on an out-of-time slice), batch scoring with ~300 trees, single-row latency and TreeSHAP.
/// </summary>
internal static class ModelsBenchmark
{
    public static int Run(string[] args)
    {
        var trainRows = Option(args, "--train-rows", 1_200_000);
        var scoreRows = Option(args, "--score-rows", 100_000);
        var columns = Option(args, "--columns", 60);
        var threads = Option(args, "--threads", 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"models benchmark: train {trainRows:N0} rows × {columns} columns, score {scoreRows:N0} rows, threads {threads} (0 = all), cores {Environment.ProcessorCount}"));

        // 1. Training with the default options; the validation slice stands for the latest out-of-time cutoff.
        var (trainX, trainY) = Synthetic(trainRows, columns, seed: 1);
        var (validX, validY) = Synthetic(Math.Max(trainRows / 12, 1000), columns, seed: 2);
        MarkCpu();
        var clock = Stopwatch.StartNew();
        using (var model = new LightGbmEstimator(new LightGbmOptions { Threads = threads }).Fit(trainX, trainY, validation: (validX, validY)))
        {
            Report("train (default options, early stopping)", clock.Elapsed, $"{model.Iterations} trees kept");
        }

        trainX = null!;
        GC.Collect();

        // 2. Scoring with a 300-tree model.
        var (fitX, fitY) = Synthetic(100_000, columns, seed: 3);
        using var scorer = new LightGbmEstimator(new LightGbmOptions { Threads = threads, MaxRounds = 300 }).Fit(fitX, fitY);
        var (scoreX, _) = Synthetic(scoreRows, columns, seed: 4);
        var output = new double[scoreRows];
        scorer.PredictRaw(scoreX, output);
        MarkCpu();
        clock.Restart();
        const int passes = 3;
        for (var i = 0; i < passes; i++)
        {
            scorer.PredictRaw(scoreX, output);
        }

        var batch = clock.Elapsed / passes;
        Report($"batch PredictRaw ({scorer.Iterations} trees) × {passes}", clock.Elapsed, $"{scoreRows / batch.TotalSeconds:N0} rows/s");

        var singles = Math.Min(scoreRows, 50_000);
        scorer.PredictRaw(scoreX.Row(0));
        MarkCpu();
        clock.Restart();
        var checksum = 0.0;
        for (var r = 0; r < singles; r++)
        {
            checksum += scorer.PredictRaw(scoreX.Row(r));
        }

        var single = clock.Elapsed;
        Report("single-row PredictRaw", single, string.Create(CultureInfo.InvariantCulture, $"{single.TotalMicroseconds / singles:F1} µs/row, {singles / single.TotalSeconds:N0} rows/s (checksum {checksum:F3})"));

        var shapRows = Math.Min(scoreRows, 10_000);
        var shapX = scoreX.SelectRows(Enumerable.Range(0, shapRows).ToArray());
        MarkCpu();
        clock.Restart();
        scorer.Contributions(shapX);
        Report("Contributions (TreeSHAP)", clock.Elapsed, $"{shapRows / clock.Elapsed.TotalSeconds:N0} rows/s");
        return 0;
    }

    /// <summary>Churn-like rows: counts, recencies, money, a few categoricals, 5% missing; about 10% churners.</summary>
    private static (DesignMatrix X, double[] Y) Synthetic(int rows, int columnCount, int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, columnCount)
            .Select(c => c % 10 == 9
                ? new ModelColumn($"Category{c}", ["a", "b", "c", "d", "e", "f", "g", "h"])
                : new ModelColumn($"Feature{c}"))
            .ToArray();
        var values = new double[(long)rows * columnCount];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var offset = r * columnCount;
            var logit = -2.5;
            for (var c = 0; c < columnCount; c++)
            {
                double value = columns[c].IsCategorical ? random.Next(8) : Math.Round(random.NextDouble() * 100, 1);
                if (c < 8)
                {
                    logit += (columns[c].IsCategorical ? (value is 2 or 5 ? 0.8 : 0) : (value - 50) / 40.0) * (c % 2 == 0 ? 1 : -1);
                }

                values[offset + c] = random.NextDouble() < 0.05 ? double.NaN : value;
            }

            y[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        return (new DesignMatrix(columns, values), y);
    }

    private static TimeSpan lastCpu = TimeSpan.Zero;

    /// <summary>Prints wall time and the process CPU time spent since the previous report (the machine is shared).</summary>
    private static void Report(string what, TimeSpan elapsed, string detail)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-45} {elapsed.TotalSeconds,9:F2} s wall  {(cpu - lastCpu).TotalSeconds,8:F2} s CPU (phase incl. setup)  {detail}"));
        lastCpu = cpu;
    }

    private static void MarkCpu() => lastCpu = Process.GetCurrentProcess().TotalProcessorTime;

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
