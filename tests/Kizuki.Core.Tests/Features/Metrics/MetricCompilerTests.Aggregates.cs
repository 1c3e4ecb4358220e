using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Metrics;

public sealed partial class MetricCompilerTests
{
    [Fact]
    public void Count_WindowIsHalfOpen_IncludesItsStartAndExcludesTheAsOfInstant()
    {
        _history.Orders.Add(new OrderEvent(T - (30 * Millis.Day), 1, OrderStatus.Completed, false));
        _history.Orders.Add(new OrderEvent(T - (30 * Millis.Day) - 1, 2, OrderStatus.Completed, false));
        _history.Orders.Add(new OrderEvent(T - 1, 4, OrderStatus.Completed, false));
        _history.Orders.Add(new OrderEvent(T, 8, OrderStatus.Completed, false));

        Assert.Equal(2, Eval("count(order, 30d)"));
        Assert.Equal(5, Eval("sum(order.amount, 30d)"));
        Assert.Equal(12, EvalAt("sum(order.amount, 30d)", T + 1));
    }

    [Theory]
    [InlineData("count(order, 2w)", 2)]
    [InlineData("count(order, 14d)", 2)]
    [InlineData("count(order, 1m)", 3)]
    [InlineData("count(order, 3m)", 4)]
    [InlineData("count(order, 1y)", 5)]
    [InlineData("count(order, 730d)", 6)]
    public void Count_WindowUnits_AreDaysWeeksThirtyDayMonthsAndYearsOf365Days(string expression, double expected)
    {
        foreach (var d in new[] { 1, 13.9, 29.9, 89.9, 364.9, 729.9, 730.1 })
        {
            Order(d, 100);
        }

        Assert.Equal(expected, Eval(expression));
    }

    [Fact]
    public void SumAvgMinMax_OverFilteredOrders_GiveKnownValues()
    {
        Order(1, 1000);
        Order(5, 3000);
        Order(10, 500, OrderStatus.Cancelled);
        Order(40, 9000);

        Assert.Equal(4500, Eval("sum(order.amount, 30d)"));
        Assert.Equal(4000, Eval("sum(order.amount, order.status = 'completed', 30d)"));
        Assert.Equal(2000, Eval("avg(order.amount, order.status != 'cancelled', 30d)"));
        Assert.Equal(500, Eval("min(order.amount, 30d)"));
        Assert.Equal(3000, Eval("max(order.amount, order.status = 'completed', 30d)"));
        Assert.Equal(9000, Eval("max(order.amount, 90d)"));
        Assert.Equal(2, Eval("count(order.amount >= 1000 and order.amount < 5000, 90d)"));
    }

    [Fact]
    public void Aggregates_OverNothing_SumAndCountAreZeroOthersNaN()
    {
        Order(100, 1000);

        Assert.Equal(0, Eval("count(order, 30d)"));
        Assert.Equal(0, Eval("sum(order.amount, 30d)"));
        Assert.Equal(0, Eval("distinct(order.status, 30d)"));
        Assert.True(double.IsNaN(Eval("avg(order.amount, 30d)")));
        Assert.True(double.IsNaN(Eval("min(order.amount, 30d)")));
        Assert.True(double.IsNaN(Eval("max(order.amount, 30d)")));
        Assert.True(double.IsNaN(Eval("days_since(order, 30d)")));
        Assert.True(double.IsNaN(Eval("latest(order.amount, 30d)")));
    }

    [Fact]
    public void Aggregates_SkipUnknownValues_ButCountCountsTheEvents()
    {
        Activity(1, ActivityTypes.FeatureUse, "export", 10);
        Activity(2, ActivityTypes.FeatureUse, "export");
        Activity(3, ActivityTypes.FeatureUse, "export", 20);

        Assert.Equal(3, Eval("count(activity, 30d)"));
        Assert.Equal(30, Eval("sum(activity.quantity, 30d)"));
        Assert.Equal(15, Eval("avg(activity.quantity, 30d)"));
        Assert.Equal(10, Eval("min(activity.quantity, 30d)"));
    }

    [Fact]
    public void Distinct_CountsDifferentValuesOfMatchingEvents()
    {
        Activity(1, ActivityTypes.FeatureUse, "export");
        Activity(2, ActivityTypes.FeatureUse, "report");
        Activity(3, ActivityTypes.FeatureUse, "export");
        Activity(4, ActivityTypes.PageView, "/pricing");
        Activity(5, ActivityTypes.Login);
        Activity(50, ActivityTypes.FeatureUse, "invoice");

        Assert.Equal(2, Eval("distinct(activity.name, activity.type = 'feature_use', 30d)"));
        Assert.Equal(3, Eval("distinct(activity.name, 30d)"));
        Assert.Equal(3, Eval("distinct(activity.type, 30d)"));
        Assert.Equal(3, Eval("distinct(activity.name, activity.type = 'feature_use', 90d)"));
    }

    [Fact]
    public void DaysSince_LatestMatchingEvent_IsFractionalDaysBeforeAsOf()
    {
        Activity(2.5, ActivityTypes.Login);
        Activity(1, ActivityTypes.FeatureUse, "export");

        Assert.Equal(2.5, Eval("days_since(activity.type = 'login')"), 12);
        Assert.Equal(1, Eval("days_since(activity)"), 12);
        Assert.True(double.IsNaN(Eval("days_since(activity.type = 'login', 2d)")));
        Assert.True(double.IsNaN(Eval("days_since(activity.type = 'email_open')")));
    }

    [Fact]
    public void DaysSince_WithoutWindow_LooksBackAtMost730Days()
    {
        Order(729, 1);
        Assert.Equal(729, Eval("days_since(order)"), 9);

        _history.Orders.Clear();
        Order(731, 1);
        Assert.True(double.IsNaN(Eval("days_since(order)")));
    }

    [Fact]
    public void Latest_ValueOfTheLatestMatchingEventBeforeAsOf()
    {
        Survey(40, SurveyKind.Nps, 9);
        Survey(20, SurveyKind.Csat, 2);
        Survey(10, SurveyKind.Nps, 4);
        _history.Surveys.Add(new SurveyEvent(T, SurveyKind.Nps, 0));

        Assert.Equal(4, Eval("latest(survey.score, survey.kind = 'nps')"));
        Assert.Equal(2, Eval("latest(survey.score, survey.kind = 'csat')"));
        Assert.Equal(4, Eval("latest(survey.score)"));
        Assert.Equal(2, Eval("latest(survey.score, survey.kind = 'csat', 30d)"));
        Assert.Equal(9, Eval("latest(survey.score, 60d) + max(survey.score, survey.kind = 'nps', 60d) - 4"));
        Assert.True(double.IsNaN(Eval("latest(survey.score, 5d)")));
    }
}
