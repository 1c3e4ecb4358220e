namespace Kizuki.Explanations;

/// <summary>One feature's part in one customer's score.</summary>
/// <param name="Feature">The feature name, e.g. <c>logins_30d</c>.</param>
/// <param name="Group">The reason group key it belongs to, e.g. <c>logins</c>.</param>
/// <param name="Value">The customer's value: a double, a category string, or null when unknown.</param>
/// <param name="LogOdds">The contribution to the blended raw score, in log-odds.</param>
/// <param name="ProbabilityPoints">The contribution to the probability, in points (percentage points, ×100).</param>
internal sealed record FeatureContribution(string Feature, string Group, object? Value, double LogOdds, double ProbabilityPoints);

/// <summary>A reason: the sum over one reason group, with its leading feature and the sentences that say it.</summary>
/// <param name="Group">The reason group key.</param>
/// <param name="Feature">The feature of the group with the largest contribution in the reason's direction.</param>
/// <param name="LogOdds">The group's summed contribution, in log-odds.</param>
/// <param name="ProbabilityPoints">The group's summed contribution, in probability points.</param>
/// <param name="SentenceJa">What it means in Japanese, with the real numbers.</param>
/// <param name="SentenceEn">What it means in English, with the real numbers.</param>
internal sealed record Reason(string Group, string Feature, double LogOdds, double ProbabilityPoints, string SentenceJa, string SentenceEn)
{
    /// <summary>The sentence in a language (<c>ja</c> or <c>en</c>).</summary>
    public string Sentence(string language) => language == "en" ? SentenceEn : SentenceJa;
}

/// <summary>The suggested next step for a customer, from the playbook entry of the dominant raising reason.</summary>
/// <param name="Group">The playbook key it came from (a reason group, or <c>default</c>).</param>
/// <param name="Ja">The action in Japanese.</param>
/// <param name="En">The action in English.</param>
internal sealed record SuggestedAction(string Group, string Ja, string En)
{
    /// <summary>The action in a language (<c>ja</c> or <c>en</c>).</summary>
    public string Text(string language) => language == "en" ? En : Ja;
}

/// <summary>A customer's top reasons and the suggested action: what scoring stores with each score.</summary>
/// <param name="Raising">The top reasons raising the risk, largest first.</param>
/// <param name="Lowering">The top reasons lowering the risk, largest first.</param>
/// <param name="Action">The suggested action, or null when nothing raises the risk.</param>
internal sealed record CustomerReasons(IReadOnlyList<Reason> Raising, IReadOnlyList<Reason> Lowering, SuggestedAction? Action);

/// <summary>Why one customer's churn risk is what it is: every contribution, the grouped reasons and the action.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="AsOf">The as-of instant of the features.</param>
/// <param name="BaseValue">The model's base value (log-odds): the expected raw score.</param>
/// <param name="RawScore">The customer's blended raw score; equals <paramref name="BaseValue"/> + Σ contributions.</param>
/// <param name="BaseProbability">The calibrated probability at the base value.</param>
/// <param name="Probability">The customer's calibrated probability; equals <paramref name="BaseProbability"/> + Σ points / 100.</param>
/// <param name="Contributions">Every feature's contribution, in model column order.</param>
/// <param name="Reasons">The top reasons and the suggested action.</param>
internal sealed record CustomerExplanation(
    string CustomerId,
    DateTimeOffset AsOf,
    double BaseValue,
    double RawScore,
    double BaseProbability,
    double Probability,
    IReadOnlyList<FeatureContribution> Contributions,
    CustomerReasons Reasons)
{
    /// <summary>The contributions summed by reason group, largest absolute log-odds first.</summary>
    public IReadOnlyList<GroupContribution> Groups() =>
    [
        .. Contributions
            .GroupBy(c => c.Group, StringComparer.Ordinal)
            .Select(g => new GroupContribution(g.Key, g.Sum(c => c.LogOdds), g.Sum(c => c.ProbabilityPoints)))
            .OrderByDescending(g => Math.Abs(g.LogOdds))
            .ThenBy(g => g.Group, StringComparer.Ordinal),
    ];
}

/// <summary>The summed contribution of one reason group.</summary>
internal sealed record GroupContribution(string Group, double LogOdds, double ProbabilityPoints);
