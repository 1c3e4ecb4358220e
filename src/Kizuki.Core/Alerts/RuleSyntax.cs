namespace Kizuki.Alerts;

/// <summary>A condition of a rule as written, before names are resolved.</summary>
internal abstract record RuleCondition(int Line, int Column);

/// <summary><c>left op right</c>, each side a name or a literal.</summary>
internal sealed record ComparisonCondition(RuleToken Left, string Operator, RuleToken Right, int Line, int Column)
    : RuleCondition(Line, Column);

/// <summary><c>a and b</c>.</summary>
internal sealed record AndCondition(RuleCondition Left, RuleCondition Right, int Line, int Column) : RuleCondition(Line, Column);

/// <summary><c>a or b</c>.</summary>
internal sealed record OrCondition(RuleCondition Left, RuleCondition Right, int Line, int Column) : RuleCondition(Line, Column);

/// <summary><c>not a</c>.</summary>
internal sealed record NotCondition(RuleCondition Operand, int Line, int Column) : RuleCondition(Line, Column);

/// <summary>How urgent an alert is.</summary>
public enum AlertSeverity
{
    /// <summary>低 / low.</summary>
    Low,
    /// <summary>中 / medium.</summary>
    Medium,
    /// <summary>高 / high.</summary>
    High,
    /// <summary>緊急 / critical.</summary>
    Critical,
}

/// <summary>One rule as written: name, condition and what to do when it holds.</summary>
/// <param name="Name">The rule's name, unique within a rule set.</param>
/// <param name="Condition">When it fires.</param>
/// <param name="Severity">How urgent its alerts are.</param>
/// <param name="CooldownDays">Days after an alert in which the same rule stays quiet for the same customer.</param>
/// <param name="FollowUp">Whether a warm follow-up message is sent automatically when it fires.</param>
/// <param name="HoldoutShare">Share of customers (0 to 0.5) held out as a control: alerted but never sent a follow-up.</param>
/// <param name="Source">The file or settings entry it came from.</param>
/// <param name="Line">The line of its <c>rule</c> keyword.</param>
internal sealed record RuleDefinition(
    string Name,
    RuleCondition Condition,
    AlertSeverity Severity,
    double CooldownDays,
    bool FollowUp,
    double HoldoutShare,
    string Source,
    int Line);
