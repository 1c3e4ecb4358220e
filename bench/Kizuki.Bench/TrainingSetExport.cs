using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kizuki.Configuration;
using Kizuki.Demo;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Features.Labels;
using Kizuki.Modeling.Churn;
using Kizuki.Storage;

namespace Kizuki.Bench;

/// <summary>
/// <c>trainset</c>: writes the labelled training set that <c>kizuki train</c> learns from (the same
/// <see cref="ChurnModelling.BuildTrainingSet"/>, the same data end: the local midnight after the newest record) as one CSV
/// for the Python peer, and prints a JSON summary: cutoffs, rows, categorical columns and, on a demo data directory with
/// contractual churn, the oracle ROC-AUCs on the test (latest) cutoff from the ground truth, exactly as <c>kizuki demo</c>
/// computes them (<c>--truth DIR</c>: the ground-truth folder when the data was imported into another directory).
/// </summary>
/// <remarks>CSV: <c>customer_id,cutoff,label,&lt;features…&gt;</c>, UTF-8 without BOM; cutoff as an ISO-8601 UTC instant;
/// numbers round-trip ("R"); an unknown value is an empty cell.</remarks>
internal static class TrainingSetExport
{
    /// <summary>Indented JSON for the bench modes' summaries.</summary>
    internal static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Run(string[] args)
    {
        var dataDir = Arg(args, "--data-dir") ?? throw new ArgumentException("trainset needs --data-dir DIR / --data-dir が必要です");
        var output = Arg(args, "--out") ?? throw new ArgumentException("trainset needs --out FILE.csv / --out が必要です");
        var watch = Stopwatch.StartNew();
        var (set, dataEnd) = Build(dataDir);
        var built = watch.Elapsed.TotalSeconds;
        Write(set, output);
        var cutoffs = set.Cutoffs.Distinct().Order().ToArray();
        var test = cutoffs[^1];
        var truth = Arg(args, "--truth") ?? Path.Combine(dataDir, "ground-truth");
        var oracle = set.Definition.Kind == ChurnKind.Contractual && File.Exists(Path.Combine(truth, "hazard.csv"))
            ? OracleAuc.Compute(Path.Combine(truth, "customers.csv"), Path.Combine(truth, "hazard.csv"), set, test)
            : OracleAucs.None;
        var summary = new
        {
            file = Path.GetFullPath(output),
            rows = set.RowCount,
            features = set.Definitions.Count,
            churnKind = set.Definition.Kind.ToString(),
            windowDays = set.Definition.WindowDays,
            dataEnd = Iso(dataEnd.ToUnixTimeMilliseconds()),
            cutoffs = cutoffs.Select(c => Iso(c)).ToArray(),
            categorical = set.Definitions.Where(d => d.Kind == FeatureKind.Categorical).Select(d => d.Name).ToArray(),
            buildSeconds = built,
            oracleFullAuc = double.IsNaN(oracle.Full) ? (double?)null : oracle.Full,
            oracleKnowableAuc = double.IsNaN(oracle.Knowable) ? (double?)null : oracle.Knowable,
        };
        Console.WriteLine(JsonSerializer.Serialize(summary, TrainingSetExport.Indented));
        return 0;
    }

    private static void Write(TrainingSet set, string path)
    {
        var definitions = set.Definitions;
        var numbers = definitions.Select((d, i) => d.Kind == FeatureKind.Categorical ? null : set.Numbers(i)).ToArray();
        var categories = definitions.Select((d, i) => d.Kind == FeatureKind.Categorical ? set.Categories(i) : null).ToArray();
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write("customer_id,cutoff,label");
        foreach (var d in definitions)
        {
            writer.Write(',');
            writer.Write(d.Name);
        }

        writer.Write('\n');
        var line = new StringBuilder();
        for (var r = 0; r < set.RowCount; r++)
        {
            line.Clear();
            line.Append(Quote(set.CustomerIds[r])).Append(',').Append(Iso(set.Cutoffs[r])).Append(',').Append(set.Labels[r]);
            for (var f = 0; f < definitions.Count; f++)
            {
                line.Append(',');
                if (numbers[f] is { } column)
                {
                    var value = column[r];
                    if (!double.IsNaN(value))
                    {
                        line.Append(value.ToString("R", CultureInfo.InvariantCulture));
                    }
                }
                else if (categories[f]![r] is { } category)
                {
                    line.Append(Quote(category));
                }
            }

            line.Append('\n');
            writer.Write(line);
        }
    }

    private static string Iso(long millis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Quote(string text) => text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    /// <summary>The training set <c>kizuki train</c> builds from a data directory, and the data end it uses.</summary>
    internal static (TrainingSet Set, DateTimeOffset DataEnd) Build(string dataDir)
    {
        var settings = KizukiSettings.Load(dataDir);
        using var store = StoreFactory.Open(dataDir);
        var newest = HistoryReader.NewestRecord(store, TimeProvider.System.GetUtcNow())
            ?? throw new InvalidOperationException($"{dataDir}: データがありません / the store holds no data");
        var dataEnd = NextLocalMidnight(newest, settings.Zone);
        return (ChurnModelling.BuildTrainingSet(store, settings, dataEnd), dataEnd);
    }

    /// <summary>The first local midnight strictly after <paramref name="instant"/>, as <c>kizuki train</c> resolves the data end.</summary>
    internal static DateTimeOffset NextLocalMidnight(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    internal static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
