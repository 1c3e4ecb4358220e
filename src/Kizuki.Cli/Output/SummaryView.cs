using Kizuki.Storage;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders a <see cref="StoreSummary"/> for people (tables) and machines (JSON).</summary>
internal static class SummaryView
{
    public static void Render(CliContext context, StoreSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(context.T("種類", "entity"))
            .AddColumn(new TableColumn(context.T("件数", "count")).RightAligned())
            .AddColumn(context.T("最初", "from"))
            .AddColumn(context.T("最後", "to"));
        foreach (var entity in summary.Entities)
        {
            table.AddRow(
                Markup.Escape(EntityLabels.Of(entity.Kind, context.English)),
                CliContext.N(entity.Count),
                context.FormatLocal(entity.From),
                context.FormatLocal(entity.To));
        }

        context.Console.Write(table);
        if (summary.Findings.Count == 0)
        {
            context.Console.MarkupLine(context.T("[green]データ品質の問題は見つかりませんでした。[/]", "[green]No data-quality problems found.[/]"));
            return;
        }

        context.Console.MarkupLine(context.T("[yellow]データ品質の警告:[/]", "[yellow]Data-quality warnings:[/]"));
        foreach (var finding in summary.Findings)
        {
            var examples = finding.Examples.Count > 0 ? $" ({string.Join(", ", finding.Examples)})" : "";
            context.Console.MarkupLine(Markup.Escape(
                $"  - {Describe(finding.Code, context.English)} [{EntityLabels.Of(finding.Kind, context.English)}]: " +
                $"{CliContext.N(finding.Count)}{examples}"));
        }
    }

    public static object ToJson(StoreSummary summary) => new
    {
        entities = summary.Entities.Select(e => new
        {
            kind = Kizuki.Domain.EntityKinds.Name(e.Kind),
            count = e.Count,
            from = e.From,
            to = e.To,
        }),
        findings = summary.Findings.Select(f => new
        {
            code = f.Code,
            kind = Kizuki.Domain.EntityKinds.Name(f.Kind),
            count = f.Count,
            examples = f.Examples,
        }),
    };

    private static string Describe(string code, bool english) => (code, english) switch
    {
        (QualityCodes.CustomersWithoutEvents, false) => "行動・購買などの記録がない顧客",
        (QualityCodes.CustomersWithoutEvents, true) => "customers with no events",
        (QualityCodes.EventsInFuture, false) => "未来の日時の記録",
        (QualityCodes.EventsInFuture, true) => "records dated in the future",
        (QualityCodes.EventsBeforeSignup, false) => "登録日より前の記録",
        (QualityCodes.EventsBeforeSignup, true) => "records dated before the customer's signup",
        (QualityCodes.UnknownCustomer, false) => "存在しない顧客IDを参照する記録",
        (QualityCodes.UnknownCustomer, true) => "records naming an unknown customer",
        (QualityCodes.LikelyDuplicates, false) => "重複の疑いがある記録（IDは異なるが内容が同じ）",
        (QualityCodes.LikelyDuplicates, true) => "likely duplicates (different ids, same content)",
        (QualityCodes.MissingValues, false) => "欠損値（名前または属性がない顧客）",
        (QualityCodes.MissingValues, true) => "missing values (customers without a name or any attribute)",
        _ => code,
    };
}
