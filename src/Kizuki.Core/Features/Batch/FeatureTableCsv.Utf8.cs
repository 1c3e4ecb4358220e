using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Kizuki.Features.Batch;

public static partial class FeatureTableCsv
{
    /// <summary>The largest integer below which a double's shortest text is its plain digits (from 1e15 on it is "1E+15").</summary>
    private const double PlainIntegerLimit = 1e15;

    /// <summary>
    /// Writes the table as UTF-8 with BOM straight into bytes: the same text <see cref="Write(FeatureTable, TextWriter)"/>
    /// writes through a UTF-8 writer, without the detour through UTF-16 and with whole numbers (most feature values:
    /// counts, days) formatted as integers, which is several times cheaper than the shortest round-trip search.
    /// </summary>
    internal static void WriteUtf8(FeatureTable table, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        var output = new Utf8Output(stream);
        output.Write([0xEF, 0xBB, 0xBF]);
        output.WriteText("customer_id");
        foreach (var definition in table.Definitions)
        {
            output.Write(","u8);
            output.WriteText(definition.Name);
        }

        output.Write("\r\n"u8);
        var numbers = Enumerable.Range(0, table.Definitions.Count).Select(table.NumberColumn).ToArray();
        var categories = Enumerable.Range(0, table.Definitions.Count).Select(table.CategoryColumn).ToArray();
        for (var row = 0; row < table.RowCount; row++)
        {
            output.WriteText(table.CustomerIds[row]);
            for (var f = 0; f < numbers.Length; f++)
            {
                output.Write(","u8);
                if (numbers[f] is { } column)
                {
                    output.WriteNumber(column[row]);
                }
                else
                {
                    output.WriteText(categories[f]![row]);
                }
            }

            output.Write("\r\n"u8);
        }

        output.Flush();
    }

    /// <summary>A byte buffer in front of a stream, with the cell forms of the CSV.</summary>
    private sealed class Utf8Output(Stream stream)
    {
        private const int Size = 1 << 16;
        private const int Reserve = 64; // room for any one number
        private readonly byte[] _buffer = new byte[Size];
        private int _used;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            if (_used + bytes.Length > Size)
            {
                Flush();
                if (bytes.Length > Size)
                {
                    stream.Write(bytes);
                    return;
                }
            }

            bytes.CopyTo(_buffer.AsSpan(_used));
            _used += bytes.Length;
        }

        /// <summary>A number in the invariant culture's shortest round-trip form; nothing for NaN.</summary>
        public void WriteNumber(double value)
        {
            if (double.IsNaN(value))
            {
                return;
            }

            if (_used + Reserve > Size)
            {
                Flush();
            }

            var target = _buffer.AsSpan(_used);
            int written;
            if (Math.Abs(value) < PlainIntegerLimit && value == Math.Truncate(value) && !(value == 0 && double.IsNegative(value)))
            {
                Utf8Formatter.TryFormat((long)value, target, out written);
            }
            else if (!value.TryFormat(target, out written, default, CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException($"could not format {value.ToString(CultureInfo.InvariantCulture)}");
            }

            _used += written;
        }

        /// <summary>A text cell, quoted as <see cref="FeatureTableCsv.WriteText(TextWriter, string)"/> quotes it.</summary>
        public void WriteText(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' ')
            {
                value = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            }

            if (_used + Encoding.UTF8.GetMaxByteCount(value.Length) > Size)
            {
                Flush();
                if (Encoding.UTF8.GetMaxByteCount(value.Length) > Size)
                {
                    stream.Write(Encoding.UTF8.GetBytes(value));
                    return;
                }
            }

            _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
        }

        public void Flush()
        {
            stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
