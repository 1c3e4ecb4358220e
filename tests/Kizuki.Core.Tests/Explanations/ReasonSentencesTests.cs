using Kizuki.Explanations;
using Kizuki.Features;

namespace Kizuki.Tests.Explanations;

public sealed class ReasonSentencesTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 9, 30, 15, 0, 0, TimeSpan.Zero); // 2026-10-01 00:00 JST

    private static readonly IReadOnlyList<FeatureDefinition> Catalog = new FeatureContext(new FeatureSettings
    {
        PageCategories = new Dictionary<string, IReadOnlyList<string>> { ["pricing"] = ["/pricing*"] },
    }).Catalog.Definitions;

    private static (string Ja, string En) Write(string feature, double points, params (string Name, double Value)[] values)
    {
        var definition = Catalog.Single(d => d.Name == feature);
        return ReasonSentences.Write(definition.ReasonGroup, definition, new Values(values), points, AsOf, ReasonFormat.Japan);
    }

    [Fact]
    public void Write_LoginsFell_ShowsBothWindowsAndPoints()
    {
        var (ja, en) = Write("login_trend", 18.04, ("logins_30d", 3), ("login_trend", -0.75));

        Assert.Equal("直近30日のログインが12回→3回に減少（+18pt）", ja);
        Assert.Equal("Logins in the last 30 days fell from 12 to 3 (+18 pts)", en);
    }

    [Fact]
    public void Write_LoginsFromNone_TrendEqualsCountMeansNoneBefore()
    {
        var (ja, _) = Write("logins_30d", -2.25, ("logins_30d", 4), ("login_trend", 4));

        Assert.Equal("直近30日のログインが0回→4回に増加（-2.3pt）", ja);
    }

    [Fact]
    public void Write_LoginsStoppedAfterUnknownCount_StatesTheCurrentCount()
    {
        var (ja, en) = Write("logins_30d", 7, ("logins_30d", 0), ("login_trend", -1));

        Assert.Equal("直近30日のログインは0回（+7pt）", ja);
        Assert.Equal("Logins in the last 30 days: 0 (+7 pts)", en);
    }

    [Fact]
    public void Write_DaysSinceLastLogin_ShowsDaysWithSeparators()
    {
        var (ja, en) = Write("days_since_last_login", 12.5, ("days_since_last_login", 1234.2));

        Assert.Equal("最終ログインから1,234日（+12.5pt）", ja);
        Assert.Equal("1,234 days since the last login (+12.5 pts)", en);
    }

    [Fact]
    public void Write_RecentRetentionContact_IsItsOwnReasonWithWholeDays()
    {
        var (ja, en) = Write("days_since_last_touch", 27.04, ("days_since_last_touch", 3.33), ("touches_90d", 2));

        Assert.Equal("retention_touches", Catalog.Single(d => d.Name == "touches_30d").ReasonGroup);
        Assert.Equal("直近90日に2回働きかけ、前回から3日（+27pt）", ja);
        Assert.Equal("Contacted 2 times in the last 90 days, the last 3 days ago (+27 pts)", en);
    }

    [Fact]
    public void Write_OneRetentionContact_SaysOnce()
    {
        var (ja, en) = Write("touches_90d", 4, ("days_since_last_touch", 21.2), ("touches_90d", 1));

        Assert.Equal("直近90日に1回働きかけ、前回から21日（+4pt）", ja);
        Assert.Equal("Contacted once in the last 90 days, the last 21 days ago (+4 pts)", en);
    }

    [Fact]
    public void Write_NoRetentionContact_SaysSo()
    {
        var (ja, en) = Write("days_since_last_touch", -1.5, ("days_since_last_touch", double.NaN), ("touches_90d", 0));

        Assert.Equal("これまで働きかけの記録なし（-1.5pt）", ja);
        Assert.Equal("No retention contact on record (-1.5 pts)", en);
    }

    [Fact]
    public void Write_NpsFell_ShowsFromAndTo()
    {
        var (ja, en) = Write("nps_change", 9.96, ("latest_nps", 3), ("nps_change", -6));

        Assert.Equal("NPSが9→3に低下（+10pt）", ja);
        Assert.Equal("NPS fell from 9 to 3 (+10 pts)", en);
    }

    [Fact]
    public void Write_RenewalNear_ShowsDaysAndTheDateInJapan()
    {
        var (ja, en) = Write("days_to_renewal", 6, ("days_to_renewal", 12));

        Assert.Equal("契約更新まであと12日（2026年10月13日）（+6pt）", ja);
        Assert.Equal("Renewal in 12 days, on 2026-10-13 (+6 pts)", en);
    }

    [Fact]
    public void Write_PricingPageViews_NamesThePageAndCount()
    {
        var (ja, en) = Write("pricing_page_views_30d", 4.2, ("pricing_page_views_30d", 5));

        Assert.Equal("直近30日に料金ページを5回閲覧（+4.2pt）", ja);
        Assert.Equal("Viewed the pricing page 5 times in the last 30 days (+4.2 pts)", en);
    }

    [Fact]
    public void Write_SpendFellMonthOverMonth_ShowsYenWithSeparators()
    {
        var (ja, en) = Write("spend_change_mom", 3, ("spend_30d", 8000), ("spend_change_mom", -0.75));

        Assert.Equal("直近30日の購入金額が32,000円→8,000円に減少（+3pt）", ja);
        Assert.Equal("Spend in the last 30 days fell from ¥32,000 to ¥8,000 (+3 pts)", en);
    }

    [Fact]
    public void Write_ChurnIntentTickets_CountsThem()
    {
        var (ja, _) = Write("churn_intent_tickets_90d", 1, ("churn_intent_tickets_90d", 2));

        Assert.Equal("直近90日に解約をほのめかす問い合わせが2件（+1pt）", ja);
    }

    [Fact]
    public void Write_LoweringTenure_GenericSentenceWithNegativePoints()
    {
        var (ja, en) = Write("subscription_tenure_days", -8.04, ("subscription_tenure_days", 1500));

        Assert.Equal("契約期間（日）：1,500（-8pt）", ja);
        Assert.Equal("Days under contract: 1,500 (-8 pts)", en);
    }

    [Theory]
    [InlineData(3, -0.75, 12)]
    [InlineData(4, 4, 0)]
    [InlineData(5, 0, 5)]
    [InlineData(0, 0, 0)]
    [InlineData(0, -1, double.NaN)]
    [InlineData(double.NaN, 0, double.NaN)]
    public void BeforeFromTrend_CountAndTrend_RecoverTheEarlierWindow(double now, double trend, double expected) =>
        Assert.Equal(expected, ReasonSentences.BeforeFromTrend(now, trend));

    private sealed class Values((string Name, double Value)[] values) : IRowValues
    {
        public double Number(string feature) => values.Where(v => v.Name == feature).Select(v => v.Value).DefaultIfEmpty(double.NaN).First();

        public string? Text(string feature) => null;
    }
}
