using System.Globalization;
using Kizuki.Explanations;
using Kizuki.Modeling.Registry;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders one customer's explanation: probability, reasons with their numbers, the action, and contributions by group.</summary>
internal static class ExplainView
{
    public static void Render(CliContext context, Explainer explainer, ModelMetadata metadata, CustomerExplanation e)
    {
        var language = context.Language;
        if (context.Json)
        {
            context.WriteJson(new
            {
                customer_id = e.CustomerId,
                as_of = e.AsOf,
                model_version = metadata.Version,
                base_value = e.BaseValue,
                raw_score = e.RawScore,
                base_probability = e.BaseProbability,
                probability = e.Probability,
                contributions = e.Contributions.Select(c => new
                {
                    feature = c.Feature,
                    field = c.Group,
                    field_label = explainer.GroupLabel(c.Group, language),
                    value = c.Value,
                    log_odds = c.LogOdds,
                    probability_points = c.ProbabilityPoints,
                }),
                fields = e.Groups().Select(g => new
                {
                    field = g.Group,
                    label = explainer.GroupLabel(g.Group, language),
                    log_odds = g.LogOdds,
                    probability_points = g.ProbabilityPoints,
                }),
                sentences = e.Reasons.Raising.Concat(e.Reasons.Lowering).Select(r => r.Sentence(language)),
                raising = Reasons(e.Reasons.Raising, language),
                lowering = Reasons(e.Reasons.Lowering, language),
                action = e.Reasons.Action is { } a ? new { field = a.Group, text = a.Text(language), ja = a.Ja, en = a.En } : null,
            });
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"顧客 {e.CustomerId} の解約確率 {Percent(e.Probability)}（平均的な顧客 {Percent(e.BaseProbability)}、基準 {context.FormatLocal(e.AsOf)}、モデル v{metadata.Version}）",
            $"Customer {e.CustomerId}: churn probability {Percent(e.Probability)} (average customer {Percent(e.BaseProbability)}; as of {context.FormatLocal(e.AsOf)}; model v{metadata.Version})")));
        WriteReasons(context, context.T("リスクを上げている理由", "Raising the risk"), e.Reasons.Raising);
        WriteReasons(context, context.T("リスクを下げている理由", "Lowering the risk"), e.Reasons.Lowering);
        if (e.Reasons.Action is { } action)
        {
            context.Console.MarkupLine($"[bold]{Markup.Escape(context.T("おすすめの対応", "Suggested action"))}[/]: {Markup.Escape(action.Text(language))}");
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(context.T("分野", "field"))
            .AddColumn(new TableColumn(context.T("対数オッズ", "log-odds")).RightAligned())
            .AddColumn(new TableColumn(context.T("確率（pt）", "points")).RightAligned());
        foreach (var g in e.Groups().Where(g => Math.Abs(g.ProbabilityPoints) >= 0.05 || Math.Abs(g.LogOdds) >= 0.005))
        {
            table.AddRow(Markup.Escape(explainer.GroupLabel(g.Group, language)), g.LogOdds.ToString("+0.000;-0.000", CultureInfo.InvariantCulture),
                g.ProbabilityPoints.ToString("+0.0;-0.0", CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
    }

    private static object Reasons(IReadOnlyList<Reason> reasons, string language) => reasons.Select(r => new
    {
        field = r.Group,
        feature = r.Feature,
        log_odds = r.LogOdds,
        probability_points = r.ProbabilityPoints,
        sentence = r.Sentence(language),
    }).ToList();

    private static void WriteReasons(CliContext context, string title, IReadOnlyList<Reason> reasons)
    {
        if (reasons.Count == 0)
        {
            return;
        }

        context.Console.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        for (var i = 0; i < reasons.Count; i++)
        {
            context.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"  {i + 1}. {reasons[i].Sentence(context.Language)}")));
        }
    }

    private static string Percent(double p) => p.ToString("P1", CultureInfo.InvariantCulture);
}
