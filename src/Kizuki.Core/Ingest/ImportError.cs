namespace Kizuki.Ingest;

/// <summary>One problem found while importing: a rejected row, or a reason the whole file could not be read.</summary>
/// <remarks>
/// The record holds language-neutral facts; <see cref="Message"/> renders them in Japanese or English
/// through <see cref="ImportMessages"/>, so one result can be shown to users of either language.
/// </remarks>
/// <param name="Code">Stable error code, one of <see cref="ImportErrorCodes"/>.</param>
/// <param name="File">Name of the file concerned (without directory), as users see it.</param>
/// <param name="Line">Physical line (from 1) where the row starts; 0 for a problem with the whole file.</param>
/// <param name="Column">Column position (from 1) in the file, when one column is at fault.</param>
/// <param name="ColumnName">The file's header of that column, when one column is at fault.</param>
/// <param name="Value">The offending value, as read.</param>
/// <param name="Detail">What was expected or other language-neutral detail (allowed values, a range, a line number).</param>
public sealed record ImportError(
    string Code,
    string File,
    long Line,
    int? Column,
    string? ColumnName,
    string? Value,
    string? Detail)
{
    /// <summary>Whether the problem concerns the whole file rather than one row.</summary>
    public bool IsFileLevel => Line == 0;

    /// <summary>The message for users, e.g. <c>orders.csv:14:3 (購入日): 日付として読めません「2025/13/01」…</c>.</summary>
    /// <param name="language"><c>ja</c> or <c>en</c>; anything else is treated as <c>en</c>.</param>
    public string Message(string language) => ImportMessages.Format(this, language);

    /// <inheritdoc />
    public override string ToString() => Message("en");
}

/// <summary>The stable codes of <see cref="ImportError"/>.</summary>
public static class ImportErrorCodes
{
    /// <summary>The input file does not exist.</summary>
    public const string FileMissing = "file-missing";
    /// <summary>The input file has no content.</summary>
    public const string FileEmpty = "file-empty";
    /// <summary>The input file has no header row (CSV) or no JSON object on its first line (JSON lines).</summary>
    public const string NoHeader = "no-header";
    /// <summary>The input file could not be read (I/O error).</summary>
    public const string FileUnreadable = "file-unreadable";
    /// <summary>The file's bytes are not valid in the chosen or detected encoding.</summary>
    public const string EncodingError = "encoding-error";
    /// <summary>A required field has no column in the file.</summary>
    public const string RequiredColumnMissing = "required-column-missing";
    /// <summary>The mapping file names a column the input file lacks.</summary>
    public const string MappingColumnMissing = "mapping-column-missing";
    /// <summary>The mapping file names a field the entity does not have.</summary>
    public const string MappingUnknownField = "mapping-unknown-field";
    /// <summary>The mapping file is missing or is not a JSON object of strings.</summary>
    public const string MappingInvalid = "mapping-invalid";

    /// <summary>A required value is blank.</summary>
    public const string MissingValue = "missing-value";
    /// <summary>A value is not a date or date-time in a known form.</summary>
    public const string BadDate = "bad-date";
    /// <summary>A value is not a number.</summary>
    public const string BadNumber = "bad-number";
    /// <summary>A value is not one of the allowed words.</summary>
    public const string BadEnum = "bad-enum";
    /// <summary>A value is not a yes/no value.</summary>
    public const string BadBoolean = "bad-boolean";
    /// <summary>A number is outside its allowed range.</summary>
    public const string OutOfRange = "out-of-range";
    /// <summary>A currency is not a 3-letter ISO 4217 code.</summary>
    public const string BadCurrency = "bad-currency";
    /// <summary>An id is too long or contains control characters.</summary>
    public const string BadId = "bad-id";
    /// <summary>An activity type is not a valid type name.</summary>
    public const string BadActivityType = "bad-activity-type";
    /// <summary>A quoted CSV field is never closed.</summary>
    public const string UnterminatedQuote = "unterminated-quote";
    /// <summary>A quote appears where CSV does not allow one.</summary>
    public const string StrayQuote = "stray-quote";
    /// <summary>A row has a different number of fields than the header.</summary>
    public const string ColumnCount = "column-count";
    /// <summary>A JSON line is not a JSON object.</summary>
    public const string BadJson = "bad-json";
    /// <summary>The <c>lines</c> array of a JSON order is not an array of line objects.</summary>
    public const string BadLines = "bad-lines";
    /// <summary>An order id reappears after rows of other orders.</summary>
    public const string OrderNotConsecutive = "order-not-consecutive";
    /// <summary>A row of an order is rejected because another row of the same order is invalid.</summary>
    public const string OrderRowRejected = "order-row-rejected";
    /// <summary>Rows of one order disagree on a value that belongs to the whole order.</summary>
    public const string OrderConflict = "order-conflict";
}
