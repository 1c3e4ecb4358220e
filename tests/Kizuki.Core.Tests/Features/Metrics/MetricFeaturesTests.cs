using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.History;
using Kizuki.Features.Metrics;

namespace Kizuki.Tests.Features.Metrics;

public sealed class MetricFeaturesTests
{
    private static readonly long T = Millis.Of(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));

    private static readonly Dictionary<string, string> Metrics = new(StringComparer.Ordinal)
    {
        ["login_ratio_14d"] = "count(activity.type = 'login', 14d) / max(1, count(activity.type = 'login', 56d) / 4)",
        ["spend_90d"] = "sum(order.amount, order.status = 'completed', 90d)",
        ["days_since_order"] = "days_since(order)",
    };

    [Fact]
    public void Definitions_EachMetric_IsANumericCustomFeatureNamedAndDefinedByTheUser()
    {
        var group = new MetricFeatures(Metrics, new HistoryVocabulary(), new FeatureSettings().CategoryNames);

        Assert.Equal(["login_ratio_14d", "spend_90d", "days_since_order"], group.Definitions.Select(d => d.Name));
        var spend = group.Definitions[1];
        Assert.Equal((BusinessField.Custom, FeatureKind.Numeric), (spend.Field, spend.Kind));
        Assert.Equal(("spend_90d", "spend_90d"), (spend.LabelJa, spend.LabelEn));
        Assert.Equal("User-defined metric: sum(order.amount, order.status = 'completed', 90d)", spend.Definition("en"));
        Assert.Equal("ユーザー定義指標: sum(order.amount, order.status = 'completed', 90d)", spend.Definition("ja"));
    }

    [Fact]
    public void Evaluate_InACatalog_WritesEachMetricInItsColumn()
    {
        var vocabulary = new HistoryVocabulary();
        var group = new MetricFeatures(Metrics, vocabulary, new FeatureSettings().CategoryNames);
        var catalog = new FeatureCatalog([group]);
        var history = new CustomerHistory("C001");
        var login = vocabulary.Intern(ActivityTypes.Login);
        history.Activities.Add(new ActivityEvent(T - (2 * Millis.Day), login, -1, 0, double.NaN));
        history.Orders.Add(new OrderEvent(T - (10 * Millis.Day), 4000, OrderStatus.Completed, false));
        history.Orders.Add(new OrderEvent(T - (5 * Millis.Day), 1500, OrderStatus.Cancelled, false));

        var values = catalog.Evaluate(history, T);

        Assert.Equal(1, values.Number("login_ratio_14d"));
        Assert.Equal(4000, values.Number("spend_90d"));
        Assert.Equal(5, values.Number("days_since_order"), 9);
        Assert.True(double.IsNaN(catalog.Evaluate(new CustomerHistory("C002"), T).Number("days_since_order")));
    }

    [Fact]
    public void Constructor_FromContext_UsesTheSettingsPageCategoriesAndVocabulary()
    {
        var settings = new FeatureSettings
        {
            PageCategories = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["docs"] = ["/docs*"] },
            Metrics = new Dictionary<string, string>(StringComparer.Ordinal) { ["docs_views_30d"] = "count(activity.category = 'docs', 30d)" },
        };
        var context = new FeatureContext(settings);
        var group = new MetricFeatures(context);
        var history = new CustomerHistory("C001");
        context.Builder.Add(history, new Activity("A1", "C001", Millis.ToInstant(T - Millis.Day), ActivityTypes.PageView, "/docs/api", null));
        context.Builder.Add(history, new Activity("A2", "C001", Millis.ToInstant(T - Millis.Day), ActivityTypes.PageView, "/pricing", null));
        var numbers = new double[2];

        group.Evaluate(history, T, new FeatureRow(numbers, new string?[2], 1));

        Assert.Equal([0, 1], numbers);
    }

    [Fact]
    public void Constructor_InvalidMetric_ThrowsNamingTheMetric()
    {
        var metrics = new Dictionary<string, string>(StringComparer.Ordinal) { ["ok"] = "1", ["broken"] = "count(order 30d)" };

        var error = Assert.Throws<MetricDefinitionException>(() => new MetricFeatures(metrics, new HistoryVocabulary(), []));

        Assert.Equal(("broken", 13), (error.MetricName, error.Position));
    }
}
