using Kizuki.Configuration;
using Kizuki.Domain;

namespace Kizuki.Ingest;

/// <summary>What to import and how: the input of <see cref="Importer.Run"/>.</summary>
/// <param name="Kind">The kind of record the file holds.</param>
/// <param name="Path">The input file (CSV, TSV or JSON lines).</param>
public sealed record ImportRequest(EntityKind Kind, string Path)
{
    /// <summary>The file's text encoding. Default <see cref="ImportEncoding.Auto"/>.</summary>
    public ImportEncoding Encoding { get; init; } = ImportEncoding.Auto;

    /// <summary>The file's format. Default <see cref="ImportFormat.Auto"/> (from the extension).</summary>
    public ImportFormat Format { get; init; } = ImportFormat.Auto;

    /// <summary>A JSON mapping file from Kizuki field names to the file's column names; null to match headers automatically.</summary>
    public string? MappingPath { get; init; }

    /// <summary>
    /// When true, valid rows are committed even if some rows are invalid, and the rejected rows are written to
    /// <c>&lt;name&gt;.rejects.csv</c> beside the input. When false (the default), one invalid row rejects the whole file.
    /// </summary>
    public bool SkipInvalid { get; init; }

    /// <summary>The zone in which times without an offset are read. Default Asia/Tokyo.</summary>
    public TimeZoneInfo TimeZone { get; init; } = DefaultZone;

    /// <summary>The currency of amounts that name none (ISO 4217). Default <c>JPY</c>.</summary>
    public string DefaultCurrency { get; init; } = Money.DefaultCurrency;

    /// <summary>Language of the reasons written to the rejects file: <c>ja</c> or <c>en</c>. Default <c>ja</c>.</summary>
    public string Language { get; init; } = "ja";

    /// <summary>How many row errors the result keeps in memory; all are counted and written to the rejects file. Default 10,000.</summary>
    public int MaxErrorsKept { get; init; } = 10_000;

    private static TimeZoneInfo DefaultZone => TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>A request that takes time zone, currency and language from a data directory's settings.</summary>
    public static ImportRequest FromSettings(EntityKind kind, string path, KizukiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ImportRequest(kind, path)
        {
            TimeZone = settings.Zone,
            DefaultCurrency = settings.Currency,
            Language = settings.Language,
        };
    }

    /// <summary>Parses an <c>--encoding</c> value: <c>auto</c>, <c>utf-8</c> (or <c>utf8</c>), <c>shift_jis</c> (or <c>sjis</c>, <c>cp932</c>).</summary>
    public static bool TryParseEncoding(string text, out ImportEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        encoding = text.Trim().ToLowerInvariant() switch
        {
            "auto" => ImportEncoding.Auto,
            "utf-8" or "utf8" => ImportEncoding.Utf8,
            "shift_jis" or "shift-jis" or "sjis" or "cp932" or "windows-31j" => ImportEncoding.ShiftJis,
            _ => (ImportEncoding)(-1),
        };
        return Enum.IsDefined(encoding);
    }
}

/// <summary>Text encodings of import files.</summary>
public enum ImportEncoding
{
    /// <summary>Detect: a byte-order mark means UTF-8 (or UTF-16); else valid UTF-8 means UTF-8; else Shift_JIS (CP932).</summary>
    Auto,
    /// <summary>UTF-8, with or without a byte-order mark.</summary>
    Utf8,
    /// <summary>Shift_JIS as Windows writes it (code page 932), the usual encoding of Excel CSV in Japan.</summary>
    ShiftJis,
}

/// <summary>Formats of import files.</summary>
public enum ImportFormat
{
    /// <summary>From the extension: <c>.tsv</c>/<c>.tab</c> TSV, <c>.jsonl</c>/<c>.ndjson</c>/<c>.json</c> JSON lines, anything else CSV.</summary>
    Auto,
    /// <summary>Comma-separated values (RFC 4180).</summary>
    Csv,
    /// <summary>Tab-separated values, quoted like CSV.</summary>
    Tsv,
    /// <summary>One JSON object per line.</summary>
    JsonLines,
}
