using System.Text.Json;
using Kizuki.Modeling.Linear;

namespace Kizuki.Modeling.Calibration;

/// <summary>Platt scaling: fits <c>p = sigmoid(a · raw + b)</c> on held-out (ideally out-of-time) raw scores.</summary>
/// <remarks>
/// Uses Platt's smoothed targets, (N₊ + 1) / (N₊ + 2) for positives and 1 / (N₋ + 2) for negatives, which keep a and b
/// finite on small or separable data. Two parameters make it the safe choice when data is small.
/// </remarks>
internal static class PlattCalibrator
{
    /// <summary>Fits the two parameters by Newton's method.</summary>
    public static PlattCalibration Fit(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights = default)
    {
        ScoreCalibration.Check(rawScores, labels, weights);
        double positives = 0, negatives = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var w = weights.IsEmpty ? 1.0 : weights[i];
            positives += labels[i] * w;
            negatives += (1 - labels[i]) * w;
        }

        var high = (positives + 1) / (positives + 2);
        var low = 1 / (negatives + 2);
        double a = 0, b = Math.Log((positives + 1) / (negatives + 1));
        var loss = Loss(rawScores, labels, weights, a, b, high, low);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < rawScores.Length; i++)
            {
                var w = weights.IsEmpty ? 1.0 : weights[i];
                var s = rawScores[i];
                var p = LogisticFunction.Sigmoid((a * s) + b);
                var t = labels[i] == 1.0 ? high : low;
                var g = w * (p - t);
                var h = w * p * (1 - p);
                ga += g * s;
                gb += g;
                haa += h * s * s;
                hab += h * s;
                hbb += h;
            }

            haa += 1e-12;
            hbb += 1e-12;
            var det = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            var step = 1.0;
            double na, nb, next;
            do
            {
                na = a - (step * da);
                nb = b - (step * db);
                next = Loss(rawScores, labels, weights, na, nb, high, low);
                step /= 2;
            }
            while (next > loss && step > 1e-10);

            var moved = Math.Max(Math.Abs(na - a), Math.Abs(nb - b));
            if (next > loss)
            {
                break;
            }

            (a, b, loss) = (na, nb, next);
            if (moved < 1e-10)
            {
                break;
            }
        }

        return new PlattCalibration(a, b);
    }

    private static double Loss(ReadOnlySpan<double> s, ReadOnlySpan<double> y, ReadOnlySpan<double> weights, double a, double b, double high, double low)
    {
        double loss = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var w = weights.IsEmpty ? 1.0 : weights[i];
            loss += w * LogisticFunction.LogLoss((a * s[i]) + b, y[i] == 1.0 ? high : low);
        }

        return loss;
    }
}

/// <summary>A fitted Platt scaling: <c>p = sigmoid(A · raw + B)</c>.</summary>
/// <param name="A">The slope on the raw score (1 when the model is already calibrated).</param>
/// <param name="B">The shift.</param>
internal sealed record PlattCalibration(double A, double B) : IScoreCalibration
{
    /// <summary>The kind name, <c>platt</c>.</summary>
    public const string KindName = "platt";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public double Probability(double rawScore) => LogisticFunction.Sigmoid((A * rawScore) + B);

    /// <inheritdoc />
    public string Serialize() => JsonSerializer.Serialize(new Document(KindName, A, B), ScoreCalibration.Json);

    /// <summary>Restores a Platt calibration from <see cref="Serialize"/>.</summary>
    public static PlattCalibration Load(string json)
    {
        var d = JsonSerializer.Deserialize<Document>(json, ScoreCalibration.Json);
        if (d is null || d.Kind != KindName || !double.IsFinite(d.A) || !double.IsFinite(d.B))
        {
            throw new FormatException("Not a serialised Platt calibration.");
        }

        return new PlattCalibration(d.A, d.B);
    }

    private sealed record Document(string Kind, double A, double B);
}
