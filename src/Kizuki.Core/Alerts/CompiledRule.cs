namespace Kizuki.Alerts;

/// <summary>A validated rule with its condition compiled to a delegate; cheap to call per event.</summary>
/// <param name="Definition">The rule as written.</param>
/// <param name="Matches">True when the rule's condition holds for the facts.</param>
/// <param name="Features">The catalog features the condition reads (real names, aliases resolved).</param>
/// <param name="UsesProbability">Whether it reads the churn probability or its changes (a model is needed).</param>
/// <param name="UsesProbabilityChange">Whether it reads the change since yesterday or last week (past scores are needed).</param>
/// <param name="UsesTopReason">Whether it reads <c>top_reason</c> (explanations are needed).</param>
internal sealed record CompiledRule(
    RuleDefinition Definition,
    Func<RuleFacts, bool> Matches,
    IReadOnlyList<string> Features,
    bool UsesProbability,
    bool UsesProbabilityChange,
    bool UsesTopReason)
{
    /// <summary>The rule's name.</summary>
    public string Name => Definition.Name;
}

/// <summary>Rules compiled against one feature catalog, in the order written.</summary>
/// <param name="Rules">The rules.</param>
internal sealed record RuleSet(IReadOnlyList<CompiledRule> Rules)
{
    /// <summary>Every feature any rule reads, each once, in first-use order.</summary>
    public IReadOnlyList<string> Features { get; } = [.. Rules.SelectMany(r => r.Features).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether any rule needs a churn probability.</summary>
    public bool UsesProbability => Rules.Any(r => r.UsesProbability);

    /// <summary>Whether any rule needs past probabilities.</summary>
    public bool UsesProbabilityChange => Rules.Any(r => r.UsesProbabilityChange);

    /// <summary>Whether any rule needs the top reason.</summary>
    public bool UsesTopReason => Rules.Any(r => r.UsesTopReason);
}
