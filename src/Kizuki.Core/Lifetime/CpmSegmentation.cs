using Kizuki.Features.History;

namespace Kizuki.Lifetime;

/// <summary>One customer's CPM segment at an as-of instant and the numbers behind it.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Orders">Orders before the as-of instant.</param>
/// <param name="TotalSpend">Total spend before the as-of instant.</param>
/// <param name="TenureDays">Days from the first to the latest order.</param>
/// <param name="DaysSinceLastOrder">Days from the latest order to the as-of instant.</param>
/// <param name="Segment">The segment.</param>
public readonly record struct CpmAssignment(string CustomerId, int Orders, double TotalSpend, double TenureDays, double DaysSinceLastOrder, CpmSegment Segment);

/// <summary>Assigns CPM segments: purchase count, total spend, tenure and days since the last purchase against the settings.</summary>
public static class CpmSegmentation
{
    /// <summary>The CPM segment of every customer with an order before <paramref name="asOf"/>, in input order.</summary>
    public static IReadOnlyList<CpmAssignment> Assign(IReadOnlyList<CustomerOrders> customers, DateTimeOffset asOf, CpmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var until = Millis.Of(asOf);
        var result = new List<CpmAssignment>(customers.Count);
        foreach (var c in customers)
        {
            var n = c.CountBefore(until);
            if (n == 0)
            {
                continue;
            }

            var spend = 0.0;
            for (var i = 0; i < n; i++)
            {
                spend += c.Amounts[i];
            }

            var tenure = (c.Times[n - 1] - c.Times[0]) / (double)Millis.Day;
            var silent = (until - c.Times[n - 1]) / (double)Millis.Day;
            result.Add(new CpmAssignment(c.CustomerId, n, spend, tenure, silent, SegmentOf(n, spend, tenure, silent, settings)));
        }

        return result;
    }

    /// <summary>The segment for the given numbers.</summary>
    public static CpmSegment SegmentOf(int orders, double totalSpend, double tenureDays, double daysSinceLastOrder, CpmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var core = orders <= 1
            ? CpmSegment.FirstTime
            : (totalSpend >= settings.SpendThreshold, tenureDays >= settings.TenureDays) switch
            {
                (true, true) => CpmSegment.Loyal,
                (true, false) => CpmSegment.Trendy,
                (false, true) => CpmSegment.Steady,
                _ => CpmSegment.Toddler,
            };
        return daysSinceLastOrder > settings.LapseDays ? core + 5 : core;
    }
}
