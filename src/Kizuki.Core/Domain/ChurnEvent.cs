namespace Kizuki.Domain;

/// <summary>A recorded cancellation, for businesses that record churn outside subscriptions.</summary>
/// <param name="Id">Source id; unique.</param>
/// <param name="CustomerId">Who left.</param>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="Reason">Reason given, if any.</param>
/// <param name="Competitor">Competitor the customer left for, if known.</param>
public sealed record ChurnEvent(
    string Id,
    string CustomerId,
    DateTimeOffset OccurredAt,
    string? Reason,
    string? Competitor);
