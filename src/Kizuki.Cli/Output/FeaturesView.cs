using System.Globalization;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders feature tables and one customer's features.</summary>
internal static class FeaturesView
{
    public static void RenderTable(CliContext context, FeatureTable table, string path, TimeSpan computed, TimeSpan total)
    {
        var seconds = computed.TotalSeconds;
        var rate = seconds > 0 ? table.EventsRead / seconds : 0;
        if (context.Json)
        {
            context.WriteJson(new
            {
                file = path,
                asOf = table.AsOf,
                rows = table.RowCount,
                features = table.Definitions.Count,
                events = table.EventsRead,
                seconds = Math.Round(total.TotalSeconds, 3),
                computeSeconds = Math.Round(seconds, 3),
                eventsPerSecond = Math.Round(rate),
            });
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"{path}: {CliContext.N(table.RowCount)} 行 × {CliContext.N(table.Definitions.Count)} 特徴量（基準 {context.FormatLocal(table.AsOf)}）",
            $"{path}: {CliContext.N(table.RowCount)} rows × {CliContext.N(table.Definitions.Count)} features as of {context.FormatLocal(table.AsOf)}")));
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"{CliContext.N(table.EventsRead)} 件のイベントを {seconds.ToString("F2", CultureInfo.InvariantCulture)} 秒で計算（{CliContext.N((long)rate)} 件/秒）、書き出しを含め {total.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} 秒",
            $"{CliContext.N(table.EventsRead)} events in {seconds.ToString("F2", CultureInfo.InvariantCulture)} s ({CliContext.N((long)rate)} events/s); {total.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s including the file")));
    }

    public static void RenderCustomer(CliContext context, string customerId, DateTimeOffset asOf, FeatureValues values)
    {
        var definitions = values.Catalog.Definitions;
        var language = context.Language;
        if (context.Json)
        {
            context.WriteJson(new
            {
                customerId,
                asOf,
                features = definitions.Select((d, i) => new
                {
                    name = d.Name,
                    label = d.Label(language),
                    field = d.Field,
                    fieldLabel = BusinessFields.Label(d.Field, language),
                    kind = d.Kind,
                    value = d.Kind == FeatureKind.Numeric
                        ? (double.IsFinite(values.Numbers[i]) ? values.Numbers[i] : null)
                        : (object?)values.Categories[i],
                    definition = d.Definition(language),
                }),
            });
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"顧客 {customerId} の特徴量（基準 {context.FormatLocal(asOf)}、この時刻より前の記録のみ）",
            $"Features of customer {customerId} as of {context.FormatLocal(asOf)} (records strictly before it)")));
        if (definitions.Count == 0)
        {
            context.Console.MarkupLine(Markup.Escape(context.T("特徴量が定義されていません。", "no features are defined.")));
            return;
        }

        foreach (var group in definitions.Select((d, i) => (Definition: d, Index: i)).GroupBy(p => p.Definition.Field).OrderBy(g => g.Key))
        {
            var grid = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(BusinessFields.Label(group.Key, language)));
            grid.AddColumn(context.T("特徴量", "feature"));
            grid.AddColumn(new TableColumn(context.T("値", "value")).RightAligned());
            grid.AddColumn(context.T("定義", "definition"));
            foreach (var (definition, index) in group)
            {
                grid.AddRow(
                    Markup.Escape($"{definition.Label(language)}\n{definition.Name}"),
                    Markup.Escape(Format(context, definition, values, index)),
                    Markup.Escape(definition.Definition(language)));
            }

            context.Console.Write(grid);
        }
    }

    private static string Format(CliContext context, FeatureDefinition definition, FeatureValues values, int index)
    {
        if (definition.Kind == FeatureKind.Categorical)
        {
            return values.Categories[index] ?? context.T("不明", "unknown");
        }

        var value = values.Numbers[index];
        return double.IsNaN(value) ? context.T("不明", "unknown") : value.ToString("#,0.####", CultureInfo.InvariantCulture);
    }
}
