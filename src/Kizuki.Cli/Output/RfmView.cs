using System.Globalization;
using Kizuki.Cli.Commands;
using Kizuki.Lifetime;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders RFM and CPM segments, decline signals and migration tables.</summary>
internal static class RfmView
{
    public static void Render(CliContext context, DateTimeOffset asOf, IReadOnlyList<RfmScore> rfm, IReadOnlyList<CpmAssignment> cpm,
        IReadOnlyList<DeclineSignal> declines, RfmComparison? comparison, string? path)
    {
        var language = context.Language;
        var rfmCounts = Enum.GetValues<RfmSegment>().Select(s => (Segment: s, Count: rfm.Count(r => r.Segment == s))).ToArray();
        var cpmCounts = Enum.GetValues<CpmSegment>().Select(s => (Segment: s, Count: cpm.Count(c => c.Segment == s))).ToArray();
        var falling = declines.Count(d => d.FallingThreeMonths);
        var belowHalf = declines.Count(d => d.BelowHalfOfLastYear);
        if (context.Json)
        {
            context.WriteJson(new
            {
                asOf,
                customers = rfm.Count,
                rfm = rfmCounts.Select(c => new { segment = SegmentNames.Of(c.Segment, language), key = c.Segment.ToString(), customers = c.Count }),
                cpm = cpmCounts.Select(c => new { segment = SegmentNames.Of(c.Segment, language), key = c.Segment.ToString(), customers = c.Count }),
                decline = new { fallingThreeMonths = falling, belowHalfOfLastYear = belowHalf },
                compare = comparison is null ? null : new
                {
                    from = comparison.Earlier,
                    rfm = comparison.Rfm.Counts.Select(p => new { from = p.Key.From?.ToString(), to = p.Key.To.ToString(), customers = p.Value }),
                    cpm = comparison.Cpm.Counts.Select(p => new { from = p.Key.From?.ToString(), to = p.Key.To.ToString(), customers = p.Value }),
                },
                file = path,
            });
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"基準 {context.FormatLocal(asOf)}: 購入のある顧客 {CliContext.N(rfm.Count)} 人",
            $"As of {context.FormatLocal(asOf)}: {CliContext.N(rfm.Count)} customers with orders")));
        context.Console.Write(Counts(context, "RFM", rfmCounts.Select(c => (SegmentNames.Of(c.Segment, language), c.Count)), rfm.Count));
        context.Console.Write(Counts(context, "CPM", cpmCounts.Select(c => (SegmentNames.Of(c.Segment, language), c.Count)), cpm.Count));
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"減少の兆候: 3 か月連続で購入回数が減少 {CliContext.N(falling)} 人、直近 90 日の購入回数が前年同期の半分未満 {CliContext.N(belowHalf)} 人",
            $"Decline signals: orders down three months in a row {CliContext.N(falling)}, orders in the last 90 days below half of the same period last year {CliContext.N(belowHalf)}")));
        if (comparison is not null)
        {
            context.Console.Write(Migration(context, "RFM", comparison.Earlier, asOf, comparison.Rfm.Counts.ToDictionary(p => (p.Key.From is { } f ? SegmentNames.Of(f, language) : null, SegmentNames.Of(p.Key.To, language)), p => p.Value),
                Enum.GetValues<RfmSegment>().Select(s => SegmentNames.Of(s, language)).ToArray()));
            context.Console.Write(Migration(context, "CPM", comparison.Earlier, asOf, comparison.Cpm.Counts.ToDictionary(p => (p.Key.From is { } f ? SegmentNames.Of(f, language) : null, SegmentNames.Of(p.Key.To, language)), p => p.Value),
                Enum.GetValues<CpmSegment>().Select(s => SegmentNames.Of(s, language)).ToArray()));
        }

        if (path is not null)
        {
            context.Console.MarkupLine(Markup.Escape(context.T($"書き出し: {path}", $"Written: {path}")));
        }
    }

    private static Table Counts(CliContext context, string title, IEnumerable<(string Name, int Count)> counts, int total)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn(context.T("セグメント", "segment"));
        table.AddColumn(new TableColumn(context.T("顧客数", "customers")).RightAligned());
        table.AddColumn(new TableColumn(context.T("割合", "share")).RightAligned());
        foreach (var (name, count) in counts)
        {
            table.AddRow(Markup.Escape(name), CliContext.N(count), total == 0 ? "-" : ((double)count / total).ToString("P1", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static Table Migration(CliContext context, string title, DateTimeOffset from, DateTimeOffset to, Dictionary<(string? From, string To), int> counts, string[] segments)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(context.T(
            $"{title} の移動（行: {context.FormatLocal(from)}、列: {context.FormatLocal(to)}）",
            $"{title} migration (rows: {context.FormatLocal(from)}, columns: {context.FormatLocal(to)})")));
        table.AddColumn(context.T("前 \\ 後", "before \\ after"));
        var columns = segments.Where(s => counts.Keys.Any(k => k.To == s)).ToArray();
        foreach (var c in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
        }

        var none = context.T("（新規）", "(new)");
        foreach (var row in segments.Cast<string?>().Append(null).Where(r => counts.Keys.Any(k => k.From == r)))
        {
            table.AddRow([Markup.Escape(row ?? none), .. columns.Select(c => counts.TryGetValue((row, c), out var n) ? CliContext.N(n) : "·")]);
        }

        return table;
    }
}
