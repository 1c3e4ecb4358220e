using System.Globalization;
using System.Text;

namespace Kizuki.Features.Batch;

/// <summary>Writes a feature table as CSV: UTF-8 with BOM (so Excel reads Japanese right), one row per customer.</summary>
/// <remarks>
/// Header: <c>customer_id</c> then the feature names. Numbers are written in the invariant culture with the shortest
/// text that reads back to the same double; unknown values (NaN, null) are empty. Text is quoted as the importer
/// reads it (RFC 4180). Lines end with CRLF.
/// </remarks>
public static partial class FeatureTableCsv
{
    /// <summary>Writes the table into <paramref name="path"/>, replacing it only once the whole file is written.</summary>
    public static void Write(FeatureTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        var full = Path.GetFullPath(path);
        var partial = full + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            WriteUtf8(table, stream);
        }

        File.Move(partial, full, overwrite: true);
    }

    /// <summary>Writes the table to <paramref name="writer"/> (the writer's encoding decides about the BOM).</summary>
    public static void Write(FeatureTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        WriteText(writer, "customer_id");
        foreach (var definition in table.Definitions)
        {
            writer.Write(',');
            WriteText(writer, definition.Name);
        }

        writer.Write("\r\n");
        var numbers = Enumerable.Range(0, table.Definitions.Count).Select(table.NumberColumn).ToArray();
        var categories = Enumerable.Range(0, table.Definitions.Count).Select(table.CategoryColumn).ToArray();
        for (var row = 0; row < table.RowCount; row++)
        {
            WriteText(writer, table.CustomerIds[row]);
            WriteCells(writer, numbers, categories, row);
            writer.Write("\r\n");
        }
    }

    /// <summary>Writes one row's feature cells, each preceded by a comma: numbers invariant, unknowns empty, text quoted as needed.</summary>
    internal static void WriteCells(TextWriter writer, double[]?[] numbers, string?[]?[] categories, int row)
    {
        Span<char> buffer = stackalloc char[32];
        for (var f = 0; f < numbers.Length; f++)
        {
            writer.Write(',');
            if (numbers[f] is { } column)
            {
                var value = column[row];
                if (!double.IsNaN(value) && value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
                {
                    writer.Write(buffer[..written]);
                }
            }
            else
            {
                WriteText(writer, categories[f]![row]);
            }
        }
    }

    /// <summary>Writes a text cell, quoted when it holds a comma, quote, line break or edge space; nothing for null or empty.</summary>
    internal static void WriteText(TextWriter writer, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' ')
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
}
