using System.Globalization;
using System.Text;
using Kizuki.Ingest;

namespace Kizuki.Modeling.Tabular;

/// <summary>A one-row-per-customer table as read from a CSV file: header, text cells and the line of each row.</summary>
/// <param name="Header">Column names, trimmed.</param>
/// <param name="Rows">Cells by row then column position; null or blank means missing.</param>
/// <param name="Lines">Physical line (from 1) where each row starts, for messages.</param>
internal sealed record TabularTable(IReadOnlyList<string> Header, IReadOnlyList<string?[]> Rows, IReadOnlyList<long> Lines)
{
    /// <summary>Number of rows.</summary>
    public int RowCount => Rows.Count;

    /// <summary>The position of a column by name (exact, then case-insensitive).</summary>
    /// <exception cref="InvalidDataException">No column has that name.</exception>
    public int ColumnIndex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var pass = 0; pass < 2; pass++)
        {
            var comparison = pass == 0 ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            for (var c = 0; c < Header.Count; c++)
            {
                if (string.Equals(Header[c], name, comparison))
                {
                    return c;
                }
            }
        }

        throw new InvalidDataException(
            $"列 '{name}' がありません（列: {string.Join(", ", Header)}）。 / no column '{name}' (columns: {string.Join(", ", Header)}).");
    }

    /// <summary>The trimmed cell, or null when blank.</summary>
    public string? Cell(int row, int column)
    {
        var values = Rows[row];
        var text = column < values.Length ? values[column]?.Trim() : null;
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>
    /// Reads a CSV file with a header row: UTF-8 (with or without BOM) or Shift_JIS, detected from its bytes; quoted fields
    /// may hold commas and line breaks.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is empty or a row cannot be read (bad quoting, wrong field count).</exception>
    public static TabularTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"ファイル {path} がありません。 / file {path} not found.", path);
        }

        using var stream = File.OpenRead(path);
        var encoding = SourceEncoding.Choose(stream, ImportEncoding.Auto);
        using var csv = new CsvRecordReader(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: encoding is UTF8Encoding), ',');
        if (csv.IsEmpty)
        {
            throw new InvalidDataException($"{path} は空です。 / {path} is empty.");
        }

        var header = csv.Columns.ToArray();
        var rows = new List<string?[]>();
        var lines = new List<long>();
        while (csv.TryRead(out var record))
        {
            if (record.Problem is { } problem)
            {
                var line = record.Line.ToString(CultureInfo.InvariantCulture);
                throw new InvalidDataException(
                    $"{path} の {line} 行目を読めません（{problem.Code}）。 / {path} line {line} cannot be read ({problem.Code}).");
            }

            rows.Add(record.Values);
            lines.Add(record.Line);
        }

        return new TabularTable(header, rows, lines);
    }
}
