using System.Buffers;
using System.Text;

namespace Kizuki.Ingest;

/// <summary>A streaming RFC 4180 reader: quoted fields may hold separators, doubled quotes and line breaks.</summary>
/// <remarks>
/// Hand-written rather than CsvHelper because the importer needs the physical line where each row starts and
/// must report bad quoting as a rejected row and carry on, which a hand-written state machine gives directly.
/// Blank lines are skipped. Rows with more fields than the header are accepted when the extra fields are all
/// empty (trailing separators, as some spreadsheet exports write).
/// </remarks>
internal sealed class CsvRecordReader : IRecordReader
{
    private readonly TextReader _reader;
    private readonly char _separator;
    private readonly SearchValues<char> _specials;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly List<string> _fields = new(16);
    private readonly StringBuilder _field = new(64);
    private readonly string[] _columns;
    private int _position;
    private int _length;
    private long _line = 1;

    public CsvRecordReader(TextReader reader, char separator)
    {
        _reader = reader;
        _separator = separator;
        _specials = SearchValues.Create([separator, '"', '\r', '\n']);
        if (ReadFields(out _, out _))
        {
            _columns = [.. _fields];
            if (_columns.Length > 0)
            {
                _columns[0] = _columns[0].TrimStart('\uFEFF');
            }

            for (var i = 0; i < _columns.Length; i++)
            {
                _columns[i] = _columns[i].Trim();
            }
        }
        else
        {
            _columns = [];
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns => _columns;

    /// <inheritdoc />
    public bool IsEmpty => _columns.Length == 0;

    /// <inheritdoc />
    public long Line => _line;

    /// <inheritdoc />
    public bool TryRead(out RawRecord record)
    {
        if (!ReadFields(out var line, out var problem))
        {
            record = default;
            return false;
        }

        var count = _fields.Count;
        if (problem is null && count != _columns.Length)
        {
            var extrasEmpty = count > _columns.Length && _fields.Skip(_columns.Length).All(f => f.Length == 0);
            if (!extrasEmpty)
            {
                problem = new RecordProblem(ImportErrorCodes.ColumnCount, null, count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _columns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var values = new string?[Math.Max(count, _columns.Length)];
        for (var i = 0; i < count; i++)
        {
            values[i] = _fields[i];
        }

        record = new RawRecord(line, values, problem);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    /// <summary>Reads the fields of the next non-blank record into <see cref="_fields"/>.</summary>
    private bool ReadFields(out long startLine, out RecordProblem? problem)
    {
        while (true)
        {
            _fields.Clear();
            problem = null;
            startLine = _line;
            if (!EnsureData())
            {
                return false;
            }

            var c = _buffer[_position];
            if (c is '\r' or '\n')
            {
                ConsumeLineBreak();
                continue;
            }

            while (true)
            {
                var ended = ReadField(startLine, ref problem);
                if (ended)
                {
                    return true;
                }
            }
        }
    }

    /// <summary>Reads one field; returns true when it ended the record.</summary>
    private bool ReadField(long startLine, ref RecordProblem? problem)
    {
        _field.Clear();
        if (EnsureData() && _buffer[_position] == '"')
        {
            _position++;
            ReadQuoted(startLine, ref problem);
        }

        while (EnsureData())
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny(_specials);
            if (stop < 0)
            {
                _field.Append(span);
                _position = _length;
                continue;
            }

            _field.Append(span[..stop]);
            _position += stop;
            var c = _buffer[_position];
            if (c == '"')
            {
                problem ??= new RecordProblem(ImportErrorCodes.StrayQuote, _fields.Count + 1, Shorten(_field.ToString()), null);
                _field.Append(c);
                _position++;
                continue;
            }

            _fields.Add(_field.ToString());
            if (c == _separator)
            {
                _position++;
                return false;
            }

            ConsumeLineBreak();
            return true;
        }

        _fields.Add(_field.ToString());
        return true;
    }

    private void ReadQuoted(long startLine, ref RecordProblem? problem)
    {
        while (EnsureData())
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var quote = span.IndexOfAny('"', '\n', '\r');
            if (quote < 0)
            {
                _field.Append(span);
                _position = _length;
                continue;
            }

            _field.Append(span[..quote]);
            _position += quote;
            var c = _buffer[_position];
            if (c != '"')
            {
                ConsumeLineBreak();
                _field.Append('\n');
                continue;
            }

            _position++;
            if (EnsureData() && _buffer[_position] == '"')
            {
                _field.Append('"');
                _position++;
                continue;
            }

            if (EnsureData() && _buffer[_position] != _separator && _buffer[_position] is not ('\r' or '\n'))
            {
                problem ??= new RecordProblem(ImportErrorCodes.StrayQuote, _fields.Count + 1, Shorten(_field.ToString()), null);
            }

            return;
        }

        problem ??= new RecordProblem(ImportErrorCodes.UnterminatedQuote, _fields.Count + 1, Shorten(_field.ToString()),
            startLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Consumes CR LF, LF or a lone CR at the current position and counts the line.</summary>
    private void ConsumeLineBreak()
    {
        var c = _buffer[_position++];
        _line++;
        if (c == '\r' && EnsureData() && _buffer[_position] == '\n')
        {
            _position++;
        }
    }

    private bool EnsureData()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
