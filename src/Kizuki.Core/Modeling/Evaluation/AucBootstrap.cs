namespace Kizuki.Modeling.Evaluation;

/// <summary>A seeded percentile bootstrap of the ROC-AUC.</summary>
/// <remarks>
/// Rows are resampled with replacement; a resample with one class only has no AUC and is skipped (it counts in
/// <see cref="ConfidenceInterval.Resamples"/> only when valid). Same data and seed, same interval, on every machine.
/// </remarks>
internal static class AucBootstrap
{
    /// <summary>The interval; NaN bounds when the data has one class only.</summary>
    public static ConfidenceInterval RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, int resamples = 1000, int seed = 42, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "level must be in (0, 1).");
        }

        var ranked = RankedScores.Create(scores, labels);
        var estimate = ranked.Auc(null);
        if (double.IsNaN(estimate))
        {
            return new ConfidenceInterval(estimate, double.NaN, double.NaN, level, 0, double.NaN);
        }

        var random = new Random(seed);
        var n = ranked.Rows;
        var counts = new int[n];
        var values = new List<double>(resamples);
        for (var b = 0; b < resamples; b++)
        {
            Array.Clear(counts);
            for (var i = 0; i < n; i++)
            {
                counts[random.Next(n)]++;
            }

            var auc = ranked.Auc(counts);
            if (!double.IsNaN(auc))
            {
                values.Add(auc);
            }
        }

        if (values.Count == 0)
        {
            return new ConfidenceInterval(estimate, double.NaN, double.NaN, level, 0, double.NaN);
        }

        values.Sort();
        var mean = values.Average();
        var variance = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0.0;
        var tail = (1 - level) / 2;
        return new ConfidenceInterval(estimate, Quantile(values, tail), Quantile(values, 1 - tail), level, values.Count, Math.Sqrt(variance));
    }

    /// <summary>Linear-interpolated quantile of sorted values.</summary>
    internal static double Quantile(List<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}

/// <summary>A point estimate with a confidence interval.</summary>
/// <param name="Estimate">The value on the full data.</param>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Confidence level, e.g. 0.95.</param>
/// <param name="Resamples">Bootstrap resamples that gave a value.</param>
/// <param name="StandardError">Standard deviation of the resampled values.</param>
internal sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Level, int Resamples, double StandardError);
