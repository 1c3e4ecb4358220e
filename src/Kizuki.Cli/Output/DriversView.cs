using System.Globalization;
using Kizuki.Explanations;
using Kizuki.Modeling.Registry;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders the global drivers: mean |contribution| by field, and the top features' binned dependence.</summary>
internal static class DriversView
{
    public static void Render(CliContext context, Explainer explainer, ModelMetadata metadata, DateTimeOffset asOf, GlobalDrivers drivers)
    {
        var language = context.Language;
        if (context.Json)
        {
            context.WriteJson(new
            {
                as_of = asOf,
                model_version = metadata.Version,
                customers = drivers.Customers,
                fields = drivers.Groups.Select(g => new
                {
                    field = g.Group,
                    label = explainer.GroupLabel(g.Group, language),
                    mean_abs_log_odds = g.MeanAbsLogOdds,
                    mean_abs_probability_points = g.MeanAbsPoints,
                    share = g.Share,
                }),
                features = drivers.Features.Select(f => new
                {
                    feature = f.Feature,
                    field = f.Group,
                    mean_abs_log_odds = f.MeanAbsLogOdds,
                    bins = f.Bins.Select(b => new
                    {
                        low = double.IsNaN(b.Low) ? (double?)null : b.Low,
                        high = double.IsNaN(b.High) ? (double?)null : b.High,
                        category = b.Category,
                        customers = b.Customers,
                        mean_log_odds = b.MeanLogOdds,
                        mean_probability_points = b.MeanPoints,
                        mean_probability = b.MeanProbability,
                    }),
                }),
            });
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"解約リスクの要因: {CliContext.N(drivers.Customers)} 顧客（基準 {context.FormatLocal(asOf)}、モデル v{metadata.Version}）",
            $"What drives churn risk across {CliContext.N(drivers.Customers)} customers (as of {context.FormatLocal(asOf)}, model v{metadata.Version})")));
        var fields = new Table().Border(TableBorder.Rounded)
            .AddColumn(context.T("分野", "field"))
            .AddColumn(new TableColumn(context.T("平均|対数オッズ|", "mean |log-odds|")).RightAligned())
            .AddColumn(new TableColumn(context.T("平均|pt|", "mean |pts|")).RightAligned())
            .AddColumn(new TableColumn(context.T("割合", "share")).RightAligned());
        foreach (var g in drivers.Groups)
        {
            fields.AddRow(Markup.Escape(explainer.GroupLabel(g.Group, language)), F(g.MeanAbsLogOdds, "0.000"), F(g.MeanAbsPoints, "0.0"),
                g.Share.ToString("P1", CultureInfo.InvariantCulture));
        }

        context.Console.Write(fields);
        foreach (var f in drivers.Features)
        {
            var label = explainer.Definitions.First(d => d.Name == f.Feature).Label(language);
            var bins = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape($"{label} ({f.Feature})"))
                .AddColumn(context.T("値", "value"))
                .AddColumn(new TableColumn(context.T("顧客数", "customers")).RightAligned())
                .AddColumn(new TableColumn(context.T("平均寄与（pt）", "mean effect (pts)")).RightAligned())
                .AddColumn(new TableColumn(context.T("平均解約確率", "mean probability")).RightAligned());
            foreach (var b in f.Bins)
            {
                var range = b.Category ?? (b.Low == b.High ? F(b.Low, "#,0.##") : $"{F(b.Low, "#,0.##")} – {F(b.High, "#,0.##")}");
                bins.AddRow(Markup.Escape(range), CliContext.N(b.Customers), F(b.MeanPoints, "+0.0;-0.0"),
                    b.MeanProbability.ToString("P1", CultureInfo.InvariantCulture));
            }

            context.Console.Write(bins);
        }
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
