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
            var watch = Stopwatch.StartNew();
            LivePipeline pipeline;
            long alerts = 0;
            pipeline = new LivePipeline(store, (IEventLedger)workStore, scorer, s => alerts += s.Alerts.Count);
            var pending = new List<Task<IReadOnlyList<EventOutcome>>>();
            var answered = new List<double>();
            var sent = 0;
            foreach (var chunk in replay.Chunk(batch))
            {
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
                if (pending.Count >= 64)
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

            var latencies = pipeline.Latencies.Order().ToArray();
            double At(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{replay.Count:N0} events in {watch.Elapsed.TotalSeconds:F2} s wall ({replay.Count / watch.Elapsed.TotalSeconds:N0} events/s), " +
                $"{used.TotalSeconds:F2} s CPU ({replay.Count / used.TotalSeconds:N0} events per CPU-second); alerts {alerts}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(pipeline.CommitsScoresWithEvents ? "group taken → events and scores committed" : "acknowledgement → stored score")}: p50 {At(0.50):F2} ms, p99 {At(0.99):F2} ms, max {At(1):F2} ms ({latencies.Length:N0} events scored)"));
            var submitted = answered.Order().ToArray();
            double Answered(double q) => submitted.Length == 0 ? double.NaN : submitted[Math.Min(submitted.Length - 1, (int)(q * submitted.Length))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"submission → acknowledgement{(pipeline.CommitsScoresWithEvents ? " (= stored score: one transaction)" : "")}: " +
                $"p50 {Answered(0.50):F2} ms, p99 {Answered(0.99):F2} ms, max {Answered(1):F2} ms; {pipeline.Commits:N0} commits"));
            Console.WriteLine($"scorer stages: {scorer.Stages}" + (pipeline.WriteTimes is { } w
                ? string.Create(CultureInfo.InvariantCulture, $"; event inserts {w.Inserting.TotalSeconds:F2} s, generation + commit {w.Committing.TotalSeconds:F2} s")
                : ""));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reasons computed {scorer.ReasonsComputed:N0} times for {latencies.Length:N0} events; warm start: {scorer.ReasonsSeeded:N0} customers' reasons, {scorer.TrailsSeeded:N0} stored scores in the probability trails"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
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
