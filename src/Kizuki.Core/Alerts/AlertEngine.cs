namespace Kizuki.Alerts;

/// <summary>Evaluates compiled rules on one customer's facts and fires alerts, honouring cool-down and de-duplication.</summary>
/// <remarks>
/// Made to be called by the live scorer once per event: evaluation reads the facts' arrays in place and allocates only
/// for the alerts it returns. A rule that holds again inside its cool-down for the same customer stays quiet.
/// </remarks>
internal sealed class AlertEngine(RuleSet rules, IAlertStateStore state)
{
    /// <summary>The rules.</summary>
    public RuleSet Rules { get; } = rules ?? throw new ArgumentNullException(nameof(rules));

    /// <summary>The alerts that fire for <paramref name="facts"/> at <paramref name="at"/>; empty when none.</summary>
    public IReadOnlyList<Alert> Evaluate(RuleFacts facts, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        List<Alert>? fired = null;
        foreach (var rule in Rules.Rules)
        {
            if (!rule.Matches(facts))
            {
                continue;
            }

            var definition = rule.Definition;
            if (!state.TryFire(rule.Name, facts.CustomerId, at, TimeSpan.FromDays(definition.CooldownDays)))
            {
                continue;
            }

            fired ??= [];
            fired.Add(new Alert(rule.Name, facts.CustomerId, definition.Severity, at, facts.ChurnProbability, facts.TopReason,
                definition.FollowUp, ControlHoldout.IsControl(rule.Name, facts.CustomerId, definition.HoldoutShare)));
        }

        return fired ?? (IReadOnlyList<Alert>)[];
    }
}
