using System.Text.Json;

namespace Kizuki.Ingest;

/// <summary>Reads one JSON object per line. Values may be strings, numbers, booleans or null; nested values are kept as JSON text.</summary>
/// <remarks>
/// The columns are the keys of the first object, in order; keys first seen later are appended, so an object may omit
/// keys whose value is null. Blank lines are skipped. An order may carry its lines in a <c>lines</c> array, which
/// reaches the order reader as JSON text.
/// </remarks>
internal sealed class JsonLinesRecordReader : IRecordReader
{
    private readonly TextReader _reader;
    private readonly List<string> _columns = [];
    private readonly Dictionary<string, int> _columnIndex = new(StringComparer.Ordinal);
    private RawRecord? _first;
    private long _line;

    public JsonLinesRecordReader(TextReader reader)
    {
        _reader = reader;
        if (ReadNext(out var first))
        {
            _first = first;
        }
        else
        {
            IsEmpty = true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns => _columns;

    /// <inheritdoc />
    public bool IsEmpty { get; }

    /// <inheritdoc />
    public long Line => _line;

    /// <inheritdoc />
    public bool TryRead(out RawRecord record)
    {
        if (_first is { } first)
        {
            _first = null;
            record = first;
            return true;
        }

        return ReadNext(out record);
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private bool ReadNext(out RawRecord record)
    {
        string? text;
        do
        {
            text = _reader.ReadLine();
            _line++;
        }
        while (text is not null && string.IsNullOrWhiteSpace(text));

        if (text is null)
        {
            record = default;
            return false;
        }

        record = Parse(text);
        return true;
    }

    private RawRecord Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Bad(text, document.RootElement.ValueKind.ToString());
            }

            var pairs = new List<(int Index, string? Value)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!_columnIndex.TryGetValue(property.Name, out var index))
                {
                    index = _columns.Count;
                    _columns.Add(property.Name);
                    _columnIndex.Add(property.Name, index);
                }

                pairs.Add((index, Text(property.Value)));
            }

            var values = new string?[_columns.Count];
            foreach (var (index, value) in pairs)
            {
                values[index] = value;
            }

            return new RawRecord(_line, values, null, text);
        }
        catch (JsonException e)
        {
            return Bad(text, e.Message);
        }
    }

    private RawRecord Bad(string text, string detail)
    {
        var values = new string?[_columns.Count];
        var shortened = text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
        return new RawRecord(_line, values, new RecordProblem(ImportErrorCodes.BadJson, null, shortened, detail), text);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };

    /// <summary>The text of a value inside a nested object, as a top-level value would be read.</summary>
    internal static string? ScalarText(JsonElement value) => Text(value);
}
