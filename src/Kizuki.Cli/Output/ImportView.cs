using System.Globalization;
using Kizuki.Domain;
using Kizuki.Ingest;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders an <see cref="ImportResult"/>.</summary>
internal static class ImportView
{
    /// <summary>How many problems are printed on a terminal; the rest are counted (and in the rejects file).</summary>
    public const int ErrorsShown = 20;

    public static void Render(CliContext context, ImportResult result, EntityKind kind, TimeSpan elapsed, long bytes)
    {
        var rate = elapsed.TotalSeconds > 0 ? result.RowsRead / elapsed.TotalSeconds : 0;
        var label = EntityLabels.Of(kind, context.English);
        foreach (var error in result.Errors.Take(ErrorsShown))
        {
            context.Environment.Error.WriteLine(error.Message(context.Language));
        }

        if (result.Errors.Count > ErrorsShown || result.ErrorsTruncated)
        {
            context.Environment.Error.WriteLine(context.T(
                $"… ほか {CliContext.N(result.RowsRejected - ErrorsShown)} 行に問題があります。",
                $"… and problems in {CliContext.N(result.RowsRejected - ErrorsShown)} more rows."));
        }

        if (result.FileFailed)
        {
            context.Environment.Error.WriteLine(context.T("取り込めませんでした。何も書き込んでいません。", "import failed; nothing was written."));
            return;
        }

        if (!result.Committed)
        {
            context.Environment.Error.WriteLine(context.T(
                $"{CliContext.N(result.RowsRejected)} 行が不正なため、ファイル全体を取り込みませんでした（何も書き込んでいません）。有効な行だけ取り込むには --skip-invalid を付けてください。",
                $"{CliContext.N(result.RowsRejected)} invalid rows: the file was not imported (nothing was written). Use --skip-invalid to import the valid rows."));
            return;
        }

        var writes = result.Writes;
        var inserted = writes?.Inserted.GetValueOrDefault(kind) ?? 0;
        var updated = writes?.Updated.GetValueOrDefault(kind) ?? 0;
        var unchanged = writes?.Unchanged.GetValueOrDefault(kind) ?? 0;
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"{Path.GetFileName(result.File)} ({result.Encoding}): {CliContext.N(result.RowsRead)} 行を読み、{label} を {CliContext.N(inserted)} 件追加、{CliContext.N(updated)} 件更新、{CliContext.N(unchanged)} 件は変更なし。",
            $"{Path.GetFileName(result.File)} ({result.Encoding}): read {CliContext.N(result.RowsRead)} rows; {label}: {CliContext.N(inserted)} added, {CliContext.N(updated)} updated, {CliContext.N(unchanged)} unchanged.")));
        if (kind == EntityKind.Orders && writes is not null && writes.Inserted.GetValueOrDefault(EntityKind.OrderLines) > 0)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                $"注文明細 {CliContext.N(writes.Inserted[EntityKind.OrderLines])} 件を追加。",
                $"order lines: {CliContext.N(writes.Inserted[EntityKind.OrderLines])} added.")));
        }

        if (result.RejectsPath is { } rejects)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                $"{CliContext.N(result.RowsRejected)} 行を除外し、理由とともに {rejects} に書き出しました。",
                $"{CliContext.N(result.RowsRejected)} rows skipped; written with their reasons to {rejects}.")));
        }

        context.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{elapsed.TotalSeconds:F1} s, {rate:N0} rows/s, {bytes / 1048576.0:F1} MiB")));
    }

    public static object ToJson(ImportResult result, EntityKind kind, TimeSpan elapsed, string language) => new
    {
        file = result.File,
        entity = EntityKinds.Name(kind),
        encoding = result.Encoding,
        rowsRead = result.RowsRead,
        rowsAccepted = result.RowsAccepted,
        rowsRejected = result.RowsRejected,
        committed = result.Committed,
        inserted = result.Writes?.TotalInserted ?? 0,
        updated = result.Writes?.TotalUpdated ?? 0,
        unchanged = result.Writes?.TotalUnchanged ?? 0,
        rejectsFile = result.RejectsPath,
        seconds = Math.Round(elapsed.TotalSeconds, 3),
        rowsPerSecond = elapsed.TotalSeconds > 0 ? Math.Round(result.RowsRead / elapsed.TotalSeconds) : 0,
        errors = result.Errors.Select(e => new
        {
            code = e.Code,
            line = e.Line,
            column = e.Column,
            columnName = e.ColumnName,
            value = e.Value,
            message = e.Message(language),
        }),
        errorsTruncated = result.ErrorsTruncated,
    };
}
