using System.CommandLine;
using System.Diagnostics;
using Kizuki.Cli.Output;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Ingest;
using Kizuki.Storage;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki features</c>: the feature table of every customer at an as-of date, or one customer's features explained.</summary>
internal static class FeaturesCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var asOf = new Option<string?>("--as-of")
        {
            Description = "As-of date: 2026-10-01, 2026/10/01 (local midnight in the settings' time zone) or 2026-10-01T09:00+09:00. "
                + "Only events strictly before it count. Default: the end of the data, i.e. the local midnight after the newest "
                + "record / 基準日時（この時刻より前の記録だけを使う。省略時はデータの最終日の翌日 0 時）",
        };
        var output = new Option<string?>("--out") { Description = "Write the table of every customer to this CSV file (UTF-8 with BOM) / 全顧客の特徴量を CSV に書き出す" };
        var customer = new Option<string?>("--customer") { Description = "Show one customer's features with their labels and definitions / 1 顧客の特徴量を表示" };
        var command = new Command("features", "Point-in-time features: a table of every customer, or one customer explained / 時点指定の特徴量")
        {
            asOf, output, customer,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var id = parse.GetValue(customer);
            var path = parse.GetValue(output);
            if (id is null == (path is null))
            {
                throw new KizukiException(context.T(
                    "--out FILE.csv（全顧客の表）か --customer ID（1 顧客）のどちらか一方を指定してください。",
                    "give either --out FILE.csv (a table of every customer) or --customer ID (one customer)."));
            }

            var features = new FeatureContext(context.Settings.Features);
            using var store = context.OpenStore();
            var instant = ResolveAsOf(context, store, parse.GetValue(asOf));
            return id is not null ? ShowCustomer(context, store, features, id, instant) : WriteTable(context, store, features, path!, instant);
        });
        return command;
    }

    private static int WriteTable(CliContext context, IStore store, FeatureContext features, string path, DateTimeOffset asOf)
    {
        var full = Path.GetFullPath(path);
        var watch = Stopwatch.StartNew();
        var table = ProgressRunner.Run(
            context,
            context.T($"特徴量を計算中（基準 {context.FormatLocal(asOf)}）", $"Computing features as of {context.FormatLocal(asOf)}"),
            total: 1000,
            work: report => BatchFeatureEvaluator.Evaluate(store, features, asOf, new Progress(share => report(share * 1000))));
        var computed = watch.Elapsed;
        FeatureTableCsv.Write(table, full);
        FeaturesView.RenderTable(context, table, full, computed, watch.Elapsed);
        return 0;
    }

    private static int ShowCustomer(CliContext context, IStore store, FeatureContext features, string id, DateTimeOffset asOf)
    {
        var values = BatchFeatureEvaluator.EvaluateCustomer(store, features, id, asOf) ?? throw new KizukiException(context.T(
            $"顧客 {id} は見つかりません。",
            $"customer {id} not found."));
        FeaturesView.RenderCustomer(context, id, asOf, values);
        return 0;
    }

    /// <summary>The as-of instant of <c>--as-of</c>, or the end of the data (the local midnight after the newest record).</summary>
    internal static DateTimeOffset ResolveAsOf(CliContext context, IStore store, string? text)
    {
        if (text is not null)
        {
            return DateParser.TryParse(text, context.Settings.Zone, out var parsed)
                ? parsed
                : throw new KizukiException(context.T(
                    $"--as-of の日付 '{text}' を読めません（例: 2026-10-01, 2026/10/01, 2026-10-01T09:00:00+09:00）。",
                    $"--as-of: '{text}' is not a date (e.g. 2026-10-01, 2026/10/01, 2026-10-01T09:00:00+09:00)."));
        }

        var newest = HistoryReader.NewestRecord(store, context.Environment.Time.GetUtcNow()) ?? throw new KizukiException(context.T(
            "データがありません。まず `kizuki demo` か `kizuki import` を実行してください。",
            "the store holds no data; run `kizuki demo` or `kizuki import` first."));
        return NextLocalMidnight(newest, context.Settings.Zone);
    }

    /// <summary>The first local midnight strictly after <paramref name="instant"/>, so that the instant itself counts.</summary>
    internal static DateTimeOffset NextLocalMidnight(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var next = TimeZoneInfo.ConvertTime(instant, zone).Date.AddDays(1);
        return new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUniversalTime();
    }

    /// <summary>Passes the share of customers done to the progress bar.</summary>
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
