using Kizuki.Features;
using static Kizuki.Explanations.ReasonFormat;

namespace Kizuki.Explanations;

/// <summary>The feature values of one customer, by feature name, as the sentences read them.</summary>
internal interface IRowValues
{
    /// <summary>The numeric value of a feature; NaN when unknown, categorical or not in the model.</summary>
    double Number(string feature);

    /// <summary>The category of a categorical feature; null when unknown or not categorical.</summary>
    string? Text(string feature);
}

/// <summary>Turns a reason (group, leading feature, points) into one sentence in Japanese and one in English, with the real numbers.</summary>
/// <remarks>
/// Where the catalog holds a pair that gives an earlier value exactly, the sentence shows "from → to": logins, feature
/// uses and email opens from their trend features, NPS and CSAT from their change, spend and orders from their change
/// ratios. Otherwise it states the current value. Numbers carry thousands separators, amounts are yen (円 / ¥),
/// dates are local dates in the settings' zone (JST by default), and points are probability points with their sign.
/// </remarks>
internal static partial class ReasonSentences
{
    /// <summary>The two sentences of a reason.</summary>
    public static (string Ja, string En) Write(string group, FeatureDefinition lead, IRowValues values, double points, DateTimeOffset asOf, ReasonFormat format)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        var (ja, en) = Body(group, lead, values, asOf, format);
        return ($"{ja}（{PointsJa(points)}）", $"{en} ({PointsEn(points)})");
    }

    private static (string Ja, string En) Body(string group, FeatureDefinition lead, IRowValues v, DateTimeOffset asOf, ReasonFormat format) =>
        group switch
        {
            "logins" => Logins(lead, v),
            "feature_usage" => FeatureUsage(lead, v),
            "email" => Email(lead, v),
            "web_visits" or "support_pages" or "pricing_pages" or "cancellation_pages" => Pages(lead, v),
            "tickets" => Tickets(lead, v),
            "ticket_sentiment" => TicketSentiment(lead, v),
            "satisfaction" => Satisfaction(lead, v),
            "renewal" => Renewal(lead, v, asOf, format),
            "contract" => Contract(lead, v, format),
            "purchases" => Purchases(lead, v, format),
            "purchase_outlook" => PurchaseOutlook(v),
            "retention_touches" => Touches(v),
            _ => null,
        } ?? Generic(lead, v, format);

    /// <summary>The value as stated: label and value, for any feature.</summary>
    internal static (string Ja, string En) Generic(FeatureDefinition lead, IRowValues v, ReasonFormat format)
    {
        if (lead.Kind == FeatureKind.Categorical)
        {
            var text = v.Text(lead.Name);
            return ($"{lead.LabelJa}：{text ?? "不明"}", $"{lead.LabelEn}: {text ?? "unknown"}");
        }

        var value = v.Number(lead.Name);
        if (double.IsNaN(value))
        {
            return ($"{lead.LabelJa}：不明", $"{lead.LabelEn}: unknown");
        }

        return IsAmount(lead.Name)
            ? ($"{lead.LabelJa}：{format.AmountJa(value)}", $"{lead.LabelEn}: {format.AmountEn(value)}")
            : ($"{lead.LabelJa}：{Number(value, 2)}", $"{lead.LabelEn}: {Number(value, 2)}");
    }

    /// <summary>
    /// The earlier window's count from the current count and a trend defined as (now − before) ÷ max(1, before); NaN when
    /// the pair does not determine it (no trend, or nothing now after one or more before).
    /// </summary>
    internal static double BeforeFromTrend(double now, double trend)
    {
        if (!double.IsFinite(now) || !double.IsFinite(trend))
        {
            return double.NaN;
        }

        if (Math.Abs(trend - now) < 1e-9)
        {
            return 0;
        }

        if (trend <= -1)
        {
            return double.NaN;
        }

        var before = now / (1 + trend);
        return before >= 1 - 1e-9 ? Math.Round(before, 6) : double.NaN;
    }

    /// <summary>The earlier window's value from the current one and a change ratio (now − before) ÷ before; NaN when not determined.</summary>
    internal static double BeforeFromRatio(double now, double change) =>
        double.IsFinite(now) && double.IsFinite(change) && change > -1 ? Math.Round(now / (1 + change), 6) : double.NaN;

    /// <summary>"12回→3回に減少" / "fell from 12 to 3", or a statement of the current value when the earlier one is unknown.</summary>
    private static (string Ja, string En) Change(string subjectJa, string subjectEn, double before, double now, Func<double, string> ja, Func<double, string> en)
    {
        if (double.IsNaN(before))
        {
            return ($"{subjectJa}は{ja(now)}", $"{subjectEn}: {en(now)}");
        }

        if (Math.Abs(before - now) < 1e-9)
        {
            return ($"{subjectJa}は{ja(now)}で前と同じ", $"{subjectEn} held at {en(now)}");
        }

        return now < before
            ? ($"{subjectJa}が{ja(before)}→{ja(now)}に減少", $"{subjectEn} fell from {en(before)} to {en(now)}")
            : ($"{subjectJa}が{ja(before)}→{ja(now)}に増加", $"{subjectEn} rose from {en(before)} to {en(now)}");
    }

    private static string Times(double n) => Number(n, 0) + "回";

    private static string Count(double n) => Number(n, 0);

    private static string Items(double n) => Number(n, 0) + "件";

    private static string TimesEn(double n) => n == 1 ? "once" : Number(n, 0) + " times";

    private static bool IsAmount(string name) => name.Contains("spend", StringComparison.Ordinal) || name.Contains("amount", StringComparison.Ordinal);
}
