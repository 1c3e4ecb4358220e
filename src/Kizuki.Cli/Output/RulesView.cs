using System.Globalization;
using Kizuki.Alerts;
using Kizuki.Cli.Commands;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders rule checks and dry runs.</summary>
internal static class RulesView
{
    /// <summary>How many customers hit now the console lists per rule.</summary>
    public const int ShownCustomers = 20;

    public static void RenderCheck(CliContext context, RuleSet rules)
    {
        if (context.Json)
        {
            context.WriteJson(new { valid = true, rules = rules.Rules.Select(Describe) });
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T($"{rules.Rules.Count} 件の規則はすべて有効です。", $"All {rules.Rules.Count} rules are valid.")));
        var table = new Table().Border(TableBorder.Rounded).AddColumns(context.T("規則", "rule"), context.T("重要度", "severity"),
            context.T("再通知まで", "cooldown"), context.T("フォロー", "follow-up"), context.T("対照群", "hold-out"), context.T("使う値", "reads"));
        foreach (var r in rules.Rules)
        {
            var d = r.Definition;
            table.AddRow(Markup.Escape(r.Name), Severity(context, d.Severity), Days(d.CooldownDays), d.FollowUp ? "✓" : "",
                d.HoldoutShare > 0 ? Percent(d.HoldoutShare) : "", Markup.Escape(string.Join(", ", Reads(r))));
        }

