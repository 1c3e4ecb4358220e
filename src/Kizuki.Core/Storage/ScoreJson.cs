using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kizuki.Storage;

/// <summary>A score's feature values as one JSON object: name → number, text or null.</summary>
internal static class ScoreJson
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one property: a finite number, a text, or null (NaN, infinities and unknown values).</summary>
    public static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case double number when double.IsFinite(number):
                writer.WriteNumber(name, number);
                break;
            case string text:
                writer.WriteString(name, text);
                break;
            default:
                writer.WriteNull(name);
                break;
        }
    }

    /// <summary>The values as a JSON object; NaN, infinities and unknown values become null.</summary>
    public static string Write(IReadOnlyDictionary<string, object?> features)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in features)
            {
                WriteValue(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads an object written by <see cref="Write"/>: numbers as doubles, strings as strings, null as null.</summary>
    public static IReadOnlyDictionary<string, object?> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var features = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            features[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Number => property.Value.GetDouble(),
                JsonValueKind.String => property.Value.GetString(),
                _ => null,
            };
        }

        return features;
    }
}
