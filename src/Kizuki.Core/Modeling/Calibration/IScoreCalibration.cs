using System.Text.Json;

namespace Kizuki.Modeling.Calibration;

/// <summary>A fitted map from a model's raw score (log-odds) to a calibrated probability. Immutable.</summary>
internal interface IScoreCalibration
{
    /// <summary>The method: <c>platt</c> or <c>isotonic</c>.</summary>
    string Kind { get; }

    /// <summary>The calibrated probability of a raw score.</summary>
    double Probability(double rawScore);

    /// <summary>The calibration as JSON, which <see cref="ScoreCalibration.Load"/> restores.</summary>
    string Serialize();
}

/// <summary>Helpers shared by the calibrations.</summary>
internal static class ScoreCalibration
{
    /// <summary>JSON settings of serialised calibrations.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Restores any calibration written by <see cref="IScoreCalibration.Serialize"/>.</summary>
    /// <exception cref="FormatException">The text is not a serialised calibration.</exception>
    public static IScoreCalibration Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        string? kind;
        try
        {
            using var document = JsonDocument.Parse(json);
            kind = document.RootElement.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not a serialised calibration: {e.Message}", e);
        }

        return kind switch
        {
            PlattCalibration.KindName => PlattCalibration.Load(json),
            IsotonicCalibration.KindName => IsotonicCalibration.Load(json),
            _ => throw new FormatException($"Unknown calibration kind '{kind}' (expected '{PlattCalibration.KindName}' or '{IsotonicCalibration.KindName}')."),
        };
    }

    /// <summary>Probabilities for many raw scores.</summary>
    public static double[] Probabilities(this IScoreCalibration calibration, ReadOnlySpan<double> rawScores)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var output = new double[rawScores.Length];
        for (var i = 0; i < rawScores.Length; i++)
        {
            output[i] = calibration.Probability(rawScores[i]);
        }

        return output;
    }

    /// <summary>Checks calibration inputs: equal lengths, labels 0 or 1, finite scores, weights finite and at least 0.</summary>
    internal static void Check(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights)
    {
        if (labels.Length != rawScores.Length || (!weights.IsEmpty && weights.Length != rawScores.Length))
        {
            throw new ArgumentException($"{rawScores.Length} scores, {labels.Length} labels and {weights.Length} weights do not match.", nameof(labels));
        }

        if (rawScores.IsEmpty)
        {
            throw new ArgumentException("Calibration needs at least one score.", nameof(rawScores));
        }

        for (var i = 0; i < rawScores.Length; i++)
        {
            if (!double.IsFinite(rawScores[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(rawScores), rawScores[i], $"Row {i}: a raw score must be finite.");
            }

            if (labels[i] is not (0.0 or 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Row {i}: a label must be 0 or 1.");
            }

            if (!weights.IsEmpty && !(weights[i] >= 0 && double.IsFinite(weights[i])))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], $"Row {i}: a weight must be finite and at least 0.");
            }
        }
    }
}
