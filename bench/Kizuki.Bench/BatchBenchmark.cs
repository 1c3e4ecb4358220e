using System.Diagnostics;
using System.Globalization;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Bench;

/// <summary>
/// Where the batch feature evaluator's CPU goes, phase by phase, on one worker: building the activity snapshot (what
/// the first run after an import pays), reading the histories straight from the SQLite file and with the activities
/// from the snapshot, evaluating the catalog on them, and writing the CSV. Times are CPU seconds of the whole process
/// (user + system), so other load on the machine does not count.
/// </summary>
internal static class BatchBenchmark
{
    public static int Run(string[] args)
    {
        var dataDir = args.Length >= 2 && args[0] == "--data-dir" ? args[1] : "kizuki-data";
        var rounds = args.Length >= 4 && args[2] == "--rounds" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
        using var store = StoreFactory.Open(dataDir);
        var context = new FeatureContext(new FeatureSettings());
        var options = HistoryReadOptions.Default with { Workers = 1, ReuseHistory = true };

        var (newest, newestCpu) = Measure(() => HistoryReader.NewestRecord(store, DateTimeOffset.UnixEpoch, options));
        var asOf = newest ?? throw new InvalidOperationException("the store is empty");
        Report("newest record (default as-of)", newestCpu, 0);

        if (store.Engine == StoreEngine.Sqlite)
        {
            File.Delete(ActivitySnapshot.PathFor(store.Location));
            var (snapshot, buildCpu) = Measure(() => ActivitySnapshot.OpenOrBuild(store.Location, options.SqliteMemoryMapBytes));
            Report(snapshot is null ? "activity snapshot: none (store without data generation)" : "build activity snapshot",
                buildCpu, snapshot?.RecordCount ?? 0);
            snapshot?.Dispose();
        }

        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (label, snapshot) in new[] { ("read histories, direct", false), ("read histories, snapshot", true) })
            {
                var (events, readCpu) = Measure(() =>
                {
                    long count = 0;
                    foreach (var history in HistoryReader.Read(store, context, Millis.Of(asOf), options with { UseActivitySnapshot = snapshot }))
                    {
                        count += history.Orders.Count + history.Activities.Count + history.Subscriptions.Count
                            + history.Tickets.Count + history.Surveys.Count + history.ChurnMarks.Count;
                    }

                    return count;
                });
                Report($"round {round}: {label}", readCpu, events);
            }

            var (table, tableCpu) = Measure(() => BatchFeatureEvaluator.Evaluate(store, context, asOf, null, options));
            Report($"round {round}: read + evaluate {context.Catalog.Count} features", tableCpu, table.EventsRead);

            var file = Path.Combine(Path.GetTempPath(), $"kizuki-bench-{Environment.ProcessId}.csv");
            try
            {
                var (_, csvCpu) = Measure(() =>
                {
                    FeatureTableCsv.Write(table, file);
                    return 0;
                });
                Report($"round {round}: write CSV ({table.RowCount:N0} rows)", csvCpu, 0);
            }
            finally
            {
                File.Delete(file);
            }
        }

        return 0;
    }

    private static (T Result, double CpuSeconds) Measure<T>(Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        var result = work();
        process.Refresh();
        return (result, (process.TotalProcessorTime - before).TotalSeconds);
    }

    private static void Report(string what, double cpu, long events) =>
        Console.WriteLine(events > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{what}: {cpu:F2} CPU s, {events:N0} events = {events / cpu:N0} events per CPU-second")
            : string.Create(CultureInfo.InvariantCulture, $"{what}: {cpu:F2} CPU s"));
}
