using System.Diagnostics;
using System.Globalization;
using Kizuki.Configuration;
using Kizuki.LiveScoring;
using Kizuki.Storage;

namespace Kizuki.Bench;

/// <summary>
/// The live path end to end on the embedded store: the last days of a demo business are submitted as events (batches of
/// <c>--batch</c>, several in flight), written with group commit, scored with the active model (with reasons) and
/// checked against the settings' rules. Prints events/s and the latency from acknowledgement to stored score.
/// <c>--rate N</c> offers N events per second instead of all at once, to measure latency below saturation.
/// </summary>
internal static class LiveScoreBenchmark
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var dataDir = Arg("--data-dir", "kizuki-data");
        var days = int.Parse(Arg("--days", "3"), CultureInfo.InvariantCulture);
        var batch = int.Parse(Arg("--batch", "200"), CultureInfo.InvariantCulture);
        var explain = Arg("--explain", "true") == "true";
        var rate = double.Parse(Arg("--rate", "0"), CultureInfo.InvariantCulture);
        var nightly = Arg("--nightly", "true") == "true";
        var warmup = int.Parse(Arg("--warmup", "0"), CultureInfo.InvariantCulture);
        var settings = KizukiSettings.Load(dataDir);
        var work = Path.Combine(Path.GetTempPath(), "kizuki-livescore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            using var source = StoreFactory.Open(dataDir);
            var all = new List<object>();
            all.AddRange(source.Subscriptions());
            all.AddRange(source.Orders());
            all.AddRange(source.Activities());
            all.AddRange(source.Tickets());
            all.AddRange(source.Surveys());
            all.AddRange(source.ChurnEvents());
            all.Sort((a, b) => LiveEvents.TimeOf(a).CompareTo(LiveEvents.TimeOf(b)));
            var cutoff = LiveEvents.TimeOf(all[^1]).AddDays(-days);
            var replay = all.Where(r => LiveEvents.TimeOf(r) >= cutoff).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"copying history before {cutoff:yyyy-MM-dd} into a fresh store…"));
            using var store = StoreFactory.Open(work);
            store.Migrate();
            using (var session = store.BeginImport())
            {
                foreach (var c in source.Customers())
                {
                    session.Add(c);
                }

                foreach (var r in all.Where(r => LiveEvents.TimeOf(r) < cutoff))
                {
                    LiveEvents.Add(session, r);
                }

                session.Commit();
            }

            if (nightly && explain)
            {
                // As in production, last night's batch score (with reasons) precedes the live stream: the live scorer starts
                // from those reasons and computes new ones only when a score moves (LiveScorerParts.ReasonsChange).
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch scoring every customer as of {cutoff:yyyy-MM-dd HH:mm} (untimed)…"));
                NightlyScore(dataDir, settings, store, cutoff);
            }

            // The model and settings stay in the demo directory; the fresh store only holds the data.
            using var workStore = WorkStores.For(store);
            var scorer = LiveScoringHost.CreateScorer(dataDir, settings, store, workStore, TimeProvider.System, explain);
            scorer.Warm();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replaying {replay.Count:N0} events of the last {days} days for {scorer.State.CustomerCount:N0} customers, batches of {batch}…"));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (gen0, gen1, gen2, paused, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
            var stolen = StolenMilliseconds();
            var watch = Stopwatch.StartNew();
            LivePipeline pipeline;
            long alerts = 0;
            long scores = 0;
            pipeline = new LivePipeline(store, (IEventLedger)workStore, scorer, s => { alerts += s.Alerts.Count; scores += s.Scores.Count; });
            var pending = new List<Task<IReadOnlyList<EventOutcome>>>();
            var answered = new List<double>();
            var sent = 0;
            var warmed = (Stored: 0, Computed: 0, Answered: 0);
            var chunks = replay.Chunk(batch).ToList();
            var warmChunks = warmup <= 0 ? 0 : Math.Min(chunks.Count, (warmup + batch - 1) / batch);
            for (var c = 0; c < chunks.Count; c++)
            {
                var chunk = chunks[c];
                if (c == warmChunks && warmChunks > 0)
                {
                    // The warm-up (the JIT compiles and optimises the hot paths in its first seconds) is replayed but not counted.
                    Task.WhenAll(pending).GetAwaiter().GetResult();
                    var acceptedSoFar = pending.Sum(t => t.Result.Count(o => o.Status == EventStatus.Accepted));
                    SpinWait.SpinUntil(() => pipeline.Scored >= acceptedSoFar || pipeline.Failure is not null, TimeSpan.FromMinutes(5));
                    lock (answered)
                    {
                        warmed = (pipeline.Latencies.Count, pipeline.ComputedLatencies.Count, answered.Count);
                    }
                }

                // With --rate, events are offered at that pace (latency under load); without, as fast as possible (throughput).
                while (rate > 0 && watch.Elapsed.TotalSeconds < sent / rate)
                {
                    Thread.Sleep(1);
                }

                sent += chunk.Length;
                var submittedAt = Stopwatch.GetTimestamp();
                var events = chunk.Length;
                pending.Add(pipeline.SubmitAsync(chunk).ContinueWith(t =>
                {
                    var ms = Stopwatch.GetElapsedTime(submittedAt).TotalMilliseconds;
                    lock (answered)
                    {
                        answered.AddRange(Enumerable.Repeat(ms, events));
                    }

                    return t.Result;
                }, TaskContinuationOptions.ExecuteSynchronously));
                if (pending.Count >= 64 && c >= warmChunks)
                {
                    pending[0].GetAwaiter().GetResult();
                    pending.RemoveAt(0);
                }
            }

            Task.WhenAll(pending).GetAwaiter().GetResult();
            pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
            watch.Stop();
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (pipeline.Failure is { } failure)
            {
                Console.Error.WriteLine(failure);
                return 1;
            }

            double P(IEnumerable<double> values, double q)
            {
                var sorted = values.Order().ToArray();
                return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
            }

            string Line(IReadOnlyList<double> all, int skip) => string.Create(CultureInfo.InvariantCulture,
                $"p50 {P(all.Skip(skip), 0.5):F2} ms, p99 {P(all.Skip(skip), 0.99):F2} ms, max {P(all.Skip(skip), 1):F2} ms over {all.Count - skip:N0} events")
                + (skip > 0 ? string.Create(CultureInfo.InvariantCulture, $" after the first {skip:N0} (with them: p99 {P(all, 0.99):F2} ms, max {P(all, 1):F2} ms)") : "");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{replay.Count:N0} events in {watch.Elapsed.TotalSeconds:F2} s wall ({replay.Count / watch.Elapsed.TotalSeconds:N0} events/s), " +
                $"{used.TotalSeconds:F2} s CPU ({replay.Count / used.TotalSeconds:N0} events per CPU-second); {scores:N0} scores stored " +
                $"(a customer with several events in one step is scored once, after all of them); alerts {alerts}"));
            if (pipeline.ScoresOnOwnThread)
            {
                Console.WriteLine("acknowledgement → new score and reasons computed in the process: " + Line(pipeline.ComputedLatencies, warmed.Computed));
            }

            Console.WriteLine("acknowledgement → new score committed to the store: " + Line(pipeline.Latencies, warmed.Stored));
            Console.WriteLine("submission → acknowledgement: " + Line(answered, warmed.Answered) +
                string.Create(CultureInfo.InvariantCulture, $"; {pipeline.Commits:N0} commits"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GC: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2 collections ({pipeline.CollectedWhileIdle} of them started by the idle scorer), " +
                $"{(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms paused, {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:F0} MiB allocated ({(GC.GetTotalAllocatedBytes() - allocated) / (double)replay.Count:N0} bytes per event)"));
            Console.WriteLine($"scorer stages: {scorer.Stages}" + (pipeline.WriteTimes is { } w
                ? string.Create(CultureInfo.InvariantCulture,
                    $"; writer: event inserts {w.Inserting.TotalSeconds:F2} s, score inserts {w.Storing.TotalSeconds:F2} s, generation + commit {w.Committing.TotalSeconds:F2} s")
                : ""));
            if (stolen is { } before && StolenMilliseconds() is { } after)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"machine: {after - before:N0} ms of CPU time stolen by the hypervisor during the replay (all vCPUs; /proc/stat), see also `jitter`"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reasons computed {scorer.ReasonsComputed:N0} times for {pipeline.Scored:N0} events; warm start: {scorer.ReasonsSeeded:N0} customers' reasons, {scorer.TrailsSeeded:N0} stored scores in the probability trails"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The CPU time the hypervisor has taken from this machine's vCPUs since boot (steal in /proc/stat), if known.</summary>
    private static long? StolenMilliseconds()
    {
        const string stat = "/proc/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // "cpu  user nice system idle iowait irq softirq steal ..." in clock ticks (USER_HZ, 100 per second on Linux).
        var fields = File.ReadLines(stat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 8 && long.TryParse(fields[8], CultureInfo.InvariantCulture, out var ticks) ? ticks * 10 : null;
    }

    private static void NightlyScore(string dataDir, KizukiSettings settings, IStore store, DateTimeOffset asOf)
    {
        var registry = new Kizuki.Modeling.Registry.ModelRegistry(dataDir);
        if (registry.Active is not { } version)
        {
            return;
        }

        var model = registry.Load(version);
        var metadata = registry.Metadata(version);
        var context = metadata.CreateFeatureContext(settings.Features);
        var table = Kizuki.Features.Batch.BatchFeatureEvaluator.Evaluate(store, context, asOf);
        var explainer = new Kizuki.Explanations.Explainer(model, context.Catalog.Definitions, settings.Explanations,
            new Kizuki.Explanations.ReasonFormat(settings.Currency, settings.Zone));
        store.SaveScores(Kizuki.Scoring.ChurnScorer.Score(table, model, metadata, settings.Scoring, asOf, explainer).Scores);
    }
}
