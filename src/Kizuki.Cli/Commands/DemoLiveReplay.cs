using System.CommandLine;
using System.Diagnostics;
using Kizuki.Alerts;
using Kizuki.Cli.Output;
using Kizuki.Demo;
using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.LiveScoring;
using Kizuki.Storage;

namespace Kizuki.Cli.Commands;

/// <summary>
/// <c>kizuki demo --live</c>: after the demo is built and trained, its last days are replayed as a live stream through the
/// live path (durable intake with group commit, the live scorer, the rules), and alerts are shown as they fire.
/// </summary>
/// <remarks>
/// The live state is warmed with the history before the window only, as it stood then (<see cref="ReplayWindow"/>), so every
/// score and alert is point-in-time honest. The window's events are already stored: they are written again (idempotent)
/// and every one is passed to the scorer. Scores, alerts, tasks and follow-up touches land in the demo's data directory.
/// </remarks>
internal static class DemoLiveReplay
{
    /// <summary>Days replayed unless <c>--days</c> says otherwise.</summary>
    public const int DefaultDays = 3;

    /// <summary>The most days <c>--days</c> accepts.</summary>
    public const int MaxDays = 30;

    /// <summary>Events per submission (those waiting together share one commit and one scoring step).</summary>
    private const int Batch = 256;

    /// <summary>
    /// The stream is played one slice of this much event time at a time, each scored before the next is sent, so an alert
    /// fires at the time of the slice that caused it (a step's as-of instant is just after its newest event), not at the
    /// end of whatever happened to be queued.
    /// </summary>
    private static readonly TimeSpan Slice = TimeSpan.FromHours(1);

    /// <summary>The <c>--live</c> option.</summary>
    public static Option<bool> LiveOption() => new("--live")
    {
        Description = "Then replay the last days as a live stream and show alerts as they fire / 続けて直近の数日をライブで再生し、アラートを表示",
    };

    /// <summary>The <c>--days</c> option (with <c>--live</c>).</summary>
    public static Option<int> DaysOption()
    {
        var option = new Option<int>("--days")
        {
            Description = $"Days replayed by --live, 1–{MaxDays} (default {DefaultDays}) / --live で再生する日数",
            DefaultValueFactory = _ => DefaultDays,
        };
        // Checked while parsing, so a wrong value fails before the demo is generated.
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var days and (< 1 or > MaxDays))
            {
                result.AddError(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"--days は 1〜{MaxDays} で指定してください（指定: {days}）。 / --days must be between 1 and {MaxDays} (given: {days})."));
            }
        });
        return option;
    }

    /// <summary>Replays the last <paramref name="days"/> days of the demo in <paramref name="context"/>'s data directory.</summary>
    /// <returns>
    /// With <c>--json</c>, the replay's JSON object, which the demo's one object carries as its <c>live</c> property;
    /// otherwise null (the alerts and the summary were printed as they came).
    /// </returns>
    public static object? Run(CliContext context, DemoOptions options, int days)
    {
        if (days is < 1 or > MaxDays)
        {
            throw new KizukiException(context.T($"--days は 1〜{MaxDays} で指定してください（指定: {days}）。", $"--days must be between 1 and {MaxDays} (given: {days})."));
        }

        var settings = context.Settings;
        var wroteRules = !DemoRules.HasRules(settings);
        if (wroteRules)
        {
            settings = DemoRules.Apply(settings);
            settings.Save(context.DataDirectory);
        }

        var rules = LiveRules.Load(settings.Alerts, context.DataDirectory, new FeatureContext(settings.Features).Catalog, settings.Explanations);
        using var store = context.OpenStore();
        using var work = WorkStores.For(store, context.DatabaseUrl ?? settings.Database);
        var window = ReplayWindow.Read(store, options.HistoryEnd.AddDays(-days), options.HistoryEnd);
        var names = store.Customers().ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var scorer = LiveScoringHost.CreateScorer(context.DataDirectory, settings, store, work, context.Environment.Time);
        window.Warm(scorer);
        var view = new DemoLiveView(context, names);
        view.Start(window, rules, wroteRules);
        var tally = new LiveTally();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using var scored = new SemaphoreSlim(0);
        var pipeline = new LivePipeline(store, ReplayLedger.Instance, scorer, step =>
        {
            tally.Add(step);
            view.Alerts(step.Alerts);
            scored.Release();
        });
        try
        {
            Play(window, pipeline, scored);
        }
        finally
        {
            pipeline.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        watch.Stop();
        if (pipeline.Failure is { } failure)
        {
            throw new KizukiException(context.T($"採点が止まりました: {failure.Message}", $"Scoring stopped: {failure.Message}"));
        }

        var summary = new LiveReplaySummary(window.From, window.Until, days, window.Events.Count, pipeline.Scored, tally.Scores, tally.Customers.Count,
            [.. rules.Rules.Select(r => new RuleAlerts(r.Name, r.Definition.Severity, tally.ByRule.GetValueOrDefault(r.Name)))],
            tally.FollowUps, tally.Controls, scorer.State.RefusedLate, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu,
            Percentile(pipeline.Latencies, 0.99), wroteRules);
        if (context.Json)
        {
            return view.ToJson(summary, tally.Shown);
        }

        view.Summary(summary);
        return null;
    }

    /// <summary>Sends the window slice by slice, waiting after each until the scorer has handled every event accepted so far.</summary>
    private static void Play(ReplayWindow window, LivePipeline pipeline, SemaphoreSlim scored)
    {
        long accepted = 0;
        var events = window.Events;
        var start = 0;
        while (start < events.Count)
        {
            var end = window.From + (Slice * (Math.Floor((LiveEvents.TimeOf(events[start]) - window.From) / Slice) + 1));
            var stop = start;
            while (stop < events.Count && LiveEvents.TimeOf(events[stop]) < end)
            {
                stop++;
            }

            var pending = new List<Task<IReadOnlyList<EventOutcome>>>();
            for (var at = start; at < stop; at += Batch)
            {
                pending.Add(pipeline.SubmitAsync([.. events.Skip(at).Take(Math.Min(Batch, stop - at))]));
            }

            accepted += Task.WhenAll(pending).GetAwaiter().GetResult().Sum(o => o.Count(e => e.Status == EventStatus.Accepted));
            while (pipeline.Scored < accepted && pipeline.Failure is null)
            {
                scored.Wait(TimeSpan.FromMilliseconds(20));
            }

            start = stop;
        }
    }

    private static double Percentile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    }

    /// <summary>What the replay's steps produced (filled on the scorer thread, read after it stopped).</summary>
    private sealed class LiveTally
    {
        public long Scores { get; private set; }

        public long FollowUps { get; private set; }

        public long Controls { get; private set; }

        public HashSet<string> Customers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> ByRule { get; } = new(StringComparer.Ordinal);

        public List<StoredAlert> Shown { get; } = [];

        public void Add(LiveStep step)
        {
            Scores += step.Scores.Count;
            foreach (var score in step.Scores)
            {
                Customers.Add(score.CustomerId);
            }

            foreach (var alert in step.Alerts)
            {
                ByRule[alert.Rule] = ByRule.GetValueOrDefault(alert.Rule) + 1;
                Shown.Add(alert);
            }

            foreach (var followUp in step.FollowUps)
            {
                if (followUp.Body is null)
                {
                    Controls++;
                }
                else
                {
                    FollowUps++;
                }
            }
        }
    }

    /// <summary>A ledger that knows no event, so every replayed event (already stored) is written again and scored.</summary>
    private sealed class ReplayLedger : IEventLedger
    {
        public static readonly ReplayLedger Instance = new();

        public HashSet<string> Known(EntityKind kind, IReadOnlyCollection<string> ids) => new(StringComparer.Ordinal);
    }
}

