using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kizuki.Features;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Bench;

/// <summary>
/// <c>fitcsv</c>: our gradient-boosted trees on the training-set CSV written by <c>trainset</c>, split by time as
/// <see cref="ChurnTrainer"/> splits it for the evaluated model: every cutoff but the last two trains, the second-last stops
/// the boosting early, the last is the test. One fit with the product's tree settings
/// (<see cref="ChurnTrainerOptions.Trees"/>) and 31 leaves, the same settings the Python peer's models get. Prints JSON:
/// read, fit (encode + bin + boost) and score seconds, wall and CPU, and the test ROC-AUC.
/// </summary>
internal static class SameSetFit
{
    public static int Run(string[] args)
    {
        var path = TrainingSetExport.Arg(args, "--csv") ?? throw new ArgumentException("fitcsv needs --csv FILE / --csv が必要です");
        var leaves = int.Parse(TrainingSetExport.Arg(args, "--leaves") ?? "31", CultureInfo.InvariantCulture);
        var definitions = new FeatureContext(new FeatureSettings()).Catalog.Definitions;

        var (table, readWall, readCpu) = Measure(() => Read(path, definitions));
        var cutoffs = table.Cutoffs.Distinct().Order().ToArray();
        if (cutoffs.Length < 3)
        {
            throw new InvalidOperationException($"{path}: 基準日が3つ未満です / needs at least 3 cutoffs, has {cutoffs.Length}");
        }

        var all = Enumerable.Range(0, table.Labels.Length).ToArray();
        var train = all.Where(r => table.Cutoffs[r] < cutoffs[^2]).ToArray();
        var validation = all.Where(r => table.Cutoffs[r] == cutoffs[^2]).ToArray();
        var test = all.Where(r => table.Cutoffs[r] == cutoffs[^1]).ToArray();
        var options = new ChurnTrainerOptions().Trees with { NumLeaves = leaves };

        var ((encoder, model, x), fitWall, fitCpu) = Measure(() =>
        {
            var encoder = FeatureEncoder.Fit(definitions, f => table.Categories[f]!, all);
            var x = encoder.Encode(f => table.Numbers[f]!, f => table.Categories[f]!, all);
            using var binned = LightGbmDataset.Create(x, table.Labels, options);
            var model = new LightGbmEstimator(options).Fit(binned, train, validation);
            return (encoder, model, x);
        });
        using (model)
        {
            var xTest = x.SelectRows(test);
            var (scores, scoreWall, scoreCpu) = Measure(() => model.PredictRaw(xTest));
            var labels = test.Select(r => table.Labels[r]).ToArray();
            var result = new
            {
                trainRows = train.Length,
                validationRows = validation.Length,
                testRows = test.Length,
                testChurners = (int)labels.Sum(),
                columns = encoder.Columns.Count,
                trees = model.Iterations,
                leaves,
                readSeconds = readWall,
                readCpuSeconds = readCpu,
                fitSeconds = fitWall,
                fitCpuSeconds = fitCpu,
                scoreSeconds = scoreWall,
                scoreCpuSeconds = scoreCpu,
                testAuc = BinaryMetrics.RocAuc(scores, labels),
            };
            Console.WriteLine(JsonSerializer.Serialize(result, TrainingSetExport.Indented));
        }

        return 0;
    }

    private static (T Result, double Wall, double Cpu) Measure<T>(Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = work();
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (result, wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static CsvTable Read(string path, IReadOnlyList<FeatureDefinition> definitions)
    {
        using var reader = new StreamReader(path);
        var header = SplitLine(reader.ReadLine() ?? throw new InvalidDataException($"{path}: 空のファイル / empty file"));
        var expected = new[] { "customer_id", "cutoff", "label" }.Concat(definitions.Select(d => d.Name)).ToArray();
        if (!header.SequenceEqual(expected))
        {
            throw new InvalidDataException($"{path}: 1 行目の列が特徴量カタログと一致しません / line 1: columns do not match the feature catalog "
                + $"(expected {expected.Length} columns customer_id,cutoff,label,{definitions[0].Name},…; got {header.Length})");
        }

        var numbers = definitions.Select(d => d.Kind == FeatureKind.Categorical ? null : new List<double>()).ToArray();
        var categories = definitions.Select(d => d.Kind == FeatureKind.Categorical ? new List<string?>() : null).ToArray();
        var cutoffs = new List<long>();
        var labels = new List<double>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var cells = SplitLine(line);
            if (cells.Length != expected.Length)
            {
                throw new InvalidDataException($"{path}: {lineNumber} 行目 / line {lineNumber}: expected {expected.Length} cells, got {cells.Length}");
            }

            cutoffs.Add(DateTimeOffset.Parse(cells[1], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
            labels.Add(double.Parse(cells[2], CultureInfo.InvariantCulture));
            for (var f = 0; f < definitions.Count; f++)
            {
                var cell = cells[f + 3];
                if (numbers[f] is { } column)
                {
                    column.Add(cell.Length == 0 ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture));
                }
                else
                {
                    categories[f]!.Add(cell.Length == 0 ? null : cell);
                }
            }
        }

        return new CsvTable([.. cutoffs], [.. labels], [.. numbers.Select(n => n?.ToArray())], [.. categories.Select(c => c?.ToArray())]);
    }

    /// <summary>Splits one CSV line (RFC 4180 quotes; the export writes no line breaks inside cells).</summary>
    private static string[] SplitLine(string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return line.Split(',');
        }

        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    private sealed record CsvTable(long[] Cutoffs, double[] Labels, double[]?[] Numbers, string?[]?[] Categories);
}
