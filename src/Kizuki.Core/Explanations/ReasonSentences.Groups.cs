using Kizuki.Features;
using static Kizuki.Explanations.ReasonFormat;

namespace Kizuki.Explanations;

internal static partial class ReasonSentences
{
    private static (string, string)? Logins(FeatureDefinition lead, IRowValues v)
    {
        if (lead.Name is "days_since_last_login" or "days_without_login_run")
        {
            var days = v.Number("days_since_last_login");
            return double.IsNaN(days)
                ? ("ログインの記録なし", "No login on record")
                : ($"最終ログインから{Count(days)}日", $"{Count(days)} days since the last login");
        }

        var now = v.Number("logins_30d");
        return double.IsNaN(now)
            ? null
            : Change("直近30日のログイン", "Logins in the last 30 days", BeforeFromTrend(now, v.Number("login_trend")), now, Times, Count);
    }

    private static (string, string)? Touches(IRowValues v)
    {
        var days = v.Number("days_since_last_touch");
        if (double.IsNaN(days))
        {
            return ("これまで働きかけの記録なし", "No retention contact on record");
        }

        var recent = v.Number("touches_90d");
        return double.IsNaN(recent) || recent < 1
            ? ($"前回の働きかけから{Count(days)}日", $"{Count(days)} days since the last retention contact")
            : ($"直近90日に{Count(recent)}回働きかけ、前回から{Count(days)}日", $"Contacted {(recent == 1 ? "once" : $"{Count(recent)} times")} in the last 90 days, the last {Count(days)} days ago");
    }

    private static (string, string)? FeatureUsage(FeatureDefinition lead, IRowValues v)
    {
        if (lead.Name == "key_feature_dropped" && v.Number(lead.Name) == 1)
        {
            return ("よく使っていた機能を直近30日は使っていない", "Stopped using a key feature in the last 30 days");
        }

        if (lead.Name is not ("feature_uses_30d" or "feature_use_trend" or "key_feature_dropped"))
        {
            return null;
        }

        var now = v.Number("feature_uses_30d");
        return double.IsNaN(now)
            ? null
            : Change("直近30日の機能利用", "Feature uses in the last 30 days", BeforeFromTrend(now, v.Number("feature_use_trend")), now, Times, Count);
    }

    private static (string, string)? Email(FeatureDefinition lead, IRowValues v)
    {
        if (lead.Name is not ("email_opens_90d" or "email_opens_trend"))
        {
            return null;
        }

        var now = v.Number("email_opens_90d");
        return double.IsNaN(now)
            ? null
            : Change("直近90日のメール開封", "Email opens in the last 90 days", BeforeFromTrend(now, v.Number("email_opens_trend")), now, Times, Count);
    }

    private static (string, string)? Pages(FeatureDefinition lead, IRowValues v)
    {
        var n = v.Number(lead.Name);
        if (double.IsNaN(n) || !lead.Name.EndsWith("_page_views_30d", StringComparison.Ordinal))
        {
            return lead.Name == "page_views_30d" && !double.IsNaN(n)
                ? ($"直近30日のページ閲覧は{Times(n)}", $"Page views in the last 30 days: {Count(n)}")
                : null;
        }

        var ja = Strip(lead.LabelJa, "直近30日の", "閲覧数");
        var en = Strip(lead.LabelEn, "", " views in the last 30 days");
        en = en.Length > 0 && char.IsUpper(en[0]) ? char.ToLowerInvariant(en[0]) + en[1..] : en;
        return n == 0
            ? ($"直近30日に{ja}の閲覧なし", $"No {en} views in the last 30 days")
            : ($"直近30日に{ja}を{Times(n)}閲覧", $"Viewed the {en} {TimesEn(n)} in the last 30 days");
    }

