using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kizuki.Explanations;

/// <summary>A customer's reasons as the JSON stored with each score (the <c>reasons</c> column).</summary>
/// <remarks>
/// <c>{"raising":[{"group","feature","log_odds","probability_points","ja","en"}…],"lowering":[…],"action":{"group","ja","en"}|null}</c>.
/// Numbers are rounded to 6 decimals; text is written unescaped (UTF-8), so Japanese stays readable in the database.
/// </remarks>
internal static class ReasonsJson
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The reasons as a JSON object.</summary>
    public static string Write(CustomerReasons reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartObject();
            WriteList(writer, "raising", reasons.Raising);
            WriteList(writer, "lowering", reasons.Lowering);
            if (reasons.Action is { } action)
            {
                writer.WriteStartObject("action");
                writer.WriteString("group", action.Group);
                writer.WriteString("ja", action.Ja);
                writer.WriteString("en", action.En);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("action");
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads reasons written by <see cref="Write"/>.</summary>
    /// <exception cref="FormatException">The text is not stored reasons.</exception>
    public static CustomerReasons Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            SuggestedAction? action = root.GetProperty("action") is { ValueKind: JsonValueKind.Object } a
                ? new SuggestedAction(a.GetProperty("group").GetString()!, a.GetProperty("ja").GetString()!, a.GetProperty("en").GetString()!)
                : null;
            return new CustomerReasons(ReadList(root.GetProperty("raising")), ReadList(root.GetProperty("lowering")), action);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("保存された理由を読めません。 / The stored reasons are not valid: " + e.Message, e);
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<Reason> reasons)
    {
        writer.WriteStartArray(name);
        foreach (var r in reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("group", r.Group);
            writer.WriteString("feature", r.Feature);
            writer.WriteNumber("log_odds", Math.Round(r.LogOdds, 6));
            writer.WriteNumber("probability_points", Math.Round(r.ProbabilityPoints, 6));
            writer.WriteString("ja", r.SentenceJa);
            writer.WriteString("en", r.SentenceEn);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static List<Reason> ReadList(JsonElement array) =>
    [
        .. array.EnumerateArray().Select(e => new Reason(
            e.GetProperty("group").GetString()!,
            e.GetProperty("feature").GetString()!,
            e.GetProperty("log_odds").GetDouble(),
            e.GetProperty("probability_points").GetDouble(),
            e.GetProperty("ja").GetString()!,
            e.GetProperty("en").GetString()!)),
    ];
}
