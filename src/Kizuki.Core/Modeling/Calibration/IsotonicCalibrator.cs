using System.Text.Json;

namespace Kizuki.Modeling.Calibration;

/// <summary>Isotonic calibration: the best non-decreasing step map from raw score to observed rate (pool adjacent violators).</summary>
/// <remarks>
/// Each pooled block becomes two knots (its lowest and highest score) at the block's rate; between knots the map is
/// linear, outside them flat. Probabilities are clipped to [1e-6, 1 − 1e-6] so a log loss stays finite. It needs more
/// data than Platt scaling; <see cref="CalibrationChooser"/> decides.
/// </remarks>
internal static class IsotonicCalibrator
{
    /// <summary>Fits the map.</summary>
    public static IsotonicCalibration Fit(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> labels, ReadOnlySpan<double> weights = default)
    {
        ScoreCalibration.Check(rawScores, labels, weights);
        var order = new int[rawScores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = rawScores.ToArray();
        Array.Sort(keys, order);
        var blocks = new List<Block>();
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            var w = weights.IsEmpty ? 1.0 : weights[i];
            if (w == 0)
            {
                continue;
            }

            if (blocks.Count > 0 && blocks[^1].High == rawScores[i])
            {
                blocks[^1] = blocks[^1].Merge(new Block(rawScores[i], rawScores[i], w * labels[i], w));
            }
            else
            {
                blocks.Add(new Block(rawScores[i], rawScores[i], w * labels[i], w));
            }

            while (blocks.Count > 1 && blocks[^2].Rate >= blocks[^1].Rate)
            {
                var merged = blocks[^2].Merge(blocks[^1]);
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = merged;
            }
        }

        if (blocks.Count == 0)
        {
            throw new ArgumentException("Calibration needs at least one row with positive weight.", nameof(weights));
        }

        var x = new List<double>();
        var y = new List<double>();
        foreach (var block in blocks)
        {
            var rate = Math.Clamp(block.Rate, IsotonicCalibration.Floor, 1 - IsotonicCalibration.Floor);
            x.Add(block.Low);
            y.Add(rate);
            if (block.High > block.Low)
            {
                x.Add(block.High);
                y.Add(rate);
            }
        }

        return new IsotonicCalibration([.. x], [.. y]);
    }

    private readonly record struct Block(double Low, double High, double Positive, double Weight)
    {
        public double Rate => Positive / Weight;

        public Block Merge(Block next) => new(Low, next.High, Positive + next.Positive, Weight + next.Weight);
    }
}

/// <summary>A fitted isotonic map: knots of raw score and probability, linear between them, flat outside.</summary>
/// <param name="Scores">Knot raw scores, strictly increasing.</param>
/// <param name="Probabilities">Knot probabilities, non-decreasing, within [1e-6, 1 − 1e-6].</param>
internal sealed record IsotonicCalibration(double[] Scores, double[] Probabilities) : IScoreCalibration
{
    /// <summary>The kind name, <c>isotonic</c>.</summary>
    public const string KindName = "isotonic";

    /// <summary>The smallest probability given (and 1 minus the largest).</summary>
    public const double Floor = 1e-6;

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public double Probability(double rawScore)
    {
        if (double.IsNaN(rawScore))
        {
            return double.NaN;
        }

        var s = Scores;
        if (rawScore <= s[0])
        {
            return Probabilities[0];
        }

        if (rawScore >= s[^1])
        {
            return Probabilities[^1];
        }

        var hi = Array.BinarySearch(s, rawScore);
        if (hi >= 0)
        {
            return Probabilities[hi];
        }

        hi = ~hi;
        var lo = hi - 1;
        var t = (rawScore - s[lo]) / (s[hi] - s[lo]);
        return Probabilities[lo] + (t * (Probabilities[hi] - Probabilities[lo]));
    }

    /// <inheritdoc />
    public string Serialize() => JsonSerializer.Serialize(new Document(KindName, Scores, Probabilities), ScoreCalibration.Json);

    /// <summary>Restores an isotonic calibration from <see cref="Serialize"/>.</summary>
    public static IsotonicCalibration Load(string json)
    {
        var d = JsonSerializer.Deserialize<Document>(json, ScoreCalibration.Json);
        if (d is null || d.Kind != KindName || d.Scores.Length == 0 || d.Scores.Length != d.Probabilities.Length)
        {
            throw new FormatException("Not a serialised isotonic calibration.");
        }

        for (var i = 1; i < d.Scores.Length; i++)
        {
            if (!(d.Scores[i] > d.Scores[i - 1]) || d.Probabilities[i] < d.Probabilities[i - 1])
            {
                throw new FormatException("The serialised isotonic calibration is not increasing.");
            }
        }

        return new IsotonicCalibration(d.Scores, d.Probabilities);
    }

    private sealed record Document(string Kind, double[] Scores, double[] Probabilities);
}
