namespace Kizuki.Demo;

/// <summary>The ways a demo customer drifts towards leaving; each drives a monthly churn hazard and its own signals.</summary>
/// <remarks>
/// The mechanisms follow what practitioners report. Signals grow for weeks before the hazard rises, so a model can
/// learn them; mild episodes show the same signals, weaker, in customers who recover.
/// </remarks>
public enum ChurnMechanism
{
    /// <summary>No story: only the small background hazard (and its noise) applies.</summary>
    None,
    /// <summary>Logins fall, then stop for days (SaaS).</summary>
    LoginDecline,
    /// <summary>A key feature is no longer used (SaaS).</summary>
    FeatureAbandonment,
    /// <summary>More support tickets with negative, cancellation-minded text.</summary>
    SupportFriction,
    /// <summary>NPS (SaaS) or CSAT (EC) scores fall.</summary>
    SatisfactionDrop,
    /// <summary>Purchases fall month after month, below half of last year (EC).</summary>
    PurchaseDecline,
    /// <summary>Visits to pricing, cancellation and competitor-comparison pages.</summary>
    CancellationResearch,
    /// <summary>An annual contract's renewal date comes near and the value is in doubt (SaaS).</summary>
    RenewalApproach,
    /// <summary>A price-sensitive customer leaves for a cheaper competitor.</summary>
    PriceSensitivity,
    /// <summary>The customer leaves with no warning signal at all.</summary>
    Silent,
}

/// <summary>Names and applicability of <see cref="ChurnMechanism"/> values.</summary>
public static class ChurnMechanisms
{
    private static readonly string[] Names =
    [
        "none", "login_decline", "feature_abandonment", "support_friction", "satisfaction_drop",
        "purchase_decline", "cancellation_research", "renewal_approach", "price_sensitivity", "silent",
    ];

    /// <summary>The snake_case name used in ground-truth files, e.g. <c>login_decline</c>.</summary>
    public static string Name(ChurnMechanism mechanism) => Names[(int)mechanism];

    /// <summary>Parses a ground-truth name.</summary>
    public static bool TryParse(string name, out ChurnMechanism mechanism)
    {
        var index = Array.IndexOf(Names, name);
        mechanism = index < 0 ? ChurnMechanism.None : (ChurnMechanism)index;
        return index >= 0;
    }

    /// <summary>The mechanisms that drive churn in a scenario (not counting <see cref="ChurnMechanism.None"/>).</summary>
    public static IReadOnlyList<ChurnMechanism> For(DemoScenario scenario) => scenario == DemoScenario.Saas
        ?
        [
            ChurnMechanism.LoginDecline, ChurnMechanism.FeatureAbandonment, ChurnMechanism.SupportFriction,
            ChurnMechanism.SatisfactionDrop, ChurnMechanism.CancellationResearch, ChurnMechanism.RenewalApproach,
            ChurnMechanism.PriceSensitivity, ChurnMechanism.Silent,
        ]
        :
        [
            ChurnMechanism.SupportFriction, ChurnMechanism.SatisfactionDrop, ChurnMechanism.PurchaseDecline,
            ChurnMechanism.CancellationResearch, ChurnMechanism.PriceSensitivity, ChurnMechanism.Silent,
        ];
}
