using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Kizuki.LiveScoring;

/// <summary>
/// A live score's feature values (the model's columns) as a read-only dictionary over two small arrays: what
/// <see cref="Storage.StoredScore.Features"/> holds without building a dictionary per score.
/// </summary>
/// <remarks>
/// Values read like a stored score's: a <see cref="double"/> for a numeric feature, a <see cref="string"/> for a category,
/// null when unknown (NaN and infinities become null). The layout (names, which are categories, the name index) is shared by
/// every row of one model.
/// </remarks>
internal sealed class LiveFeatureRow : IReadOnlyDictionary<string, object?>
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Layout _layout;
    private readonly double[] _numbers;
    private readonly string?[] _texts;

    private LiveFeatureRow(Layout layout, double[] numbers, string?[] texts)
    {
        _layout = layout;
        _numbers = numbers;
        _texts = texts;
    }

    /// <inheritdoc />
    public int Count => _layout.Names.Length;

    /// <inheritdoc />
    public IEnumerable<string> Keys => _layout.Names;

    /// <inheritdoc />
    public IEnumerable<object?> Values => Enumerable.Range(0, Count).Select(ValueAt);

    /// <inheritdoc />
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    /// <summary>The shared layout of the rows of one model.</summary>
    /// <param name="names">The model's feature names, in column order.</param>
    /// <param name="categorical">Which of them are categories.</param>
    public static Layout LayoutOf(string[] names, bool[] categorical) => new(names, categorical);

    /// <summary>A row copying the values at <paramref name="positions"/> of a catalog row.</summary>
    public static LiveFeatureRow Copy(Layout layout, int[] positions, double[] numbers, string?[] categories)
    {
        var n = new double[positions.Length];
        string?[]? t = null;
        for (var c = 0; c < positions.Length; c++)
        {
            if (layout.Categorical[c])
            {
                t ??= new string?[positions.Length];
                t[c] = categories[positions[c]];
                n[c] = double.NaN;
            }
            else
            {
                n[c] = numbers[positions[c]];
            }
        }

        return new LiveFeatureRow(layout, n, t ?? []);
    }

    /// <summary>The feature JSON as UTF-8, once <see cref="WriteJson"/> has written it.</summary>
    public byte[]? JsonUtf8 { get; private set; }

    /// <summary>
    /// Writes the row as the stored feature JSON (an object of every property, as <c>ScoreJson</c> writes it) through
    /// <paramref name="buffer"/>, and keeps it in <see cref="JsonUtf8"/>.
    /// </summary>
    public byte[] WriteJson(ArrayBufferWriter<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (JsonUtf8 is { } json)
        {
            return json;
        }

        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartObject();
            WriteTo(writer);
            writer.WriteEndObject();
        }

        JsonUtf8 = buffer.WrittenSpan.ToArray();
        return JsonUtf8;
    }

    /// <summary>Writes every property, in column order.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        for (var c = 0; c < _numbers.Length; c++)
        {
            var name = _layout.Names[c];
            if (_layout.Categorical[c])
            {
                if (_texts[c] is { } text)
                {
                    writer.WriteString(name, text);
                }
                else
                {
                    writer.WriteNull(name);
                }
            }
            else if (double.IsFinite(_numbers[c]))
            {
                writer.WriteNumber(name, _numbers[c]);
            }
            else
            {
                writer.WriteNull(name);
            }
        }
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => _layout.Index.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (_layout.Index.TryGetValue(key, out var c))
        {
            value = ValueAt(c);
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var c = 0; c < Count; c++)
        {
            yield return new KeyValuePair<string, object?>(_layout.Names[c], ValueAt(c));
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private object? ValueAt(int c) =>
        _layout.Categorical[c] ? _texts[c] : double.IsFinite(_numbers[c]) ? _numbers[c] : null;

    /// <summary>Names, category flags and the name index shared by the rows of one model.</summary>
    internal sealed class Layout
    {
        internal Layout(string[] names, bool[] categorical)
        {
            Names = names;
            Categorical = categorical;
            Index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
            for (var c = 0; c < names.Length; c++)
            {
                Index[names[c]] = c;
            }
        }

        /// <summary>The feature names, in column order.</summary>
        public string[] Names { get; }

        /// <summary>Which columns are categories.</summary>
        public bool[] Categorical { get; }

        /// <summary>Column by name.</summary>
        public Dictionary<string, int> Index { get; }
    }
}
