using Kizuki.Features.History;

namespace Kizuki.Lifetime;

/// <summary>Two decline signals from practice, for one customer at an as-of instant.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="MonthlyOrders">Orders in the last four 30-day periods, latest first.</param>
/// <param name="FallingThreeMonths">Orders fell three periods in a row (each of the last three below the one before).</param>
/// <param name="OrdersLast90Days">Orders in the last 90 days.</param>
/// <param name="OrdersSamePeriodLastYear">Orders in the same 90 days a year (365 days) earlier.</param>
/// <param name="BelowHalfOfLastYear">Orders in the last 90 days below half of the same period last year (which had some).</param>
/// <remarks>
/// The second signal is the feature <c>orders_vs_last_year_90d</c> of the catalog below 0.5; the catalog's
/// <c>months_of_decline</c> counts falling spend, whereas <see cref="FallingThreeMonths"/> counts falling orders.
/// </remarks>
public sealed record DeclineSignal(string CustomerId, int[] MonthlyOrders, bool FallingThreeMonths, int OrdersLast90Days,
    int OrdersSamePeriodLastYear, bool BelowHalfOfLastYear)
{
    private const long Month = 30 * Millis.Day;

    /// <summary>The signals of one customer at <paramref name="asOf"/>.</summary>
    public static DeclineSignal Of(CustomerOrders orders, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var until = Millis.Of(asOf);
        var months = Enumerable.Range(0, 4).Select(k => orders.CountBetween(until - ((k + 1) * Month), until - (k * Month))).ToArray();
        var falling = months[0] < months[1] && months[1] < months[2] && months[2] < months[3];
        var recent = orders.CountBetween(until - (90 * Millis.Day), until);
        var yearAgo = until - (365 * Millis.Day);
        var lastYear = orders.CountBetween(yearAgo - (90 * Millis.Day), yearAgo);
        return new DeclineSignal(orders.CustomerId, months, falling, recent, lastYear, lastYear > 0 && recent < 0.5 * lastYear);
    }
}
