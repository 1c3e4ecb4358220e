namespace Kizuki.Ingest;

/// <summary>Writes CSV rows as the importer reads them (RFC 4180, CRLF line ends).</summary>
internal static class CsvText
{
    /// <summary>
    /// Writes one row. A value is quoted when it holds a comma, quote or line break, or starts or ends with a space
    /// (which the importer would otherwise trim); null and empty values are written as nothing.
    /// </summary>
    public static void WriteRow(TextWriter writer, IReadOnlyList<string?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var value = values[i] ?? string.Empty;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (value[0] == ' ' || value[^1] == ' ')))
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(value);
            }
        }

        writer.Write("\r\n");
    }
}
