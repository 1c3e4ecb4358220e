namespace Kizuki.Features;

/// <summary>One feature: what it is called, what it means, and which business field it belongs to.</summary>
/// <param name="Name">Stable snake_case name, e.g. <c>logins_30d</c>; the column header in feature tables.</param>
/// <param name="LabelJa">Short Japanese label, e.g. 「直近30日のログイン回数」.</param>
/// <param name="LabelEn">Short English label, e.g. "Logins in the last 30 days".</param>
/// <param name="Field">The business field explanations group it under.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="DefinitionJa">How it is computed, in Japanese.</param>
/// <param name="DefinitionEn">How it is computed, in English.</param>
public sealed record FeatureDefinition(
    string Name,
    string LabelJa,
    string LabelEn,
    BusinessField Field,
    FeatureKind Kind,
    string DefinitionJa,
    string DefinitionEn)
{
    /// <summary>
    /// The reason group explanations gather this feature under, finer than <see cref="Field"/> (e.g. <c>logins</c>,
    /// <c>pricing_pages</c>, <c>renewal</c>); its labels and default action come from <see cref="FeatureCatalog.ReasonGroups"/>.
    /// Default: the catalog's group for the name, else the field's group (see <see cref="FeatureCatalog.ReasonGroupOf"/>).
    /// </summary>
    public string ReasonGroup { get; init; } = FeatureCatalog.ReasonGroupOf(Name, Field);

    /// <summary>The label in a language (<c>ja</c> or <c>en</c>).</summary>
    public string Label(string language) => language == "en" ? LabelEn : LabelJa;

    /// <summary>The definition in a language (<c>ja</c> or <c>en</c>).</summary>
    public string Definition(string language) => language == "en" ? DefinitionEn : DefinitionJa;
}

/// <summary>Whether a feature is a number or a category.</summary>
public enum FeatureKind
{
    /// <summary>A real number; NaN means unknown or not applicable (e.g. days since the last login of someone who never logged in).</summary>
    Numeric,
    /// <summary>A category such as a plan or an industry; null means unknown.</summary>
    Categorical,
}

/// <summary>The business fields features belong to; explanations are grouped by them.</summary>
public enum BusinessField
{
    /// <summary>購買 / purchases.</summary>
    Purchases,
    /// <summary>契約 / subscription and contract.</summary>
    Subscription,
    /// <summary>ログイン頻度 / login frequency.</summary>
    Logins,
    /// <summary>機能の利用 / feature usage.</summary>
    FeatureUsage,
    /// <summary>Web 行動 / web behaviour (support, pricing, cancellation and competitor pages).</summary>
    WebBehaviour,
    /// <summary>メール反応 / email engagement.</summary>
    Email,
    /// <summary>問い合わせ / support tickets.</summary>
    Support,
    /// <summary>満足度 / satisfaction (NPS, CSAT).</summary>
    Satisfaction,
    /// <summary>顧客属性 / customer profile.</summary>
    Profile,
    /// <summary>ユーザー定義指標 / user-defined metrics.</summary>
    Custom,
}

/// <summary>Names of business fields in each language.</summary>
public static class BusinessFields
{
    /// <summary>The label of a field in a language (<c>ja</c> or <c>en</c>).</summary>
    public static string Label(BusinessField field, string language) => (field, language == "en") switch
    {
        (BusinessField.Purchases, false) => "購買",
        (BusinessField.Purchases, true) => "purchases",
        (BusinessField.Subscription, false) => "契約",
        (BusinessField.Subscription, true) => "subscription",
        (BusinessField.Logins, false) => "ログイン頻度",
        (BusinessField.Logins, true) => "login frequency",
        (BusinessField.FeatureUsage, false) => "機能の利用",
        (BusinessField.FeatureUsage, true) => "feature usage",
        (BusinessField.WebBehaviour, false) => "Web行動",
        (BusinessField.WebBehaviour, true) => "web behaviour",
        (BusinessField.Email, false) => "メール反応",
        (BusinessField.Email, true) => "email engagement",
        (BusinessField.Support, false) => "問い合わせ",
        (BusinessField.Support, true) => "support tickets",
        (BusinessField.Satisfaction, false) => "満足度",
        (BusinessField.Satisfaction, true) => "satisfaction",
        (BusinessField.Profile, false) => "顧客属性",
        (BusinessField.Profile, true) => "customer profile",
        (BusinessField.Custom, false) => "ユーザー定義指標",
        _ => "user-defined metrics",
    };
}
