namespace Kizuki.Lifetime;

/// <summary>Builds <see cref="CustomerSummary"/> rows (frequency, recency, age) from raw purchases at a calibration end.</summary>
/// <remarks>
/// The work is linear in the number of purchases: customers are numbered by a hash map, purchases bucketed per
/// customer by a counting sort, and each customer's few days sorted in place. Purchases after the calibration's
/// last day are ignored; a customer whose first purchase comes after it has no summary.
/// </remarks>
public static class CustomerSummaries
{
    /// <summary>Summaries of every customer with a purchase on or before <paramref name="lastDay"/>, in order of first appearance.</summary>
    /// <param name="purchases">Purchases in any order.</param>
    /// <param name="lastDay">The last day of the calibration period (inclusive).</param>
    /// <param name="period">Time unit of recency and age.</param>
    public static IReadOnlyList<CustomerSummary> FromPurchases(IReadOnlyList<Purchase> purchases, DateOnly lastDay, TimePeriod period)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var owner = new int[purchases.Count];
        for (var i = 0; i < purchases.Count; i++)
        {
            var id = purchases[i].CustomerId;
            if (!ids.TryGetValue(id, out var index))
            {
                index = names.Count;
                ids.Add(id, index);
                names.Add(id);
            }

            owner[i] = index;
        }

        // Counting sort of purchase positions by customer.
        var start = new int[names.Count + 1];
        foreach (var o in owner)
        {
            start[o + 1]++;
        }

        for (var c = 0; c < names.Count; c++)
        {
            start[c + 1] += start[c];
        }

        var fill = (int[])start.Clone();
        var days = new int[purchases.Count];
        var amounts = new double[purchases.Count];
        for (var i = 0; i < purchases.Count; i++)
        {
            var at = fill[owner[i]]++;
            days[at] = purchases[i].Day.DayNumber;
            amounts[at] = purchases[i].Amount;
        }

        var result = new List<CustomerSummary>(names.Count);
        var last = lastDay.DayNumber;
        var unit = TimePeriods.DaysPer(period);
        for (var c = 0; c < names.Count; c++)
        {
            var from = start[c];
            var length = start[c + 1] - from;
            if (Summarise(names[c], days.AsSpan(from, length), amounts.AsSpan(from, length), last, unit) is { } summary)
            {
                result.Add(summary);
            }
        }

        return result;
    }

    /// <summary>One customer's summary from their purchase days and amounts (any order; sorted in place); null when none is on or before the last day.</summary>
    internal static CustomerSummary? Summarise(string customerId, Span<int> days, Span<double> amounts, int lastDay, double unit)
    {
        if (!IsSorted(days))
        {
            days.Sort(amounts);
        }

        var first = int.MaxValue;
        var previous = int.MinValue;
        var repeats = 0;
        var repeatSpend = 0.0;
        for (var i = 0; i < days.Length && days[i] <= lastDay; i++)
        {
            var day = days[i];
            if (first == int.MaxValue)
            {
                first = day;
            }
            else if (day != first)
            {
                repeatSpend += amounts[i];
                if (day != previous)
                {
                    repeats++;
                }
            }

            previous = day;
        }

        if (first == int.MaxValue)
        {
            return null;
        }

        var recency = repeats == 0 ? 0 : (previous - first) / unit;
        return new CustomerSummary(customerId, repeats, recency, (lastDay - first) / unit,
            repeats == 0 ? 0 : repeatSpend / repeats, DateOnly.FromDayNumber(first));
    }

    private static bool IsSorted(ReadOnlySpan<int> days)
    {
        for (var i = 1; i < days.Length; i++)
        {
            if (days[i] < days[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
