using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Lifetime;

/// <summary>One customer's completed orders, oldest first: what RFM, CPM and the purchase models read.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Times">Order instants (ms since the epoch, UTC), ascending.</param>
/// <param name="Amounts">Order amounts, parallel to <paramref name="Times"/>.</param>
public sealed record CustomerOrders(string CustomerId, long[] Times, double[] Amounts)
{
    /// <summary>Every customer's completed orders strictly before <paramref name="until"/>, in customer id order; customers without any are left out.</summary>
    /// <remarks>Reads through the batch history reader, in parallel on the embedded SQLite store.</remarks>
    public static IReadOnlyList<CustomerOrders> Read(IStore store, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(store);
        var context = new FeatureContext(new FeatureSettings());
        var parts = HistoryReader.ReadPartitioned(store, context, Millis.Of(until), histories =>
        {
            var list = new List<CustomerOrders>();
            foreach (var history in histories)
            {
                if (From(history) is { } orders)
                {
                    list.Add(orders);
                }
            }

            return list;
        });
        return parts.SelectMany(p => p).ToArray();
    }

    /// <summary>The completed orders of a history; null when it has none.</summary>
    public static CustomerOrders? From(CustomerHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var all = history.Orders.All;
        var count = 0;
        foreach (var o in all)
        {
            count += o.Status == OrderStatus.Completed ? 1 : 0;
        }

        if (count == 0)
        {
            return null;
        }

        var times = new long[count];
        var amounts = new double[count];
        var i = 0;
        foreach (var o in all)
        {
            if (o.Status == OrderStatus.Completed)
            {
                times[i] = o.Time;
                amounts[i++] = o.Amount;
            }
        }

        return new CustomerOrders(history.CustomerId, times, amounts);
    }

    /// <summary>Number of orders strictly before <paramref name="until"/> (ms).</summary>
    public int CountBefore(long until)
    {
        var index = Array.BinarySearch(Times, until);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && Times[index - 1] == until)
        {
            index--;
        }

        return index;
    }

    /// <summary>Orders in [from, to) (ms).</summary>
    public int CountBetween(long from, long to) => Math.Max(0, CountBefore(to) - CountBefore(from));

    /// <summary>The lifetime-model summary at <paramref name="asOf"/> (orders strictly before it; days in <paramref name="zone"/>); null before the first order.</summary>
    public CustomerSummary? Summarise(DateTimeOffset asOf, TimeZoneInfo zone, TimePeriod period)
    {
        var until = Millis.Of(asOf);
        var n = CountBefore(until);
        if (n == 0)
        {
            return null;
        }

        var days = new int[n];
        for (var i = 0; i < n; i++)
        {
            days[i] = LocalDay(Times[i], zone);
        }

        var amounts = Amounts.AsSpan(0, n).ToArray();
        return CustomerSummaries.Summarise(CustomerId, days, amounts, LastDay(asOf, zone).DayNumber, TimePeriods.DaysPer(period));
    }

    /// <summary>The last local day a calibration ending (exclusively) at <paramref name="asOf"/> covers.</summary>
    public static DateOnly LastDay(DateTimeOffset asOf, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf.AddTicks(-1), zone).DateTime);

    private static int LocalDay(long time, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Millis.ToInstant(time), zone).DateTime).DayNumber;
}
