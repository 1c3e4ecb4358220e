namespace Kizuki.Alerts;

/// <summary>What a set of rules would have done over past days.</summary>
/// <param name="AsOf">The newest day evaluated ("now").</param>
/// <param name="Days">The instants evaluated, newest first: <c>AsOf</c>, one day before, ...</param>
/// <param name="Rules">Per rule, in the order written.</param>
/// <param name="ModelVersion">The model whose probabilities were used, or null when no rule needed one.</param>
/// <param name="TopReasonUnknown">True when a rule reads <c>top_reason</c> but the model came without an explainer, so it could not be computed (such comparisons are false).</param>
/// <param name="FeaturesEvaluated">How many features were computed per customer and day (only those the rules and eligibility need, when no model is used).</param>
/// <param name="Evaluations">Customer-days evaluated.</param>
internal sealed record RuleDryRunResult(
    DateTimeOffset AsOf,
    IReadOnlyList<DateTimeOffset> Days,
    IReadOnlyList<RuleDryRunRule> Rules,
    int? ModelVersion,
    bool TopReasonUnknown,
    int FeaturesEvaluated,
    long Evaluations)
{
    /// <summary>
    /// Customer-days whose top reason was computed (exact contributions of one row): only where a rule's outcome depended
    /// on it, and the score was in the band the live scorer explains.
    /// </summary>
    public long Explained { get; init; }
}

/// <summary>One rule's dry run.</summary>
/// <param name="Name">The rule.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="HitsNow">Customers whose facts match now, in id order, with their churn probability (NaN when none).</param>
/// <param name="Matches">Customers matching on each day, newest first (same order as <see cref="RuleDryRunResult.Days"/>).</param>
/// <param name="Fired">Alerts that would have fired on each day with the rule's cool-down applied from the oldest day on.</param>
internal sealed record RuleDryRunRule(
    string Name,
    AlertSeverity Severity,
    IReadOnlyList<(string CustomerId, double Probability)> HitsNow,
    IReadOnlyList<int> Matches,
    IReadOnlyList<int> Fired);
