using System.Globalization;
using Kizuki.Alerts;
using Kizuki.Cli.Commands;
using Kizuki.Explanations;
using Kizuki.LiveScoring;
using Kizuki.Storage;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders <c>kizuki demo --live</c>: a header, each alert as it fires, and a summary (or the summary as a JSON object for the demo's one object).</summary>
/// <remarks>Alerts arrive on the scorer thread, one step at a time; nothing else writes while the replay runs.</remarks>
internal sealed class DemoLiveView(CliContext context, IReadOnlyDictionary<string, string?> names)
{
    /// <summary>Says what is about to be replayed (nothing with <c>--json</c>).</summary>
    public void Start(ReplayWindow window, RuleSet rules, bool wroteRules)
    {
        if (context.Json)
        {
            return;
        }

        var days = (int)Math.Round((window.Until - window.From).TotalDays);
        context.Console.WriteLine();
        context.Console.MarkupLine($"[bold]{Markup.Escape(context.T("ライブ再生", "Live replay"))}[/]: " + Markup.Escape(context.T(
            $"{context.FormatLocal(window.From)} 〜 {context.FormatLocal(window.Until)}（{days} 日、イベント {CliContext.N(window.Events.Count)} 件、規則 {rules.Rules.Count} 件）",
            $"{context.FormatLocal(window.From)} to {context.FormatLocal(window.Until)} ({days} days, {CliContext.N(window.Events.Count)} events, {rules.Rules.Count} rules)")));
        if (wroteRules)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                "  デモ用の規則を settings.json（alerts.rules）に書き込みました。編集して再実行できます。",
                "  Demo rules written into settings.json (alerts.rules); edit them and run again.")));
        }
    }

    /// <summary>Prints the alerts of one scoring step (nothing with <c>--json</c>).</summary>
    public void Alerts(IReadOnlyList<StoredAlert> alerts)
    {
        if (context.Json)
        {
            return;
        }

        foreach (var alert in alerts)
        {
            var severity = SeverityOf(alert.Severity);
            var probability = alert.Probability is { } p ? p.ToString("P0", CultureInfo.InvariantCulture) : "-";
            var name = names.GetValueOrDefault(alert.CustomerId) is { Length: > 0 } n ? $"{n} ({alert.CustomerId})" : alert.CustomerId;
            context.Console.MarkupLine(
                $"{Markup.Escape(context.FormatLocal(alert.FiredAt))}  [{Colour(severity)}]{Markup.Escape(Label(severity))}[/]  " +
                $"[bold]{Markup.Escape(alert.Rule)}[/]  {Markup.Escape(name)}  {Markup.Escape(probability)}  {Markup.Escape(Sentence(alert) ?? "-")}");
        }
    }

    /// <summary>The summary with every alert, as the JSON object the demo's one object carries as <c>live</c>.</summary>
    public object ToJson(LiveReplaySummary summary, IReadOnlyList<StoredAlert> alerts) => new
    {
        from = summary.From,
        until = summary.Until,
        days = summary.Days,
        events = summary.Events,
        scored = summary.Scored,
        scores = summary.Scores,
        customers = summary.Customers,
        alerts = summary.Alerts,
        byRule = summary.Rules.Select(r => new { rule = r.Rule, severity = r.Severity, alerts = r.Count }),
        followUps = summary.FollowUps,
        controls = summary.Controls,
        refusedLate = summary.RefusedLate,
        seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
        cpuSeconds = Math.Round(summary.Cpu.TotalSeconds, 3),
        eventsPerSecond = Math.Round(summary.EventsPerSecond),
        p99Milliseconds = Math.Round(summary.P99Milliseconds, 2),
        wroteDemoRules = summary.WroteDemoRules,
        fired = alerts.Select(a => new
        {
            at = a.FiredAt,
            customer = a.CustomerId,
            name = names.GetValueOrDefault(a.CustomerId),
            rule = a.Rule,
            severity = a.Severity,
            probability = a.Probability,
            topReason = a.TopReason,
            reason = Sentence(a),
            control = a.IsControl,
        }).ToList(),
    };

    /// <summary>Prints the summary (the human-readable form; <see cref="ToJson"/> is the <c>--json</c> form).</summary>
    public void Summary(LiveReplaySummary summary)
    {
        context.Console.WriteLine();
        context.Console.MarkupLine($"[bold]{Markup.Escape(context.T("ライブ再生の結果", "Live replay summary"))}[/]");
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"  イベント {CliContext.N(summary.Events)} 件を {Seconds(summary.Elapsed)} 秒で再生（毎秒 {CliContext.N((long)summary.EventsPerSecond)} 件、CPU {Seconds(summary.Cpu)} 秒、受付→採点の保存 p99 {Milliseconds(summary.P99Milliseconds)} ms：起動直後の全イベントで、初回のコンパイル待ちも含む）",
            $"  {CliContext.N(summary.Events)} events replayed in {Seconds(summary.Elapsed)} s ({CliContext.N((long)summary.EventsPerSecond)} events/s, CPU {Seconds(summary.Cpu)} s, acknowledgement to stored score p99 {Milliseconds(summary.P99Milliseconds)} ms over every event from a cold start, first compilations included)")));
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"  採点 {CliContext.N(summary.Scores)} 回（{CliContext.N(summary.Customers)} 顧客）、アラート {CliContext.N(summary.Alerts)} 件、フォローアップ予定 {CliContext.N(summary.FollowUps)} 件（対照群として保留 {CliContext.N(summary.Controls)} 件）",
            $"  {CliContext.N(summary.Scores)} scores ({CliContext.N(summary.Customers)} customers), {CliContext.N(summary.Alerts)} alerts, {CliContext.N(summary.FollowUps)} follow-ups planned ({CliContext.N(summary.Controls)} held out as controls)")));
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(Markup.Escape(context.T("規則", "Rule")))
            .AddColumn(Markup.Escape(context.T("重要度", "Severity")))
            .AddColumn(new TableColumn(Markup.Escape(context.T("アラート", "Alerts"))).RightAligned());
        foreach (var rule in summary.Rules)
        {
            table.AddRow(Markup.Escape(rule.Rule), $"[{Colour(rule.Severity)}]{Markup.Escape(Label(rule.Severity))}[/]", CliContext.N(rule.Count));
        }

        context.Console.Write(table);
        if (summary.Alerts > 0)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                "  担当者のタスクは `kizuki tasks` で確認できます。",
                "  Staff tasks: `kizuki tasks`.")));
        }
    }

    private string? Sentence(StoredAlert alert)
    {
        if (alert.Reasons is null)
        {
            return null;
        }

        var reasons = ReasonsJson.Read(alert.Reasons);
        return reasons.Raising.Count > 0 ? reasons.Raising[0].Sentence(context.Language) : null;
    }

    private static AlertSeverity SeverityOf(string severity) =>
        Enum.TryParse<AlertSeverity>(severity, ignoreCase: true, out var parsed) ? parsed : AlertSeverity.Medium;

    private string Label(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Low => context.T("低", "low"),
        AlertSeverity.Medium => context.T("中", "medium"),
        AlertSeverity.High => context.T("高", "high"),
        _ => context.T("緊急", "critical"),
    };

    private static string Colour(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Low => "grey",
        AlertSeverity.Medium => "yellow",
        AlertSeverity.High => "red",
        _ => "bold red",
    };

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string Milliseconds(double ms) => double.IsFinite(ms) ? ms.ToString("F1", CultureInfo.InvariantCulture) : "-";
}
