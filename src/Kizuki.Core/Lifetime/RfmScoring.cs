using Kizuki.Features.History;

namespace Kizuki.Lifetime;

/// <summary>One customer's RFM scores and segment at an as-of instant.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="RecencyDays">Days from the last order to the as-of instant.</param>
/// <param name="Frequency">Orders in the look-back window.</param>
/// <param name="Monetary">Spend in the look-back window.</param>
/// <param name="R">Recency score 1–5 (5 = most recent).</param>
/// <param name="F">Frequency score 1–5.</param>
/// <param name="M">Monetary score 1–5.</param>
/// <param name="Segment">The named segment.</param>
public readonly record struct RfmScore(string CustomerId, double RecencyDays, int Frequency, double Monetary, int R, int F, int M, RfmSegment Segment);

/// <summary>Scores customers on recency, frequency and monetary value and names their segment.</summary>
public static class RfmScoring
{
    /// <summary>RFM scores of every customer with an order before <paramref name="asOf"/>, in input order.</summary>
    public static IReadOnlyList<RfmScore> Score(IReadOnlyList<CustomerOrders> customers, DateTimeOffset asOf, RfmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var until = Millis.Of(asOf);
        var from = until - (settings.LookbackDays * Millis.Day);
        var rows = new List<(CustomerOrders C, double Days, int F, double M)>();
        foreach (var c in customers)
        {
            var n = c.CountBefore(until);
            if (n == 0)
            {
                continue;
            }

            var first = c.CountBefore(from);
            var spend = 0.0;
            for (var i = first; i < n; i++)
            {
                spend += c.Amounts[i];
            }

            rows.Add((c, (until - c.Times[n - 1]) / (double)Millis.Day, n - first, spend));
        }

        var r = Scores(rows.Select(x => -x.Days).ToArray(), settings.RecencyDays?.Select(d => -d).Reverse().ToArray(), inclusiveHigh: true);
        var f = Scores(rows.Select(x => (double)x.F).ToArray(), settings.Frequency, inclusiveHigh: true);
        var m = Scores(rows.Select(x => x.M).ToArray(), settings.Monetary, inclusiveHigh: true);
        return rows.Select((x, i) => new RfmScore(x.C.CustomerId, x.Days, x.F, x.M, r[i], f[i], m[i], SegmentOf(r[i], f[i], m[i]))).ToArray();
    }

    /// <summary>The named segment of a score triple.</summary>
    public static RfmSegment SegmentOf(int r, int f, int m) => (r, f, m) switch
    {
        ( >= 4, >= 4, >= 4) => RfmSegment.Champions,
        ( >= 3, >= 4, _) => RfmSegment.Loyal,
        ( >= 4, <= 1, _) => RfmSegment.NewCustomers,
        ( >= 4, _, _) => RfmSegment.Promising,
        ( <= 2, >= 3, _) => RfmSegment.AtRisk,
        ( <= 1, _, _) => RfmSegment.Lost,
        ( <= 2, _, _) => RfmSegment.Hibernating,
        _ => RfmSegment.NeedsAttention,
    };

    /// <summary>Scores 1–5 (higher value = higher score): by fixed thresholds, or by quintile with ties sharing the lower score.</summary>
    internal static int[] Scores(double[] values, double[]? thresholds, bool inclusiveHigh)
    {
        var scores = new int[values.Length];
        if (thresholds is not null)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var s = 1;
                foreach (var t in thresholds)
                {
                    s += inclusiveHigh ? (values[i] >= t ? 1 : 0) : (values[i] > t ? 1 : 0);
                }

                scores[i] = s;
            }

            return scores;
        }

        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(values.ToArray(), order);
        var n = values.Length;
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var score = 1 + (int)Math.Floor(5.0 * start / n);
            for (var k = start; k <= end; k++)
            {
                scores[order[k]] = Math.Min(5, score);
            }

            start = end + 1;
        }

        return scores;
    }
}
