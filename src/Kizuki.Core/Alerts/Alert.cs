namespace Kizuki.Alerts;

/// <summary>A rule that fired for a customer.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="FiredAt">The instant of the facts that made it fire.</param>
/// <param name="ChurnProbability">The churn probability then (NaN when not scored).</param>
/// <param name="TopReason">The top reason group then, if known.</param>
/// <param name="FollowUp">Whether the rule asks for a warm follow-up.</param>
/// <param name="IsControl">True when the customer falls in the rule's control hold-out: alert staff, but send no follow-up.</param>
public sealed record Alert(
    string Rule,
    string CustomerId,
    AlertSeverity Severity,
    DateTimeOffset FiredAt,
    double ChurnProbability,
    string? TopReason,
    bool FollowUp,
    bool IsControl);
