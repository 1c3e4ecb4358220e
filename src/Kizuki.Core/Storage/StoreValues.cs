using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kizuki.Storage;

/// <summary>How domain values are written to and read from both database engines.</summary>
/// <remarks>
/// Both engines keep instants to the millisecond (SQLite as unix milliseconds, PostgreSQL as timestamptz
/// truncated the same way), so the two stores return identical records for identical input.
/// Enumerations are stored as their member name in lower case: renaming a member needs a migration.
/// </remarks>
internal static class StoreValues
{
    private static readonly JsonWriterOptions AttributeWriting = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>An instant as unix milliseconds (UTC), the SQLite representation.</summary>
    public static long ToUnixMilliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    /// <summary>An instant from unix milliseconds, with offset zero.</summary>
    public static DateTimeOffset FromUnixMilliseconds(long milliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    /// <summary>An instant as a UTC <see cref="DateTime"/> truncated to the millisecond, the PostgreSQL representation.</summary>
    public static DateTime ToUtcMilliseconds(DateTimeOffset instant) =>
        new(DateTime.UnixEpoch.Ticks + (instant.ToUnixTimeMilliseconds() * TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>A decimal as invariant text; the scale is kept so the value round-trips exactly.</summary>
    public static string ToText(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a decimal written by <see cref="ToText(decimal)"/>.</summary>
    public static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    /// <summary>An enumeration member as lower-case text.</summary>
    public static string ToText<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumText<TEnum>.Names[value];

    /// <summary>Parses lower-case text written by <see cref="ToText{TEnum}(TEnum)"/>.</summary>
    /// <exception cref="InvalidDataException">The text names no member.</exception>
    public static TEnum ParseEnum<TEnum>(string text)
        where TEnum : struct, Enum =>
        EnumText<TEnum>.Values.TryGetValue(text, out var value)
            ? value
            : throw new InvalidDataException(
                $"The database holds '{text}', which is not a {typeof(TEnum).Name} ({string.Join(", ", EnumText<TEnum>.Values.Keys)}).");

    /// <summary>Custom attributes as a JSON object, keys in ordinal order so equal sets give equal text.</summary>
    public static string ToJson(IReadOnlyDictionary<string, string> attributes)
    {
        if (attributes.Count == 0)
        {
            return "{}";
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, AttributeWriting))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads custom attributes written by <see cref="ToJson"/>.</summary>
    public static IReadOnlyDictionary<string, string> ParseAttributes(string json)
    {
        using var document = JsonDocument.Parse(json);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            attributes[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString() ?? ""
                : property.Value.GetRawText();
        }

        return attributes.Count == 0 ? Kizuki.Domain.Customer.NoAttributes : attributes;
    }

    private static class EnumText<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Names =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => v.ToString().ToLowerInvariant());

        public static readonly Dictionary<string, TEnum> Values =
            Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
