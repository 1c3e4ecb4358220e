using Kizuki.Storage;

namespace Kizuki.Ingest;

/// <summary>What an import did.</summary>
/// <param name="File">The input file's path.</param>
/// <param name="RowsRead">Data rows read (not counting the header and blank lines).</param>
/// <param name="RowsAccepted">Rows that were valid and added to the import session.</param>
/// <param name="RowsRejected">Rows that were rejected; every one of them is counted, even beyond <see cref="Errors"/>.</param>
/// <param name="RecordsAdded">Records handed to the store (orders count once however many rows they span).</param>
/// <param name="Errors">Problems found, in file order: file-level problems, then row problems up to the request's cap.</param>
/// <param name="ErrorsTruncated">Whether row problems beyond the cap were counted but not kept.</param>
/// <param name="Committed">Whether the session was committed; false means nothing was written.</param>
/// <param name="Writes">What the store changed, when committed.</param>
/// <param name="RejectsPath">The rejects file written beside the input, when rows were skipped.</param>
/// <param name="Encoding">The encoding the file was read in (web name, e.g. <c>utf-8</c>, <c>shift_jis</c>), when it was opened.</param>
public sealed record ImportResult(
    string File,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    long RecordsAdded,
    IReadOnlyList<ImportError> Errors,
    bool ErrorsTruncated,
    bool Committed,
    WriteCounts? Writes,
    string? RejectsPath,
    string? Encoding)
{
    /// <summary>Whether the file could not be read at all (missing, empty, no header, unmapped required field, bad encoding).</summary>
    public bool FileFailed => Errors.Any(e => e.IsFileLevel);

    /// <summary>Whether every row was accepted and committed.</summary>
    public bool Succeeded => Committed && RowsRejected == 0;
}
