namespace Kizuki.Ingest;

/// <summary>One row as read from a file, before any field is interpreted.</summary>
/// <param name="Line">Physical line (from 1) where the row starts.</param>
/// <param name="Values">The row's values, by column position; null where a JSON line has no value (or null).</param>
/// <param name="Problem">Why the row could not be read properly (bad quoting, wrong column count, bad JSON), if it could not.</param>
/// <param name="Raw">The original line of a JSON lines file (for the rejects file); null for CSV.</param>
internal readonly record struct RawRecord(long Line, string?[] Values, RecordProblem? Problem, string? Raw = null);

/// <summary>A problem with a row's syntax, found by a reader.</summary>
/// <param name="Code">One of <see cref="ImportErrorCodes"/>.</param>
/// <param name="Column">Column position (from 1) where it was found, if known.</param>
/// <param name="Value">The offending text, shortened.</param>
/// <param name="Detail">Language-neutral detail.</param>
internal sealed record RecordProblem(string Code, int? Column, string? Value, string? Detail);

/// <summary>Reads the rows of one file.</summary>
internal interface IRecordReader : IDisposable
{
    /// <summary>The column names: the CSV header, or the keys seen so far in a JSON lines file (which may grow).</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Whether the file held nothing but blank lines.</summary>
    bool IsEmpty { get; }

    /// <summary>The physical line the reader has reached, for messages about unreadable bytes.</summary>
    long Line { get; }

    /// <summary>Reads the next non-blank row; false at the end of the file.</summary>
    bool TryRead(out RawRecord record);
}