    private static (string, string)? Tickets(FeatureDefinition lead, IRowValues v)
    {
        if (lead.Name == "open_tickets")
        {
            var open = v.Number("open_tickets");
            return double.IsNaN(open) ? null : ($"未解決の問い合わせが{Items(open)}", $"Open tickets: {Count(open)}");
        }

        if (lead.Name is not ("tickets_30d" or "tickets_90d" or "ticket_trend"))
        {
            return null;
        }

        var recent = v.Number("tickets_30d");
        var quarter = v.Number("tickets_90d");
        if (double.IsNaN(recent) || double.IsNaN(quarter))
        {
            return null;
        }

        return ($"直近90日の問い合わせが{Items(quarter)}（うち直近30日{Items(recent)}）",
            $"Tickets in the last 90 days: {Count(quarter)} ({Count(recent)} in the last 30 days)");
    }

    private static (string, string)? TicketSentiment(FeatureDefinition lead, IRowValues v)
    {
        var n = v.Number(lead.Name);
        if (double.IsNaN(n))
        {
            return null;
        }

        return lead.Name switch
        {
            "churn_intent_tickets_90d" => ($"直近90日に解約をほのめかす問い合わせが{Items(n)}", $"Tickets stating intent to cancel in the last 90 days: {Count(n)}"),
            "negative_ticket_share_90d" => ($"直近90日の問い合わせの{Percent(n)}が否定的", $"{Percent(n)} of tickets in the last 90 days were negative"),
            "low_satisfaction_tickets_180d" => ($"直近180日に満足度の低い問い合わせが{Items(n)}", $"Low-satisfaction tickets in the last 180 days: {Count(n)}"),
            _ => null,
        };
    }

    private static (string, string)? Satisfaction(FeatureDefinition lead, IRowValues v)
    {
        if (lead.Name == "days_since_last_survey")
        {
            var days = v.Number(lead.Name);
            return double.IsNaN(days) ? null : ($"最後のアンケート回答から{Count(days)}日", $"{Count(days)} days since the last survey answer");
        }

        var csat = lead.Name is "latest_csat" or "csat_change";
        var kind = csat ? "CSAT" : "NPS";
        var latest = v.Number(csat ? "latest_csat" : "latest_nps");
        if (double.IsNaN(latest))
        {
            return ($"{kind}の回答なし", $"No {kind} answer");
        }

        var change = v.Number(csat ? "csat_change" : "nps_change");
        if (double.IsNaN(change) || change == 0)
        {
            return ($"最新の{kind}は{Count(latest)}", $"Latest {kind}: {Count(latest)}");
        }

        var before = latest - change;
        return change < 0
            ? ($"{kind}が{Count(before)}→{Count(latest)}に低下", $"{kind} fell from {Count(before)} to {Count(latest)}")
            : ($"{kind}が{Count(before)}→{Count(latest)}に上昇", $"{kind} rose from {Count(before)} to {Count(latest)}");
    }

    private static (string, string)? Renewal(FeatureDefinition lead, IRowValues v, DateTimeOffset asOf, ReasonFormat format)
    {
        var days = v.Number(lead.Name);
        if (lead.Name != "days_to_renewal")
        {
            return null;
        }

        if (double.IsNaN(days))
        {
            return ("継続中の契約の更新日なし", "No renewal date on a running contract");
        }

        var date = asOf.AddDays(days);
        return ($"契約更新まであと{Count(days)}日（{format.DateJa(date)}）", $"Renewal in {Count(days)} days, on {format.DateEn(date)}");
    }

    private static (string, string)? Contract(FeatureDefinition lead, IRowValues v, ReasonFormat format)
    {
        var n = v.Number(lead.Name);
        return lead.Name switch
        {
            "downgrades_365d" when n > 0 => ($"直近1年にダウングレードが{Times(n)}", $"Downgrades in the last year: {Count(n)}"),
            "monthly_recurring_amount" when !double.IsNaN(n) => ($"月額料金{format.AmountJa(n)}", $"Monthly fee {format.AmountEn(n)}"),
            _ => null,
        };
    }

    private static string Strip(string label, string prefix, string suffix)
    {
        var text = label.StartsWith(prefix, StringComparison.Ordinal) ? label[prefix.Length..] : label;
        return suffix.Length > 0 && text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;
    }
}