/// <summary>One rule's alerts during a replay.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Count">Alerts it raised.</param>
internal sealed record RuleAlerts(string Rule, AlertSeverity Severity, long Count);

/// <summary>What a live replay did.</summary>
/// <param name="From">The window's first instant.</param>
/// <param name="Until">The instant after the window.</param>
/// <param name="Days">Days replayed.</param>
/// <param name="Events">Events in the window, submitted in time order.</param>
/// <param name="Scored">Events the scorer handled.</param>
/// <param name="Scores">Scores stored (one per customer touched per step, active customers only).</param>
/// <param name="Customers">Distinct customers scored.</param>
/// <param name="Rules">Alerts per rule, in the order written.</param>
/// <param name="FollowUps">Follow-up messages planned (recorded as touches).</param>
/// <param name="Controls">Follow-ups held out as controls (recorded as hold-out touches, not sent).</param>
/// <param name="RefusedLate">Events the live state refused as too late.</param>
/// <param name="Elapsed">Wall time from the first submission to the last score.</param>
/// <param name="Cpu">Process CPU time over the same span.</param>
/// <param name="P99Milliseconds">99th percentile of acknowledgement to stored score, in milliseconds, over every event of the
/// replay from a cold start: code compiled on first use (anywhere in the replay) is included, unlike the steady state
/// <c>Kizuki.Bench livescore --warmup</c> measures.</param>
/// <param name="WroteDemoRules">Whether the demo rules were written into the settings (none were there).</param>
internal sealed record LiveReplaySummary(
    DateTimeOffset From, DateTimeOffset Until, int Days, long Events, long Scored, long Scores, int Customers, IReadOnlyList<RuleAlerts> Rules,
    long FollowUps, long Controls, long RefusedLate, TimeSpan Elapsed, TimeSpan Cpu, double P99Milliseconds, bool WroteDemoRules)
{
    /// <summary>Alerts of every rule.</summary>
    public long Alerts => Rules.Sum(r => r.Count);

    /// <summary>Events per second of wall time.</summary>
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : double.NaN;
}
