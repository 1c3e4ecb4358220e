using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Features.Builtin;

/// <summary>Purchase signals: recency, frequency and spend over windows, their trends, regularity and returns.</summary>
/// <remarks>
/// Only completed orders count as purchases; cancelled and returned orders are counted separately. "Months" are
/// 30-day periods counted back from the as-of instant, so every value is the same in any time zone.
/// </remarks>
internal sealed partial class PurchaseFeatures : IFeatureGroup
{
    private const int SeriesMonths = 13;

    public IReadOnlyList<FeatureDefinition> Definitions => All;

    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        var orders = history.Orders.Before(asOf);
        Span<double> monthly = stackalloc double[SeriesMonths];
        monthly.Clear();
        int orders30 = 0, orders90 = 0, orders180 = 0, orders365 = 0, ordersPrior90 = 0, ordersLastYear90 = 0;
        double spend30 = 0, spend90 = 0, spend180 = 0, spend365 = 0, spendPrior90 = 0;
        int returned180 = 0, cancelled180 = 0, recurring180 = 0;
        long lastOrder = long.MinValue, previous = long.MinValue, gapSum = 0;
        var gaps = 0;
        foreach (ref readonly var order in orders)
        {
            var age = asOf - order.Time;
            if (age <= 180 * Millis.Day)
            {
                returned180 += order.Status == OrderStatus.Returned ? 1 : 0;
                cancelled180 += order.Status == OrderStatus.Cancelled ? 1 : 0;
            }

            if (order.Status != OrderStatus.Completed)
            {
                continue;
            }

            if (age <= 365 * Millis.Day && previous != long.MinValue && asOf - previous <= 365 * Millis.Day)
            {
                gapSum += order.Time - previous;
                gaps++;
            }

            previous = order.Time;
            lastOrder = order.Time;
            var month = (int)((age - 1) / (30 * Millis.Day));
            if (month < SeriesMonths)
            {
                monthly[month] += order.Amount;
            }

            if (age <= 30 * Millis.Day) { orders30++; spend30 += order.Amount; }
            if (age <= 90 * Millis.Day) { orders90++; spend90 += order.Amount; }
            else if (age <= 180 * Millis.Day) { ordersPrior90++; spendPrior90 += order.Amount; }
            if (age <= 180 * Millis.Day) { orders180++; spend180 += order.Amount; recurring180 += order.IsRecurring ? 1 : 0; }
            if (age <= 365 * Millis.Day) { orders365++; spend365 += order.Amount; }
            else if (age <= 455 * Millis.Day) { ordersLastYear90++; }
        }

        var daysSince = lastOrder == long.MinValue ? double.NaN : (asOf - lastOrder) / (double)Millis.Day;
        var meanGap = gaps == 0 ? double.NaN : gapSum / (double)gaps / Millis.Day;
        var i = 0;
        output.Set(i++, daysSince);
        output.Set(i++, orders30);
        output.Set(i++, orders90);
        output.Set(i++, orders180);
        output.Set(i++, orders365);
        output.Set(i++, spend30);
        output.Set(i++, spend90);
        output.Set(i++, spend180);
        output.Set(i++, spend365);
        output.Set(i++, Change(spend90, spendPrior90));
        output.Set(i++, Change(orders90, ordersPrior90));
        output.Set(i++, Change(monthly[0], monthly[1]));
        output.Set(i++, MonthsOfDecline(monthly));
        output.Set(i++, ordersLastYear90 == 0 ? double.NaN : orders90 / (double)ordersLastYear90);
        output.Set(i++, Mean(monthly[..6]));
        output.Set(i++, StandardDeviation(monthly[..6]));
        output.Set(i++, meanGap);
        // Orders at the same instant give a zero mean gap: the ratio is then unknown, not infinite.
        output.Set(i++, meanGap > 0 ? daysSince / meanGap : double.NaN);
        output.Set(i++, returned180);
        output.Set(i++, cancelled180);
        output.Set(i, orders180 == 0 ? double.NaN : recurring180 / (double)orders180);
    }

    /// <summary>Relative change from <paramref name="before"/> to <paramref name="now"/>; NaN when there was nothing before.</summary>
    private static double Change(double now, double before) => before == 0 ? double.NaN : (now - before) / before;

    /// <summary>Consecutive 30-day periods, counted back from the latest, in which spend fell below the period before.</summary>
    private static double MonthsOfDecline(ReadOnlySpan<double> monthly)
    {
        var months = 0;
        while (months + 1 < monthly.Length && monthly[months] < monthly[months + 1])
        {
            months++;
        }

        return months;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static double StandardDeviation(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        double sum = 0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / values.Length);
    }
}
