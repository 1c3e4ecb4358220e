using System.Globalization;
using Kizuki.Cli.Commands;
using Kizuki.Explanations;
using Kizuki.Scoring;
using Kizuki.Storage;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders a scoring run: the customers with the most revenue at risk and the count per risk band.</summary>
internal static class ScoreView
{
    /// <summary>The top customers as JSON: probability, band, revenue at risk, reasons and action in the chosen language.</summary>
    public static IEnumerable<object> TopJson(CliContext context, IReadOnlyList<StoredScore> leaders) =>
        leaders.Select(s => (object)new
        {
            customerId = s.CustomerId,
            probability = Math.Round(s.Probability, 6),
            band = BandName(s.Band),
            revenueAtRisk = s.RevenueAtRisk,
            reasons = ReasonsOf(s)?.Raising.Select(r => r.Sentence(context.Language)),
            loweringReasons = ReasonsOf(s)?.Lowering.Select(r => r.Sentence(context.Language)),
            action = ReasonsOf(s)?.Action?.Text(context.Language),
        });

    public static void Render(CliContext context, ScoringRun run, int top, string? path, ScoreTimings timings)
    {
        var leaders = run.Top(top);
        var bands = run.Bands();
        if (context.Json)
        {
            context.WriteJson(new
            {
                asOf = run.AsOf,
                modelVersion = run.Model.Version,
                churnKind = run.Model.ChurnKind,
                customers = run.Scores.Count,
                file = path,
                bands = bands.Select(b => new { band = BandName(b.Band), customers = b.Customers, revenueAtRisk = b.RevenueAtRisk }),
                top = TopJson(context, leaders),
                featureSeconds = Math.Round(timings.Features.TotalSeconds, 3),
                scoringSeconds = Math.Round(timings.Scoring.TotalSeconds, 3),
                seconds = Math.Round(timings.Total.TotalSeconds, 3),
            });
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"モデル v{run.Model.Version} で {CliContext.N(run.Scores.Count)} 顧客を採点し、保存しました（基準 {context.FormatLocal(run.AsOf)}、特徴量 {Seconds(timings.Features)} 秒、採点 {Seconds(timings.Scoring)} 秒）。",
            $"Scored and stored {CliContext.N(run.Scores.Count)} customers with model v{run.Model.Version} as of {context.FormatLocal(run.AsOf)} (features {Seconds(timings.Features)} s, scoring {Seconds(timings.Scoring)} s).")));
        if (path is not null)
        {
            context.Console.MarkupLine(Markup.Escape(context.T($"CSV: {path}", $"CSV: {path}")));
        }

        var summary = new Table().Border(TableBorder.Rounded)
            .AddColumn(context.T("リスク", "risk"))
            .AddColumn(new TableColumn(context.T("顧客数", "customers")).RightAligned())
            .AddColumn(new TableColumn(context.T("リスク金額", "revenue at risk")).RightAligned());
        foreach (var band in bands)
        {
            summary.AddRow(Markup.Escape(BandLabel(context, band.Band)), CliContext.N(band.Customers), Money(band.RevenueAtRisk));
        }

        context.Console.Write(summary);
        if (leaders.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape(context.T($"リスク金額の上位 {leaders.Count} 顧客", $"Top {leaders.Count} customers by revenue at risk")))
            .AddColumn("#")
            .AddColumn(context.T("顧客", "customer"))
            .AddColumn(new TableColumn(context.T("解約確率", "probability")).RightAligned())
            .AddColumn(context.T("リスク", "risk"))
            .AddColumn(new TableColumn(context.T("リスク金額", "revenue at risk")).RightAligned());
        for (var i = 0; i < leaders.Count; i++)
        {
            var s = leaders[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(s.CustomerId),
                s.Probability.ToString("P1", CultureInfo.InvariantCulture),
                Markup.Escape(BandLabel(context, s.Band)),
                Money(s.RevenueAtRisk));
        }

        context.Console.Write(table);
        WriteReasons(context, leaders);
    }

    /// <summary>Each customer with their reasons and the suggested action, numbered as in the table above.</summary>
    public static void WriteReasons(CliContext context, IReadOnlyList<StoredScore> leaders)
    {
        for (var i = 0; i < leaders.Count; i++)
        {
            if (ReasonsOf(leaders[i]) is not { } reasons)
            {
                continue;
            }

            context.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{i + 1}. {leaders[i].CustomerId} ({leaders[i].Probability.ToString("P1", CultureInfo.InvariantCulture)})")));
            foreach (var reason in reasons.Raising)
            {
                context.Console.MarkupLine(Markup.Escape("   ▲ " + reason.Sentence(context.Language)));
            }

            foreach (var reason in reasons.Lowering)
            {
                context.Console.MarkupLine(Markup.Escape("   ▽ " + reason.Sentence(context.Language)));
            }

            if (reasons.Action is { } action)
            {
                context.Console.MarkupLine(Markup.Escape(context.T("   → 対応: ", "   → action: ") + action.Text(context.Language)));
            }
        }
    }

    /// <summary>The stored reasons of a score, or null when it has none.</summary>
    public static CustomerReasons? ReasonsOf(StoredScore score) => score.Reasons is { } json ? ReasonsJson.Read(json) : null;

    /// <summary>The band's name in files and JSON: high, medium or low.</summary>
    public static string BandName(RiskBand band) => band.ToString().ToLowerInvariant();

    private static string BandLabel(CliContext context, RiskBand band) => band switch
    {
        RiskBand.High => context.T("高", "high"),
        RiskBand.Medium => context.T("中", "medium"),
        _ => context.T("低", "low"),
    };

    private static string Money(decimal amount) => amount.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
}
