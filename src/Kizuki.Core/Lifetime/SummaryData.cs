namespace Kizuki.Lifetime;

/// <summary>Summaries folded into distinct (x, t_x, T) rows with counts, grouped by x: what the likelihoods loop over.</summary>
/// <remarks>Terms that depend only on x and the parameters are computed once per distinct x per evaluation.</remarks>
internal sealed class SummaryData
{
    private SummaryData(int[] frequencies, int[] groupStart, double[] recency, double[] age, double[] weight, int customers, int repeaters)
    {
        Frequencies = frequencies;
        GroupStart = groupStart;
        Recency = recency;
        Age = age;
        Weight = weight;
        Customers = customers;
        Repeaters = repeaters;
    }

    /// <summary>The distinct frequencies, ascending.</summary>
    public int[] Frequencies { get; }

    /// <summary>Rows of frequency <c>Frequencies[g]</c> are <c>GroupStart[g]</c> .. <c>GroupStart[g + 1]</c>.</summary>
    public int[] GroupStart { get; }

    /// <summary>Customers in each frequency group.</summary>
    public double[] GroupWeight => _groupWeight ??= Enumerable.Range(0, Frequencies.Length)
        .Select(g => Weight.AsSpan(GroupStart[g], GroupStart[g + 1] - GroupStart[g]).ToArray().Sum()).ToArray();

    private double[]? _groupWeight;

    /// <summary>t_x of each row.</summary>
    public double[] Recency { get; }

    /// <summary>T of each row.</summary>
    public double[] Age { get; }

    /// <summary>How many customers share the row.</summary>
    public double[] Weight { get; }

    /// <summary>Number of customers.</summary>
    public int Customers { get; }

    /// <summary>Customers with at least one repeat transaction.</summary>
    public int Repeaters { get; }

    /// <summary>Folds the summaries; throws naming the customer when a summary is impossible (negative, or recency beyond age).</summary>
    public static SummaryData From(IReadOnlyList<CustomerSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var counts = new Dictionary<(int X, double Tx, double T), int>();
        var repeaters = 0;
        foreach (var s in summaries)
        {
            if (s.Frequency < 0 || !(s.Recency >= 0) || !(s.Age >= s.Recency) || !double.IsFinite(s.Age)
                || (s.Frequency == 0 && s.Recency != 0))
            {
                throw new ArgumentException(
                    $"顧客 {s.CustomerId} の要約が不正です（x={s.Frequency}, t_x={s.Recency}, T={s.Age}）。0 ≤ t_x ≤ T、x = 0 なら t_x = 0 が必要です。 / " +
                    $"customer {s.CustomerId}: impossible summary x={s.Frequency}, t_x={s.Recency}, T={s.Age}; expected 0 ≤ t_x ≤ T and t_x = 0 when x = 0.",
                    nameof(summaries));
            }

            repeaters += s.Frequency > 0 ? 1 : 0;
            var key = (s.Frequency, s.Recency, s.Age);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var rows = counts.OrderBy(p => p.Key.X).ThenBy(p => p.Key.Tx).ThenBy(p => p.Key.T).ToArray();
        var frequencies = new List<int>();
        var starts = new List<int>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (i == 0 || rows[i].Key.X != rows[i - 1].Key.X)
            {
                frequencies.Add(rows[i].Key.X);
                starts.Add(i);
            }
        }

        starts.Add(rows.Length);
        return new SummaryData(
            [.. frequencies], [.. starts],
            rows.Select(r => r.Key.Tx).ToArray(), rows.Select(r => r.Key.T).ToArray(), rows.Select(r => (double)r.Value).ToArray(),
            summaries.Count, repeaters);
    }
}
