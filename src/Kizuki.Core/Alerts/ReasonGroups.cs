using Kizuki.Features;

namespace Kizuki.Alerts;

/// <summary>The names <c>top_reason</c> may be compared with when the caller gives no list of its own.</summary>
public static class ReasonGroups
{
    /// <summary>One snake_case name per business field, e.g. <c>login_frequency</c>, <c>satisfaction</c>.</summary>
    public static IReadOnlyList<string> Default { get; } = [.. Enum.GetValues<BusinessField>().Select(NameOf)];

    /// <summary>The reason-group name of a business field.</summary>
    public static string NameOf(BusinessField field) => field switch
    {
        BusinessField.Purchases => "purchases",
        BusinessField.Subscription => "subscription",
        BusinessField.Logins => "login_frequency",
        BusinessField.FeatureUsage => "feature_usage",
        BusinessField.WebBehaviour => "web_behaviour",
        BusinessField.Email => "email_engagement",
        BusinessField.Support => "support",
        BusinessField.Satisfaction => "satisfaction",
        BusinessField.Profile => "profile",
        _ => "custom",
    };
}
