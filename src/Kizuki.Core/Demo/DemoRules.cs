using Kizuki.Configuration;

namespace Kizuki.Demo;

/// <summary>
/// The alert rules <c>kizuki demo --live</c> writes into a demo's settings when it has none: a few rules that show the
/// rule language (features, the probability and its change, the top reason, cool-down, follow-up, hold-out).
/// </summary>
/// <remarks>
/// The change is since yesterday: the live scorer learns a customer's past probabilities as it scores them, so during a
/// replay of a few days a change since last week is not known yet (<c>churn_probability_change_7d</c> needs a week of scores).
/// The top-reason rule names <c>tickets</c> (support tickets), one of the groups the explanations give high-risk demo
/// customers (with renewal, retention_touches, profile, pricing_pages and contract); see <see cref="Alerts.ReasonGroups"/>.
/// </remarks>
internal static class DemoRules
{
    /// <summary>The rules, one per entry of <c>alerts.rules</c>.</summary>
    public static IReadOnlyList<string> Rules { get; } =
    [
        "rule \"ログイン停止と満足度低下\" when days_without_login >= 7 and nps_change < 0 and churn_probability >= 10% then severity high cooldown 14d follow_up holdout 10%",
        "rule \"解約確率の急上昇\" when churn_probability_change_1d >= 5% and churn_probability >= 20% then severity high cooldown 7d",
        "rule \"問い合わせが主因のリスク\" when top_reason = 'tickets' and churn_probability >= 10% then severity medium cooldown 14d follow_up",
        "rule \"購入の途絶\" when days_without_order >= 45 and orders_365d >= 4 and churn_probability >= 50% then severity critical cooldown 30d",
    ];

    /// <summary>Whether <paramref name="settings"/> already name rules (inline or in files); a demo then keeps them.</summary>
    public static bool HasRules(KizukiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Alerts.Rules.Count > 0 || settings.Alerts.RuleFiles.Count > 0;
    }

    /// <summary><paramref name="settings"/> with the demo rules as its inline rules.</summary>
    public static KizukiSettings Apply(KizukiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings with { Alerts = settings.Alerts with { Rules = Rules } };
    }
}
