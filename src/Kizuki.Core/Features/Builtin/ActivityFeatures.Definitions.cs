using System.Globalization;
using System.Text;
using static Kizuki.Features.Builtin.FeatureText;

namespace Kizuki.Features.Builtin;

internal sealed partial class ActivityFeatures
{
    private const int LoginsLast7 = 0;
    private const int LoginsLast30 = 1;
    private const int LoginsLast90 = 2;
    private const int DaysSinceLastLogin = 3;
    private const int DaysWithoutLoginRun = 4;
    private const int LoginTrend = 5;
    private const int ActiveDaysLast30 = 6;
    private const int DistinctFeatures30 = 7;
    private const int DistinctFeatures90 = 8;
    private const int FeatureUses30 = 9;
    private const int KeyFeatureDropped = 10;
    private const int FeatureUseTrend = 11;
    private const int EmailOpens90 = 12;
    private const int EmailClicks90 = 13;
    private const int EmailClickToOpen90 = 14;
    private const int EmailOpensTrend = 15;
    private const int PageViews30 = 16;
    private const int FirstCategory = 17;

    private const BusinessField L = BusinessField.Logins;
    private const BusinessField U = BusinessField.FeatureUsage;
    private const BusinessField E = BusinessField.Email;
    private const BusinessField W = BusinessField.WebBehaviour;

    /// <summary>The features that do not depend on the settings, in output order (the page categories follow them).</summary>
    public static readonly IReadOnlyList<FeatureDefinition> Fixed =
    [
        Number("logins_7d", L, "直近7日のログイン回数", "Logins in the last 7 days",
            "基準日時までの7日間のログイン回数。", "Logins in the 7 days before the as-of instant."),
        Number("logins_30d", L, "直近30日のログイン回数", "Logins in the last 30 days",
            "基準日時までの30日間のログイン回数。", "Logins in the 30 days before the as-of instant."),
        Number("logins_90d", L, "直近90日のログイン回数", "Logins in the last 90 days",
            "基準日時までの90日間のログイン回数。", "Logins in the 90 days before the as-of instant."),
        Number("days_since_last_login", L, "最終ログインからの日数", "Days since the last login",
            "基準日時より前の最後のログインからの日数（730日前まで遡ります）。ログインがなければ空欄。",
            "Days since the last login before the as-of instant, looking back at most 730 days; empty when none."),
        Number("days_without_login_run", L, "ログインのない連続日数", "Current run of days without a login",
            "基準日時から24時間ずつ遡り、最後のログインより後にある丸1日の数。ログインがなければ登録日（不明なら最初の活動）からの丸1日の数（最大730）。",
            "Whole 24-hour periods, counted back from the as-of instant, after the last login; without a login, after signup (or the first activity when unknown), at most 730."),
        Number("login_trend", L, "ログイン回数の傾向", "Login trend",
            "(直近30日の回数 − その前の30日の回数) ÷ max(1, その前の30日の回数)。マイナスは減少です。",
            "(logins in the last 30 days − logins in the 30 days before) ÷ max(1, logins in the 30 days before); negative means falling."),
        Number("active_days_30d", L, "直近30日のログイン日数", "Days with a login in the last 30 days",
            "基準日時から24時間ずつ区切った直近30日のうち、ログインのあった日数。",
            "Of the 30 24-hour periods before the as-of instant, how many had a login."),
        Number("distinct_features_30d", U, "直近30日に使った機能の数", "Distinct features used in the last 30 days",
            "基準日時までの30日間に使われた機能の種類数。", "Number of different features used in the 30 days before the as-of instant."),
        Number("distinct_features_90d", U, "直近90日に使った機能の数", "Distinct features used in the last 90 days",
            "基準日時までの90日間に使われた機能の種類数。", "Number of different features used in the 90 days before the as-of instant."),
        Number("feature_uses_30d", U, "直近30日の機能利用回数", "Feature uses in the last 30 days",
            "基準日時までの30日間の機能利用の回数。", "Feature uses in the 30 days before the as-of instant."),
        Number("key_feature_dropped", U, "よく使っていた機能の利用停止", "Key feature dropped",
            "120日前から30日前までに最も多く使った機能（同数なら各機能）を直近30日に使っていなければ1、使っていれば0。その期間に利用がなければ空欄。",
            "1 when the most-used feature from 120 to 30 days before (any of them on a tie) was not used in the last 30 days, else 0; empty when no feature was used then."),
        Number("feature_use_trend", U, "機能利用回数の傾向", "Feature use trend",
            "(直近30日の利用回数 − その前の30日の利用回数) ÷ max(1, その前の30日の利用回数)。",
            "(feature uses in the last 30 days − uses in the 30 days before) ÷ max(1, uses in the 30 days before)."),
        Number("email_opens_90d", E, "直近90日のメール開封数", "Email opens in the last 90 days",
            "基準日時までの90日間のメール開封数。配信数は記録されないため、開封率ではなく回数です。",
            "Email opens in the 90 days before the as-of instant; sends are not recorded, so this is a count, not an open rate."),
        Number("email_clicks_90d", E, "直近90日のメールクリック数", "Email clicks in the last 90 days",
            "基準日時までの90日間のメール内リンクのクリック数。", "Links clicked in emails in the 90 days before the as-of instant."),
        Number("email_click_to_open_90d", E, "メールの開封あたりクリック率", "Email clicks per open (90 days)",
            "直近90日のクリック数 ÷ 開封数。開封がなければ空欄。配信数は記録されないため配信あたりの率は計算しません。",
            "Clicks ÷ opens in the last 90 days; empty without opens. Sends are not recorded, so no rate per send is computed."),
        Number("email_opens_trend", E, "メール開封数の傾向", "Email opens trend",
            "(直近90日の開封数 − その前の90日の開封数) ÷ max(1, その前の90日の開封数)。",
            "(opens in the last 90 days − opens in the 90 days before) ÷ max(1, opens in the 90 days before)."),
        Number("page_views_30d", W, "直近30日のページ閲覧数", "Page views in the last 30 days",
            "基準日時までの30日間のWebページ閲覧数。", "Web page views in the 30 days before the as-of instant."),
    ];

