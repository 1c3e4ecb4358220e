using System.Text;
using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.Ingest;

/// <summary>Imports one file into a store: read, map, validate, and commit whole or not at all.</summary>
public static class Importer
{
    /// <summary>How often (in rows) progress is reported.</summary>
    public const int ProgressInterval = 10_000;

    /// <summary>Imports <paramref name="request"/>'s file.</summary>
    /// <remarks>
    /// Rows are streamed: each valid row is added to the session as it is read, so memory does not grow with the file
    /// (apart from the order ids of an orders file, kept to detect non-consecutive repeats). At the end the session is
    /// committed when no row was rejected, or when <see cref="ImportRequest.SkipInvalid"/> is set; otherwise it is
    /// disposed without commit, which rolls everything back. A session is begun only once the file's header has been
    /// checked, so a file that cannot be read never opens a transaction.
    /// </remarks>
    /// <param name="request">What to import.</param>
    /// <param name="beginSession">Starts the store's atomic write, e.g. <c>store.BeginImport</c>.</param>
    /// <param name="rowsRead">Receives the number of rows read, every <see cref="ProgressInterval"/> rows and at the end.</param>
    /// <returns>Counts, every problem found (capped), and whether anything was committed.</returns>
    public static ImportResult Run(ImportRequest request, Func<IImportSession> beginSession, IProgress<long>? rowsRead = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(beginSession);
        ArgumentOutOfRangeException.ThrowIfNegative(request.MaxErrorsKept);
        var fileName = Path.GetFileName(request.Path);
        var errors = new List<ImportError>();
        if (!File.Exists(request.Path))
        {
            return FileFailure(request, ImportErrorCodes.FileMissing, request.Path, null);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(request.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileFailure(request, ImportErrorCodes.FileUnreadable, null, e.Message);
        }

        using (stream)
        {
            if (stream.Length == 0)
            {
                return FileFailure(request, ImportErrorCodes.FileEmpty, null, null);
            }

            var format = ResolveFormat(request);
            var encoding = SourceEncoding.Choose(stream, request.Encoding);
            var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, 1 << 16);
            IRecordReader reader;
            try
            {
                reader = format == ImportFormat.JsonLines
                    ? new JsonLinesRecordReader(text)
                    : new CsvRecordReader(text, format == ImportFormat.Tsv ? '\t' : ',');
            }
            catch (DecoderFallbackException)
            {
                return FileFailure(request, ImportErrorCodes.EncodingError, "1", encoding.WebName);
            }

            using (reader)
            {
                var encodingName = text.CurrentEncoding.WebName;
                if (reader.IsEmpty)
                {
                    return FileFailure(request, ImportErrorCodes.FileEmpty, null, null) with { Encoding = encodingName };
                }

                var schema = EntitySchema.For(request.Kind);
                if (reader.Columns.Count == 0 || reader.Columns.All(string.IsNullOrWhiteSpace))
                {
                    return FileFailure(request, ImportErrorCodes.NoHeader, null,
                        string.Join(",", schema.Fields.Where(f => f.Required).Select(f => f.Name))) with { Encoding = encodingName };
                }

                var mapping = ColumnMapping.Load(request.MappingPath, schema, errors);
                var binding = ColumnBinding.Create(schema, reader.Columns, mapping, fileName, errors);
                if (request.Kind == EntityKind.Orders && !binding.IsBound(OrderFields.Amount) && !binding.IsBound(OrderFields.UnitPrice) &&
                    !mapping.ContainsKey(OrderFields.Amount))
                {
                    errors.Add(new ImportError(ImportErrorCodes.RequiredColumnMissing, fileName, 0, null, null,
                        string.Join(", ", reader.Columns), OrderFields.Schema.Fields[OrderFields.Amount].Display));
                }

                if (errors.Count > 0)
                {
                    return new ImportResult(request.Path, 0, 0, 0, 0, errors, false, false, null, null, encodingName);
                }

                return Stream(request, beginSession, rowsRead, reader, binding, errors, encodingName);
            }
        }
    }

    private static ImportResult Stream(
        ImportRequest request,
        Func<IImportSession> beginSession,
        IProgress<long>? rowsRead,
        IRecordReader reader,
        ColumnBinding binding,
        List<ImportError> errors,
        string encodingName)
    {
        var fileName = Path.GetFileName(request.Path);
        using var session = beginSession();
        using var run = new ImportRun(request, session, binding, reader.Columns, reader is JsonLinesRecordReader, errors);
        var row = new RowReader(binding, reader.Columns, fileName, request.TimeZone, request.DefaultCurrency);
        var (handle, finish) = RowHandlers.For(request.Kind, run);
        ImportError? fatal = null;
        try
        {
            var columnCount = reader.Columns.Count;
            while (reader.TryRead(out var raw))
            {
                run.RowsRead++;
                if (rowsRead is not null && run.RowsRead % ProgressInterval == 0)
                {
                    rowsRead.Report(run.RowsRead);
                }

                if (reader.Columns.Count != columnCount)
                {
                    columnCount = reader.Columns.Count;
                    binding.Extend(reader.Columns);
                }

                if (raw.Problem is { } problem)
                {
                    var column = problem.Column is { } c && c <= reader.Columns.Count ? reader.Columns[c - 1] : null;
                    run.Reject(raw, [new ImportError(problem.Code, fileName, raw.Line, problem.Column, column, problem.Value, problem.Detail)]);
                    continue;
                }

                row.Start(raw);
                handle(row, raw);
            }

            finish();
        }
        catch (DecoderFallbackException)
        {
            fatal = new ImportError(ImportErrorCodes.EncodingError, fileName, 0, null, null,
                reader.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), encodingName);
        }
        catch (IOException e)
        {
            fatal = new ImportError(ImportErrorCodes.FileUnreadable, fileName, 0, null, null, null, e.Message);
        }

        if (fatal is not null)
        {
            errors.Insert(0, fatal);
        }

        var commit = fatal is null && (run.RowsRejected == 0 || request.SkipInvalid);
        var writes = commit ? session.Commit() : null;
        run.CloseRejects(importFailed: !commit);
        rowsRead?.Report(run.RowsRead);
        return new ImportResult(request.Path, run.RowsRead, run.RowsAccepted, run.RowsRejected, run.RecordsAdded,
            errors, run.ErrorsTruncated, commit, writes, commit ? run.RejectsPath : null, encodingName);
    }

    /// <summary>The format a request names, or the one its file's extension implies.</summary>
    internal static ImportFormat ResolveFormat(ImportRequest request) => request.Format != ImportFormat.Auto
        ? request.Format
        : Path.GetExtension(request.Path).ToLowerInvariant() switch
        {
            ".tsv" or ".tab" => ImportFormat.Tsv,
            ".jsonl" or ".ndjson" or ".json" => ImportFormat.JsonLines,
            _ => ImportFormat.Csv,
        };

    private static ImportResult FileFailure(ImportRequest request, string code, string? value, string? detail) =>
        new(request.Path, 0, 0, 0, 0, [new ImportError(code, Path.GetFileName(request.Path), 0, null, null, value, detail)],
            false, false, null, null, null);
}
