namespace Kizuki.Modeling.Evaluation;

/// <summary>Predicted against observed churn, per bin of predicted probability.</summary>
internal static class CalibrationTable
{
    /// <summary>Equal-count bins by predicted probability (deciles for 10): rows sorted ascending, ties by row order.</summary>
    public static IReadOnlyList<CalibrationBin> ByQuantile(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> labels, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        BinaryMetrics.Check(probabilities, labels);
        var order = BinaryMetrics.Descending(probabilities);
        Array.Reverse(order);
        var n = order.Length;
        var result = new List<CalibrationBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            var start = (int)((long)n * b / bins);
            var end = (int)((long)n * (b + 1) / bins);
            if (end == start)
            {
                continue;
            }

            double lower = double.PositiveInfinity, upper = double.NegativeInfinity, sum = 0, churners = 0;
            for (var k = start; k < end; k++)
            {
                var p = probabilities[order[k]];
                lower = Math.Min(lower, p);
                upper = Math.Max(upper, p);
                sum += p;
                churners += labels[order[k]];
            }

            var count = end - start;
            result.Add(new CalibrationBin(lower, upper, count, (int)churners, sum / count, churners / count));
        }

        return result;
    }

    /// <summary>
    /// Bins by fixed risk bands: with edges e₁ &lt; … &lt; e_k the bands are [0, e₁), [e₁, e₂), …, [e_k, 1].
    /// Every band is listed; an empty one has count 0 and rates 0.
    /// </summary>
    public static IReadOnlyList<CalibrationBin> ByBands(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> labels, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        BinaryMetrics.Check(probabilities, labels);
        for (var e = 0; e < edges.Count; e++)
        {
            if (!(edges[e] > 0 && edges[e] < 1) || (e > 0 && !(edges[e] > edges[e - 1])))
            {
                throw new ArgumentOutOfRangeException(nameof(edges), edges[e], "Risk band edges must increase strictly within (0, 1).");
            }
        }

        var count = new int[edges.Count + 1];
        var sum = new double[edges.Count + 1];
        var churners = new int[edges.Count + 1];
        for (var i = 0; i < probabilities.Length; i++)
        {
            var band = 0;
            while (band < edges.Count && probabilities[i] >= edges[band])
            {
                band++;
            }

            count[band]++;
            sum[band] += probabilities[i];
            churners[band] += labels[i] == 1.0 ? 1 : 0;
        }

        var result = new List<CalibrationBin>(count.Length);
        for (var b = 0; b < count.Length; b++)
        {
            var lower = b == 0 ? 0.0 : edges[b - 1];
            var upper = b == edges.Count ? 1.0 : edges[b];
            var n = count[b];
            result.Add(new CalibrationBin(lower, upper, n, churners[b], n == 0 ? 0 : sum[b] / n, n == 0 ? 0 : (double)churners[b] / n));
        }

        return result;
    }

    /// <summary>The count-weighted mean of |predicted − observed| over bins.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<CalibrationBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        double total = 0, error = 0;
        foreach (var bin in bins)
        {
            total += bin.Count;
            error += bin.Count * Math.Abs(bin.MeanPredicted - bin.ObservedRate);
        }

        return total == 0 ? double.NaN : error / total;
    }
}

/// <summary>One row of a calibration table.</summary>
/// <param name="Lower">Lowest probability in the bin (quantile bins) or the band's lower edge (risk bands).</param>
/// <param name="Upper">Highest probability in the bin (quantile bins) or the band's upper edge (risk bands).</param>
/// <param name="Count">Rows in the bin.</param>
/// <param name="Churners">Rows with label 1.</param>
/// <param name="MeanPredicted">Mean predicted probability (0 when empty).</param>
/// <param name="ObservedRate">Churners / count (0 when empty).</param>
internal sealed record CalibrationBin(double Lower, double Upper, int Count, int Churners, double MeanPredicted, double ObservedRate);
