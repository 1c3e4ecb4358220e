using Kizuki.Storage;

namespace Kizuki.Ingest;

/// <summary>The running state of one import: counts, kept errors, the session and the rejects file.</summary>
internal sealed class ImportRun : IDisposable
{
    private readonly ImportRequest _request;
    private readonly bool _jsonLines;
    private RejectsWriter? _rejects;

    public ImportRun(
        ImportRequest request,
        IImportSession session,
        ColumnBinding binding,
        IReadOnlyList<string> columns,
        bool jsonLines,
        List<ImportError> errors)
    {
        _request = request;
        _jsonLines = jsonLines;
        Session = session;
        Binding = binding;
        Columns = columns;
        Errors = errors;
        FileName = Path.GetFileName(request.Path);
    }

    /// <summary>The input's file name, as errors show it.</summary>
    public string FileName { get; }

    /// <summary>The binding of fields to the file's columns.</summary>
    public ColumnBinding Binding { get; }

    /// <summary>The file's columns (live: JSON lines add columns as keys appear).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The currency of amounts that name none.</summary>
    public string DefaultCurrency => _request.DefaultCurrency;

    /// <summary>Where valid records go.</summary>
    public IImportSession Session { get; }

    /// <summary>Problems kept so far (capped by the request).</summary>
    public List<ImportError> Errors { get; }

    /// <summary>Whether problems beyond the cap were dropped from <see cref="Errors"/>.</summary>
    public bool ErrorsTruncated { get; private set; }

    public long RowsRead { get; set; }

    public long RowsAccepted { get; private set; }

    public long RowsRejected { get; private set; }

    public long RecordsAdded { get; private set; }

    /// <summary>The rejects file, once a row has been rejected in a skip-invalid import.</summary>
    public string? RejectsPath => _rejects?.Path;

    /// <summary>Counts rows that went into the session as <paramref name="records"/> records.</summary>
    public void Accept(long rows, long records)
    {
        RowsAccepted += rows;
        RecordsAdded += records;
    }

    /// <summary>Counts a rejected row, keeps its errors (up to the cap) and writes it to the rejects file.</summary>
    public void Reject(in RawRecord record, IReadOnlyList<ImportError> errors)
    {
        RowsRejected++;
        foreach (var error in errors)
        {
            if (Errors.Count < _request.MaxErrorsKept)
            {
                Errors.Add(error);
            }
            else
            {
                ErrorsTruncated = true;
            }
        }

        if (_request.SkipInvalid)
        {
            _rejects ??= new RejectsWriter(RejectsWriter.PathFor(_request.Path), Columns, _jsonLines);
            _rejects.Write(record, string.Join(" / ", errors.Select(e => ImportMessages.Reason(e, _request.Language))));
        }
    }

    /// <summary>Closes the rejects file; deletes it when the import failed as a whole, since it would describe nothing written.</summary>
    public void CloseRejects(bool importFailed)
    {
        if (_rejects is null)
        {
            return;
        }

        _rejects.Dispose();
        if (importFailed)
        {
            File.Delete(_rejects.Path);
            _rejects = null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _rejects?.Dispose();
}