    /// <summary>The feature name of a page category's view count: <c>{category}_page_views_30d</c>, the category in snake_case.</summary>
    public static string CategoryFeatureName(string category, int position)
    {
        ArgumentNullException.ThrowIfNull(category);
        var name = new StringBuilder(category.Length);
        foreach (var c in category)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        var text = name.ToString().Trim('_');
        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text = string.Create(CultureInfo.InvariantCulture, $"category{position}{(text.Length == 0 ? "" : "_" + text)}");
        }

        return text + "_page_views_30d";
    }

    private static List<FeatureDefinition> BuildDefinitions(IReadOnlyList<string> categoryNames)
    {
        var all = new List<FeatureDefinition>(Fixed.Count + categoryNames.Count);
        all.AddRange(Fixed);
        for (var i = 0; i < categoryNames.Count; i++)
        {
            var category = categoryNames[i];
            var (ja, en) = category switch
            {
                "support" => ("サポートページ", "Support page"),
                "pricing" => ("料金ページ", "Pricing page"),
                "cancellation" => ("解約ページ", "Cancellation page"),
                "competitor" => ("競合比較ページ", "Competitor comparison page"),
                _ => ($"「{category}」ページ", $"'{category}' page"),
            };
            all.Add(Number(CategoryFeatureName(category, i), W, $"直近30日の{ja}閲覧数", $"{en} views in the last 30 days",
                $"基準日時までの30日間に、設定のページ分類「{category}」のパスに当たるページを閲覧した回数。",
                $"Views in the 30 days before the as-of instant of pages whose path matches the settings' page category '{category}'."));
        }

        return all;
    }
}
