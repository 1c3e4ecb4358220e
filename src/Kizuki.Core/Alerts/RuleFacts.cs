using Kizuki.Domain;

namespace Kizuki.Alerts;

/// <summary>What rules read about one customer at one instant: features, churn probability, its changes, top reason, record.</summary>
/// <remarks>
/// The feature arrays are laid out like the catalog the rules were compiled against and are read, never copied, so a
/// live scorer can wrap its own buffers per event. Unknown numbers are NaN; every comparison with an unknown is false.
/// </remarks>
/// <param name="CustomerId">The customer.</param>
/// <param name="Numbers">Numeric features by catalog position (NaN = unknown).</param>
/// <param name="Categories">Categorical features by catalog position (null = unknown).</param>
public sealed record RuleFacts(string CustomerId, double[] Numbers, string?[] Categories)
{
    /// <summary>The churn probability now (NaN when not scored).</summary>
    public double ChurnProbability { get; init; } = double.NaN;

    /// <summary>The churn probability now minus a day ago (NaN when either is unknown).</summary>
    public double ChurnProbabilityChange1d { get; init; } = double.NaN;

    /// <summary>The churn probability now minus a week ago (NaN when either is unknown).</summary>
    public double ChurnProbabilityChange7d { get; init; } = double.NaN;

    /// <summary>The reason group that adds most to the churn probability, e.g. <c>logins</c> or <c>tickets</c>; null when unknown.</summary>
    public string? TopReason { get; init; }

    /// <summary>The customer record, for <c>attribute.*</c> (null when unknown).</summary>
    public Customer? Customer { get; init; }
}
