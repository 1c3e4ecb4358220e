namespace Kizuki.Domain;

/// <summary>A subscription or contract: a recurring relationship with a renewal date.</summary>
/// <param name="Id">Source id; unique.</param>
/// <param name="CustomerId">The subscriber.</param>
/// <param name="Plan">Plan name.</param>
/// <param name="StartedAt">Start of the contract (UTC).</param>
/// <param name="RenewsAt">Next renewal date, if the contract is running.</param>
/// <param name="EndedAt">End or cancellation time; null while the contract runs.</param>
/// <param name="RecurringAmount">Amount billed each cycle.</param>
/// <param name="BillingCycleMonths">Months per billing cycle (1 monthly, 12 annual).</param>
/// <param name="Seats">Licensed seats (1 for consumer subscriptions).</param>
/// <param name="CancellationReason">Why the customer cancelled, if they did and said.</param>
/// <param name="Competitor">The competitor the customer left for, if known.</param>
public sealed record Subscription(
    string Id,
    string CustomerId,
    string Plan,
    DateTimeOffset StartedAt,
    DateTimeOffset? RenewsAt,
    DateTimeOffset? EndedAt,
    Money RecurringAmount,
    int BillingCycleMonths,
    int Seats,
    string? CancellationReason,
    string? Competitor)
{
    /// <summary>Whether the contract is running at <paramref name="asOf"/>.</summary>
    public bool IsActiveAt(DateTimeOffset asOf) => StartedAt < asOf && (EndedAt is null || EndedAt >= asOf);
}
