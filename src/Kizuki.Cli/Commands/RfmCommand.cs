using System.CommandLine;
using System.Globalization;
using System.Text;
using Kizuki.Cli.Output;
using Kizuki.Lifetime;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki rfm</c>: RFM scores and segments, CPM segments, decline signals, and a migration table between two dates.</summary>
internal static class RfmCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var asOf = new Option<string?>("--as-of")
        {
            Description = "As-of date; only orders strictly before it count. Default: the end of the data / 基準日（省略時はデータの最終日の翌日）",
        };
        var compare = new Option<string?>("--compare")
        {
            Description = "An earlier date: show how customers moved between segments from it to --as-of / 比較する過去の日付（セグメント間の移動表）",
        };
        var output = new Option<string?>("--out") { Description = "Write every customer's RFM, CPM and decline signals to this CSV file (UTF-8 with BOM) / 全顧客の結果を CSV に書き出す" };
        var command = new Command("rfm", "RFM and CPM segments, decline signals and segment migration / RFM・CPM 分析")
        {
            asOf, compare, output,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var settings = context.Settings.Lifetime;
            settings.Validate();
            using var store = context.OpenStore();
            var instant = FeaturesCommand.ResolveAsOf(context, store, parse.GetValue(asOf));
            DateTimeOffset? earlier = parse.GetValue(compare) is { } text ? FeaturesCommand.ResolveAsOf(context, store, text) : null;
            if (earlier >= instant)
            {
                throw new KizukiException(context.T(
                    $"--compare ({context.FormatLocal(earlier)}) は --as-of ({context.FormatLocal(instant)}) より前の日付にしてください。",
                    $"--compare ({context.FormatLocal(earlier)}) must be before --as-of ({context.FormatLocal(instant)})."));
            }

            var orders = CustomerOrders.Read(store, instant);
            if (orders.Count == 0)
            {
                throw new KizukiException(context.T(
                    $"{context.FormatLocal(instant)} より前の完了注文がありません。",
                    $"no completed orders before {context.FormatLocal(instant)}."));
            }

            var rfm = RfmScoring.Score(orders, instant, settings.Rfm);
            var cpm = CpmSegmentation.Assign(orders, instant, settings.Cpm);
            var declines = orders.Select(o => DeclineSignal.Of(o, instant)).ToArray();
            RfmComparison? comparison = null;
            if (earlier is { } e)
            {
                comparison = new RfmComparison(e,
                    SegmentMigration.Between(RfmScoring.Score(orders, e, settings.Rfm).Select(r => (r.CustomerId, r.Segment)), rfm.Select(r => (r.CustomerId, r.Segment))),
                    SegmentMigration.Between(CpmSegmentation.Assign(orders, e, settings.Cpm).Select(c => (c.CustomerId, c.Segment)), cpm.Select(c => (c.CustomerId, c.Segment))));
            }

            var path = parse.GetValue(output) is { } p ? Path.GetFullPath(p) : null;
            if (path is not null)
            {
                WriteCsv(path, rfm, cpm, declines, context.Language);
            }

            RfmView.Render(context, instant, rfm, cpm, declines, comparison, path);
            return 0;
        });
        return command;
    }

    private static void WriteCsv(string path, IReadOnlyList<RfmScore> rfm, IReadOnlyList<CpmAssignment> cpm, IReadOnlyList<DeclineSignal> declines, string language)
    {
        // All three lists hold the customers with an order before the as-of, in the same (customer id) order.
        var text = new StringBuilder("customer_id,recency_days,frequency,monetary,r,f,m,rfm_segment,cpm_segment,orders,total_spend,tenure_days,falling_three_months,below_half_of_last_year\r\n");
        for (var i = 0; i < rfm.Count; i++)
        {
            var r = rfm[i];
            var c = cpm[i];
            var d = declines[i];
            text.Append(CultureInfo.InvariantCulture,
                $"{Quote(r.CustomerId)},{Math.Round(r.RecencyDays, 3)},{r.Frequency},{r.Monetary},{r.R},{r.F},{r.M},{SegmentNames.Of(r.Segment, language)},{SegmentNames.Of(c.Segment, language)},{c.Orders},{c.TotalSpend},{Math.Round(c.TenureDays, 3)},{(d.FallingThreeMonths ? 1 : 0)},{(d.BelowHalfOfLastYear ? 1 : 0)}\r\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}

/// <summary>The migration tables from an earlier date to the as-of.</summary>
internal sealed record RfmComparison(DateTimeOffset Earlier, SegmentMigration<RfmSegment> Rfm, SegmentMigration<CpmSegment> Cpm);
