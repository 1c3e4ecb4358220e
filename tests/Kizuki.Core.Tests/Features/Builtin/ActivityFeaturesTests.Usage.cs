using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Builtin;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Builtin;

public sealed partial class ActivityFeaturesTests
{
    private const long Hour = Millis.Day / 24;

    [Fact]
    public void Evaluate_FeatureUses_CountDistinctNamesPerWindow()
    {
        var history = With(Use(5, "report"), Use(40, "report"), Use(10, "export"), Use(20, "report"), Use(90, "api"), Use(91, "chat"),
            (3, ActivityTypes.FeatureUse, null), Use(0, "future"));
        Assert.Equal(2, Value(history, "distinct_features_30d"));
        Assert.Equal(3, Value(history, "distinct_features_90d"));
        Assert.Equal(4, Value(history, "feature_uses_30d"));
    }

    [Fact]
    public void Evaluate_MostUsedFeatureAbsentLately_KeyFeatureDropped()
    {
        var history = With(Use(100, "report"), Use(80, "report"), Use(50, "report"), Use(60, "export"), Use(5, "export"));
        Assert.Equal(1, Value(history, "key_feature_dropped"));
    }

    [Fact]
    public void Evaluate_MostUsedFeatureStillUsed_KeyFeatureKept()
    {
        // A use exactly 120 days before T is in the earlier period; one exactly 30 days before is in the last 30 days.
        var history = With(Use(120, "report"), Use(50, "report"), Use(60, "export"), Use(30, "report"));
        Assert.Equal(0, Value(history, "key_feature_dropped"));
    }

    [Fact]
    public void Evaluate_TiedTopFeaturesOneAbsent_KeyFeatureDropped()
    {
        var history = With(Use(100, "report"), Use(80, "report"), Use(70, "export"), Use(60, "export"), Use(5, "report"));
        Assert.Equal(1, Value(history, "key_feature_dropped"));
    }

    [Fact]
    public void Evaluate_NoFeatureUseInEarlierPeriod_KeyFeatureUnknown()
    {
        var history = With(Use(120.01, "report"), Use(5, "export"));
        Assert.True(double.IsNaN(Value(history, "key_feature_dropped")));
    }

    [Fact]
    public void Evaluate_ManyEvents_UsesPooledBufferAndGivesSameAnswers()
    {
        var history = new CustomerHistory("K1");
        for (var i = 0; i < 300; i++)
        {
            Add(history, T - (40 * Millis.Day) - (i * Hour), ActivityTypes.FeatureUse, "report");
        }

        for (var i = 0; i < 100; i++)
        {
            Add(history, T - Millis.Day - (i * Hour), ActivityTypes.FeatureUse, i % 2 == 0 ? "export" : "api");
        }

        Assert.Equal(1, Value(history, "key_feature_dropped"));
        Assert.Equal(2, Value(history, "distinct_features_30d"));
        Assert.Equal(3, Value(history, "distinct_features_90d"));
        Assert.Equal(100, Value(history, "feature_uses_30d"));
        Assert.Equal((100 - 300) / 300.0, Value(history, "feature_use_trend"), 9);
    }

    [Fact]
    public void Evaluate_PageViews_CountPerCategoryOfTheSettings()
    {
        var history = With((3, ActivityTypes.PageView, "/pricing"), (4, ActivityTypes.PageView, "/Pricing/enterprise"),
            (10, ActivityTypes.PageView, "/help/faq"), (29, ActivityTypes.PageView, "/account/cancel"), (30, ActivityTypes.PageView, "/compare/rival"),
            (5, ActivityTypes.PageView, "/home"), (31, ActivityTypes.PageView, "/pricing"), (0, ActivityTypes.PageView, "/pricing"));
        Assert.Equal(6, Value(history, "page_views_30d"));
        Assert.Equal(2, Value(history, "pricing_page_views_30d"));
        Assert.Equal(1, Value(history, "support_page_views_30d"));
        Assert.Equal(1, Value(history, "cancellation_page_views_30d"));
        Assert.Equal(1, Value(history, "competitor_page_views_30d"));
    }

    [Fact]
    public void Evaluate_UserPageCategory_GetsItsOwnSnakeCaseFeature()
    {
        var settings = new FeatureSettings
        {
            PageCategories = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["Plan Change"] = ["/plan/change*"] },
        };
        var context = new FeatureContext(settings);
        var group = new ActivityFeatures(context);
        var history = new CustomerHistory("K1");
        history.Activities.Add(context.Builder.ToEvent(T - Millis.Day, ActivityTypes.PageView, "/plan/change/confirm", null));
        history.Activities.Add(context.Builder.ToEvent(T - (2 * Millis.Day), ActivityTypes.PageView, "/pricing", null));

        var values = Evaluate(group, history, T);

        Assert.Equal("plan_change_page_views_30d", group.Definitions[^1].Name);
        Assert.Equal(1, values[^1]);
        Assert.Equal(2, Value(group, values, "page_views_30d"));
    }

    [Theory]
    [InlineData("support", 0, "support_page_views_30d")]
    [InlineData("Plan Change", 0, "plan_change_page_views_30d")]
    [InlineData("解約", 3, "category3_page_views_30d")]
    [InlineData("2fa", 1, "category1_2fa_page_views_30d")]
    public void CategoryFeatureName_AnyCategory_IsSnakeCase(string category, int position, string expected) =>
        Assert.Equal(expected, ActivityFeatures.CategoryFeatureName(category, position));

    [Fact]
    public void Evaluate_EmailEngagement_CountsOpensClicksAndTrend()
    {
        var history = With((10, ActivityTypes.EmailOpen, "a"), (50, ActivityTypes.EmailOpen, "b"), (90, ActivityTypes.EmailOpen, "c"),
            (91, ActivityTypes.EmailOpen, "d"), (180, ActivityTypes.EmailOpen, "e"), (181, ActivityTypes.EmailOpen, "f"),
            (10, ActivityTypes.EmailClick, "a"), (200, ActivityTypes.EmailClick, "x"));
        Assert.Equal(3, Value(history, "email_opens_90d"));
        Assert.Equal(1, Value(history, "email_clicks_90d"));
        Assert.Equal(1 / 3.0, Value(history, "email_click_to_open_90d"), 9);
        Assert.Equal(0.5, Value(history, "email_opens_trend"), 9);
    }

    [Fact]
    public void Definitions_DefaultSettings_AreUniqueSnakeCaseAndBilingual()
    {
        var definitions = new ActivityFeatures(_context).Definitions;
        Assert.Equal(definitions.Count, definitions.Select(d => d.Name).Distinct().Count());
        Assert.All(definitions, d =>
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.LabelJa));
            Assert.False(string.IsNullOrWhiteSpace(d.LabelEn));
            Assert.False(string.IsNullOrWhiteSpace(d.DefinitionJa));
            Assert.False(string.IsNullOrWhiteSpace(d.DefinitionEn));
            Assert.Equal(FeatureKind.Numeric, d.Kind);
        });
        Assert.Contains(definitions, d => d.Field == BusinessField.Logins);
        Assert.Contains(definitions, d => d.Field == BusinessField.FeatureUsage);
        Assert.Contains(definitions, d => d.Field == BusinessField.WebBehaviour);
        Assert.Contains(definitions, d => d.Field == BusinessField.Email);
    }
}