        context.Console.Write(table);
    }

    /// <summary>Renders a dry run: per rule, who it hits now and how many on each past day (or all of it as one JSON object).</summary>
    /// <param name="context">Where and in which language to write.</param>
    /// <param name="result">The dry run.</param>
    /// <param name="timing">Its wall-clock and CPU time.</param>
    /// <param name="readsTopReason">Whether a rule reads <c>top_reason</c> (then the console says how many customer-days were explained).</param>
    public static void RenderTest(CliContext context, RuleDryRunResult result, DryRunTimings timing, bool readsTopReason)
    {
        if (context.Json)
        {
            context.WriteJson(new
            {
                asOf = result.AsOf,
                days = result.Days.Count,
                modelVersion = result.ModelVersion,
                topReasonUnknown = result.TopReasonUnknown,
                featuresEvaluated = result.FeaturesEvaluated,
                evaluations = result.Evaluations,
                explained = result.Explained,
                seconds = Math.Round(timing.Elapsed.TotalSeconds, 3),
                cpuSeconds = Math.Round(timing.Cpu.TotalSeconds, 3),
                rules = result.Rules.Select(r => new
                {
                    name = r.Name,
                    severity = r.Severity.ToString().ToLowerInvariant(),
                    hitsNow = r.HitsNow.Count,
                    customers = r.HitsNow.Select(h => new { customerId = h.CustomerId, probability = double.IsFinite(h.Probability) ? Math.Round(h.Probability, 6) : (double?)null }),
                    daily = result.Days.Select((d, i) => new { date = d, matches = r.Matches[i], fired = r.Fired[i] }),
                }),
            });
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"基準 {context.FormatLocal(result.AsOf)} から {result.Days.Count} 日分を試行しました（{CliContext.N(result.Evaluations)} 顧客日、特徴量 {result.FeaturesEvaluated} 個、{Seconds(timing.Elapsed)} 秒、CPU {Seconds(timing.Cpu)} 秒）。",
            $"Replayed {result.Days.Count} days up to {context.FormatLocal(result.AsOf)} ({CliContext.N(result.Evaluations)} customer-days, {result.FeaturesEvaluated} features, {Seconds(timing.Elapsed)} s, CPU {Seconds(timing.Cpu)} s).")));
        if (result.ModelVersion is { } version)
        {
            context.Console.MarkupLine(Markup.Escape(context.T($"解約確率はモデル v{version} で計算しました。", $"Churn probabilities from model v{version}.")));
        }

        if (result.TopReasonUnknown)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                "注意: モデルに説明器がないため top_reason を計算できず、top_reason の比較はすべて偽として扱いました。",
                "Note: the model came without an explainer, so top_reason could not be computed; every top_reason comparison counted as false.")));
        }
        else if (readsTopReason)
        {
            // Explaining a row is the costly part of a dry run, so say how often it was needed.
            context.Console.MarkupLine(Markup.Escape(context.T(
                $"top_reason のため {CliContext.N(result.Explained)} 顧客日（全 {CliContext.N(result.Evaluations)} 顧客日のうち）を説明しました。規則の結果が top_reason で変わり、スコアが説明対象のリスク帯にあるものだけです。",
                $"Explained {CliContext.N(result.Explained)} of {CliContext.N(result.Evaluations)} customer-days for top_reason (only where a rule's outcome hung on it and the score was in the risk band that gets reasons).")));
        }

        foreach (var rule in result.Rules)
        {
            Rule(context, result, rule);
        }
    }

    private static void Rule(CliContext context, RuleDryRunResult result, RuleDryRunRule rule)
    {
        var matches = rule.Matches;
        var fired = rule.Fired.Sum();
        context.Console.WriteLine();
        context.Console.MarkupLine($"[bold]{Markup.Escape(rule.Name)}[/] ({Severity(context, rule.Severity)})");
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"  今: {CliContext.N(rule.HitsNow.Count)} 顧客 / 過去 {matches.Count} 日: 1日平均 {matches.Average():0.0}、最大 {matches.Max()}、再通知間隔を考慮したアラート計 {CliContext.N(fired)} 件",
            $"  now: {CliContext.N(rule.HitsNow.Count)} customers / last {matches.Count} days: mean {matches.Average():0.0} a day, max {matches.Max()}, {CliContext.N(fired)} alerts in all with the cool-down applied")));
        context.Console.MarkupLine("  " + Markup.Escape(Sparkline(matches.Reverse().ToList())) + context.T("（古い→新しい）", " (oldest → newest)"));
        foreach (var (id, p) in rule.HitsNow.Take(ShownCustomers))
        {
            context.Console.MarkupLine(Markup.Escape($"    {id}" + (double.IsFinite(p) ? $"  {p.ToString("0.000", CultureInfo.InvariantCulture)}" : "")));
        }

        if (rule.HitsNow.Count > ShownCustomers)
        {
            context.Console.MarkupLine(Markup.Escape(context.T($"    …ほか {rule.HitsNow.Count - ShownCustomers} 顧客（--json で全件）",
                $"    … and {rule.HitsNow.Count - ShownCustomers} more (--json lists all)")));
        }
    }

    private static object Describe(CompiledRule r) => new
    {
        name = r.Name,
        severity = r.Definition.Severity.ToString().ToLowerInvariant(),
        cooldownDays = r.Definition.CooldownDays,
        followUp = r.Definition.FollowUp,
        holdout = r.Definition.HoldoutShare,
        reads = Reads(r),
    };

    private static IEnumerable<string> Reads(CompiledRule r) =>
        r.Features.Concat(r.UsesProbability ? ["churn_probability"] : []).Concat(r.UsesTopReason ? ["top_reason"] : []);

    private static string Severity(CliContext context, AlertSeverity severity) => severity switch
    {
        AlertSeverity.Low => context.T("低", "low"),
        AlertSeverity.Medium => context.T("中", "medium"),
        AlertSeverity.High => context.T("高", "high"),
        _ => context.T("緊急", "critical"),
    };

    private static string Sparkline(IReadOnlyList<int> values)
    {
        const string Bars = "▁▂▃▄▅▆▇█";
        var max = Math.Max(1, values.Max());
        return string.Concat(values.Select(v => v == 0 ? ' ' : Bars[Math.Min(Bars.Length - 1, v * Bars.Length / (max + 1))]));
    }

    private static string Days(double days) => days.ToString("0.##", CultureInfo.InvariantCulture) + "d";

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
