using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kizuki.Modeling.Linear;

internal sealed partial class LogisticRegressionModel
{
    /// <summary>The format tag written into every serialised model.</summary>
    public const string Format = "kizuki.logistic.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <inheritdoc />
    public string Serialize()
    {
        var document = new Document(Format, Kind, [.. Columns], [.. _encoding.Plans], Intercept, _weights, _references, Fit);
        return JsonSerializer.Serialize(document, Json);
    }

    /// <summary>Restores a model written by <see cref="Serialize"/>; its predictions are bit-identical.</summary>
    /// <exception cref="FormatException">The text is not a serialised logistic regression, or is inconsistent.</exception>
    public static LogisticRegressionModel Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a serialised logistic regression: {e.Message}", e);
        }

        if (document is null || document.Format != Format)
        {
            throw new FormatException($"Not a serialised logistic regression (expected format '{Format}').");
        }

        var expanded = document.Weights.Length;
        if (document.Plans.Length != document.Columns.Length || document.References.Length != expanded
            || document.Plans.Any(p => p.ValueOffset >= expanded || p.MissingOffset >= expanded || (p.CategoryOffsets?.Any(o => o >= expanded) ?? false)))
        {
            throw new FormatException("The serialised logistic regression is inconsistent: columns, plans and weights do not match.");
        }

        var encoding = new LinearEncoding(document.Plans, expanded);
        return new LogisticRegressionModel(document.Columns, encoding, document.Intercept, document.Weights, document.References, document.Fit);
    }

    private sealed record Document(
        string Format,
        string Kind,
        ModelColumn[] Columns,
        LinearColumnPlan[] Plans,
        double Intercept,
        double[] Weights,
        double[] References,
        LogisticFitSummary Fit);
}
