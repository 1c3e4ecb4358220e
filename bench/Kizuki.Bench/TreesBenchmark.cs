using System.Diagnostics;
using System.Globalization;
using Kizuki.Modeling;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Bench;

/// <summary>
/// Managed tree evaluation and TreeSHAP against LightGBM's native library on a churn-shaped model: 300 trees of
/// 31 leaves over 75 columns, 3 of them categorical. Reports rows/s by wall time and by process CPU time (the
/// machine is shared, so CPU time is the steadier figure), and the largest difference from the native results.
/// </summary>
internal static class TreesBenchmark
{
    public static int Run(string[] args)
    {
        var trainRows = Option(args, "--train-rows", 50_000);
        var scoreRows = Option(args, "--score-rows", 200_000);
        var shapRows = Option(args, "--shap-rows", 100_000);
        var nativeShapRows = Option(args, "--native-shap-rows", 2_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trees benchmark: train {trainRows:N0} rows × 75 columns, score {scoreRows:N0}, explain {shapRows:N0} (native {nativeShapRows:N0}), cores {Environment.ProcessorCount}"));

        var (trainX, trainY) = ChurnShaped(trainRows, seed: 1);
        var options = new LightGbmOptions { NumLeaves = 31, MaxRounds = 300, LearningRate = 0.05, MinDataInLeaf = 20, Threads = 0 };
        using var model = new LightGbmEstimator(options).Fit(trainX, trainY);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {model.Iterations} trees, {options.NumLeaves} leaves at most"));
        var (x, _) = ChurnShaped(scoreRows, seed: 2);

        // Batch scoring.
        var native = new double[x.Rows];
        var managed = new double[x.Rows];
        model.PredictRawNative(x, native);
        model.PredictRaw(x, managed);
        var nativeBatch = Measure(() => model.PredictRawNative(x, native), passes: 3);
        var managedBatch = Measure(() => model.PredictRaw(x, managed), passes: 3);
        Report("batch PredictRaw, native", x.Rows, nativeBatch);
        Report("batch PredictRaw, managed", x.Rows, managedBatch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  largest |managed − native| score: {MaxDifference(native, managed):E2}"));

        // The fixed-depth walk (the path before QuickScorer, still used when QuickScorer's layout does not apply), same blocks and threads.
        var ensemble = TreeEnsemble.TryParse(model.Serialize(), x.ColumnCount)!;
        var walked = new double[x.Rows];
        WalkAll(ensemble, x.Values, walked);
        var walkBatch = Measure(() => WalkAll(ensemble, x.Values, walked), passes: 3);
        Report("batch PredictRaw, managed walk", x.Rows, walkBatch);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  QuickScorer in use: {ensemble.UsesQuickScorer} (32-bit leaf sets, 16 rows per pass: {ensemble.UsesNarrowLeafSets}); largest |walk − native| score: {MaxDifference(native, walked):E2}"));

        // Single rows on one thread.
        var singles = Math.Min(x.Rows, 50_000);
        var checksum = 0.0;
        var nativeSingle = Measure(() => { for (var r = 0; r < singles; r++) { checksum += model.PredictRawNative(x.Row(r)); } }, passes: 1);
        var managedSingle = Measure(() => { for (var r = 0; r < singles; r++) { checksum -= model.PredictRaw(x.Row(r)); } }, passes: 1);
        Report("single-row PredictRaw, native", singles, nativeSingle);
        Report("single-row PredictRaw, managed", singles, managedSingle);
        var walkSingle = Measure(() => { for (var r = 0; r < singles; r++) { checksum += ensemble.PredictRawByWalk(x.Row(r)); } }, passes: 1);
        Report("single-row PredictRaw, managed walk", singles, walkSingle);

        // Contributions.
        var nativeX = x.SelectRows(Enumerable.Range(0, Math.Min(nativeShapRows, x.Rows)).ToArray());
        var shapX = x.SelectRows(Enumerable.Range(0, Math.Min(shapRows, x.Rows)).ToArray());
        double[] nativeShap = [];
        double[] managedShap = [];
        var nativeContributions = Measure(() => nativeShap = model.ContributionsNative(nativeX), passes: 1);
        model.Contributions(nativeX.SelectRows([0]));
        var managedContributions = Measure(() => managedShap = model.Contributions(shapX), passes: 1);
        Report("Contributions (TreeSHAP), native", nativeX.Rows, nativeContributions);
        Report("Contributions (TreeSHAP), managed", shapX.Rows, managedContributions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  largest |managed − native| contribution: {MaxDifference(nativeShap, managedShap.AsSpan(0, nativeShap.Length)):E2} (checksum {checksum:F3})"));
        SingleRowShap(model, x, Math.Min(200, x.Rows));
        return 0;
    }

    /// <summary>
    /// One row at a time, as the live scorer explains: with the caches warm (rows back to back) and cold (a 64 MiB sweep
    /// before each row, as other work evicts the tables between live steps), for several table depths.
    /// </summary>
    private static void SingleRowShap(LightGbmModel model, DesignMatrix x, int rows)
    {
        var sweep = new byte[64 << 20];
        var output = new double[x.ColumnCount + 1];
        foreach (var (depth, linear) in new[] { (12, false), (8, false), (6, false), (0, false), (0, true) })
        {
            var trees = TreeEnsemble.TryParse(model.Serialize(), x.ColumnCount, new TreeEnsemble.ShapOptions(depth, Linear: linear))!;
            trees.Contributions(x.Row(0), output);
            var warm = System.Diagnostics.Stopwatch.StartNew();
            for (var r = 0; r < rows; r++)
            {
                trees.Contributions(x.Row(r), output);
            }

            warm.Stop();
            var cold = TimeSpan.Zero;
            for (var r = 0; r < rows; r++)
            {
                for (var i = 0; i < sweep.Length; i += 64)
                {
                    sweep[i]++;
                }

                var one = System.Diagnostics.Stopwatch.GetTimestamp();
                trees.Contributions(x.Row(r), output);
                cold += System.Diagnostics.Stopwatch.GetElapsedTime(one);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"single-row TreeSHAP, {(linear ? "linear        " : $"table depth {depth,2}")}: warm {warm.Elapsed.TotalMicroseconds / rows:F0} µs/row, cold {cold.TotalMicroseconds / rows:F0} µs/row"));
        }
    }

    /// <summary>Churn-like rows: 72 numeric columns (counts, recencies, money; 5% missing) and 3 categoricals; about 10% churners.</summary>
    private static (DesignMatrix X, double[] Y) ChurnShaped(int rows, int seed)
    {
        const int columnCount = 75;
        var random = new Random(seed);
        var columns = Enumerable.Range(0, columnCount)
            .Select(c => c % 25 == 24
                ? new ModelColumn($"Category{c}", [.. Enumerable.Range(0, 6 + (c / 25 * 5)).Select(i => $"c{i}")])
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
                double value = columns[c].IsCategorical
                    ? random.Next(columns[c].Categories!.Count)
                    : c % 3 == 0 ? random.Next(0, 30) : Math.Round(random.NextDouble() * 100, 1);
                if (c < 30)
                {
                    logit += (columns[c].IsCategorical ? (value is 2 or 5 ? 0.8 : 0) : (value - 50) / (c % 3 == 0 ? 30.0 : 120.0)) * (c % 2 == 0 ? 1 : -1);
                }

                values[offset + c] = random.NextDouble() < 0.05 ? double.NaN : value;
            }

            y[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        return (new DesignMatrix(columns, values), y);
    }

    /// <summary>Every row by the fixed-depth walk, in the 32-row blocks and threads of batch scoring.</summary>
    private static void WalkAll(TreeEnsemble ensemble, double[] values, double[] output)
    {
        const int blockRows = 32;
        var width = ensemble.FeatureCount;
        var rows = output.Length;
        Parallel.For(0, (rows + blockRows - 1) / blockRows, block =>
        {
            var start = block * blockRows;
            var count = Math.Min(blockRows, rows - start);
            ensemble.PredictRawBlockByWalk(values.AsSpan(start * width, count * width), output.AsSpan(start, count));
        });
    }

    private static (TimeSpan Wall, TimeSpan Cpu, int Passes) Measure(Action action, int passes)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < passes; i++)
        {
            action();
        }

        clock.Stop();
        process.Refresh();
        return (clock.Elapsed, process.TotalProcessorTime - cpu, passes);
    }

    private static void Report(string what, int rows, (TimeSpan Wall, TimeSpan Cpu, int Passes) time)
    {
        var total = (double)rows * time.Passes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-38} {total / time.Wall.TotalSeconds,12:N0} rows/s wall {total / time.Cpu.TotalSeconds,12:N0} rows/CPU-s  ({time.Wall.TotalSeconds:F2} s wall, {time.Cpu.TotalSeconds:F2} s CPU, {time.Wall.TotalMicroseconds / total:F2} µs/row)"));
    }

    private static double MaxDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
