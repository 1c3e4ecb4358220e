namespace Kizuki.Features;

/// <summary>A group of features that explanations report as one reason, e.g. ログイン頻度 / login frequency.</summary>
/// <param name="Key">Stable snake_case key used in settings (playbook, regrouping) and in stored reasons.</param>
/// <param name="LabelJa">The name shown in Japanese.</param>
/// <param name="LabelEn">The name shown in English.</param>
public sealed record ReasonGroupInfo(string Key, string LabelJa, string LabelEn)
{
    /// <summary>The label in a language (<c>ja</c> or <c>en</c>).</summary>
    public string Label(string language) => language == "en" ? LabelEn : LabelJa;
}

public sealed partial class FeatureCatalog
{
    /// <summary>Key of the group of user-defined metrics unless the settings place them elsewhere.</summary>
    public const string CustomReasonGroup = "custom";

    /// <summary>The built-in reason groups, in the order the playbook lists them.</summary>
    /// <remarks>
    /// They are finer than <see cref="BusinessField"/> where a practitioner would act differently: visits to pricing or
    /// competitor pages call for a plan review while support-page visits do not; negative tickets call for a manager
    /// while many neutral ones call for a support follow-up; a near renewal is not the same as the plan one is on.
    /// </remarks>
    public static readonly IReadOnlyList<ReasonGroupInfo> ReasonGroups =
    [
        new("logins", "ログイン頻度", "login frequency"),
        new("feature_usage", "機能の利用", "feature usage"),
        new("email", "メール反応", "email engagement"),
        new("web_visits", "Web閲覧", "web visits"),
        new("support_pages", "サポートページの閲覧", "support page visits"),
        new("pricing_pages", "料金・競合ページの閲覧", "pricing and competitor page visits"),
        new("cancellation_pages", "解約ページの閲覧", "cancellation page visits"),
        new("tickets", "問い合わせ件数", "support tickets"),
        new("ticket_sentiment", "問い合わせの不満", "negative tickets"),
        new("satisfaction", "満足度（NPS・CSAT）", "satisfaction (NPS, CSAT)"),
        new("renewal", "契約更新", "renewal"),
        new("contract", "契約内容", "contract"),
        new("purchases", "購買", "purchases"),
        new(Builtin.LifetimeFeatures.ReasonGroupKey, "購入の見込み（購買予測モデル）", "purchase outlook (purchase model)"),
        new("returns", "返品・キャンセル", "returns and cancellations"),
        new("retention_touches", "これまでの働きかけ", "earlier retention contacts"),
        new("profile", "顧客属性", "customer profile"),
        new(CustomReasonGroup, "ユーザー定義指標", "user-defined metrics"),
    ];

    private static readonly Dictionary<string, string> GroupByName = new(StringComparer.Ordinal)
    {
        ["days_to_renewal"] = "renewal",
        ["returned_orders_180d"] = "returns",
        ["cancelled_orders_180d"] = "returns",
        ["low_satisfaction_tickets_180d"] = "ticket_sentiment",
        ["negative_ticket_share_90d"] = "ticket_sentiment",
        ["churn_intent_tickets_90d"] = "ticket_sentiment",
        ["days_since_last_touch"] = "retention_touches",
        ["touches_30d"] = "retention_touches",
        ["touches_90d"] = "retention_touches",
        ["last_touch_was_control"] = "retention_touches",
    };

    /// <summary>The built-in group of a feature: by name where the catalog says so, by page category, else by its field.</summary>
    public static string ReasonGroupOf(string name, BusinessField field)
    {
        if (name is not null && GroupByName.TryGetValue(name, out var group))
        {
            return group;
        }

        if (name is not null && name.EndsWith("_page_views_30d", StringComparison.Ordinal))
        {
            var category = name[..^"_page_views_30d".Length];
            return category.Contains("cancel", StringComparison.Ordinal) ? "cancellation_pages"
                : category.Contains("pric", StringComparison.Ordinal) || category.Contains("plan", StringComparison.Ordinal)
                    || category.Contains("compet", StringComparison.Ordinal) || category.Contains("compar", StringComparison.Ordinal) ? "pricing_pages"
                : category.Contains("support", StringComparison.Ordinal) || category.Contains("help", StringComparison.Ordinal) ? "support_pages"
                : "web_visits";
        }

        return field switch
        {
            BusinessField.Purchases => "purchases",
            BusinessField.Subscription => "contract",
            BusinessField.Logins => "logins",
            BusinessField.FeatureUsage => "feature_usage",
            BusinessField.WebBehaviour => "web_visits",
            BusinessField.Email => "email",
            BusinessField.Support => "tickets",
            BusinessField.Satisfaction => "satisfaction",
            BusinessField.Profile => "profile",
            _ => CustomReasonGroup,
        };
    }

    /// <summary>The built-in group with that key, or null.</summary>
    public static ReasonGroupInfo? FindReasonGroup(string key) => ReasonGroups.FirstOrDefault(g => g.Key == key);
}
