namespace Kizuki.Storage;

/// <summary>One customer's churn score as stored: enough to reproduce it (model version, as-of instant, feature values).</summary>
/// <param name="CustomerId">The customer scored.</param>
/// <param name="AsOf">The as-of instant: the features used only events strictly before it.</param>
/// <param name="ModelVersion">The registry version of the model that scored.</param>
/// <param name="Probability">The calibrated churn probability, 0 to 1.</param>
/// <param name="Band">The risk band the probability falls in under the scoring settings of the run.</param>
/// <param name="RevenueAtRisk">Probability × the revenue the customer brings (recurring or recent spend), in the data's currency.</param>
/// <param name="Features">
/// The model's input by feature name: a <see cref="double"/> for a numeric feature, a <see cref="string"/> for a category,
/// null when unknown (NaN is stored as null).
/// </param>
/// <param name="ScoredAt">When the score was computed (from the injected clock).</param>
public sealed record StoredScore(
    string CustomerId,
    DateTimeOffset AsOf,
    int ModelVersion,
    double Probability,
    RiskBand Band,
    decimal RevenueAtRisk,
    IReadOnlyDictionary<string, object?> Features,
    DateTimeOffset ScoredAt)
{
    /// <summary>
    /// Why the score is what it is, as JSON: the top factors raising and lowering the risk with their sentences, and the
    /// suggested action (see <c>Kizuki.Explanations.ReasonsJson</c>); null when the score was stored without reasons.
    /// </summary>
    public string? Reasons { get; init; }
}

/// <summary>How urgent a customer's churn risk is; the thresholds live in the scoring settings.</summary>
public enum RiskBand
{
    /// <summary>Below the medium threshold.</summary>
    Low,
    /// <summary>At or above the medium threshold, below the high one.</summary>
    Medium,
    /// <summary>At or above the high threshold.</summary>
    High,
}
