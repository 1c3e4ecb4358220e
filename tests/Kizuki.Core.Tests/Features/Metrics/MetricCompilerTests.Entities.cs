using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Metrics;

public sealed partial class MetricCompilerTests
{
    [Fact]
    public void ActivityCategory_MatchesPageViewsByTheSettingsPathPatterns()
    {
        Activity(1, ActivityTypes.PageView, "/pricing/enterprise");
        Activity(2, ActivityTypes.PageView, "/plans");
        Activity(3, ActivityTypes.PageView, "/help/billing");
        Activity(4, ActivityTypes.PageView, "/blog/news");
        Activity(5, ActivityTypes.FeatureUse, "/pricing");

        Assert.Equal(2, Eval("count(activity.category = 'pricing', 30d)"));
        Assert.Equal(1, Eval("count(activity.category = 'support', 30d)"));
        Assert.Equal(0, Eval("count(activity.category = 'cancellation', 30d)"));
        Assert.Equal(2, Eval("count(activity.type = 'page_view' and activity.category != 'pricing', 30d)"));
        Assert.Equal(1, Eval("count(activity.name = '/plans', 30d)"));
    }

    [Fact]
    public void ActivityName_ComparedAsTheWholeInternedText()
    {
        Activity(1, ActivityTypes.FeatureUse, "report");
        Activity(2, ActivityTypes.FeatureUse, "report_pdf");
        Activity(3, ActivityTypes.Login);

        Assert.Equal(1, Eval("count(activity.name = 'report', 30d)"));
        Assert.Equal(2, Eval("count(activity.name != 'report', 30d)"));
        Assert.Equal(2, Eval("days_since(activity.type = 'feature_use' and activity.name = 'report_pdf')"), 9);
    }

    [Fact]
    public void Order_StatusAndRecurringFields_FilterOrders()
    {
        Order(1, 100, recurring: true);
        Order(2, 200, OrderStatus.Returned);
        Order(3, 400, OrderStatus.Cancelled, recurring: true);
        Order(4, 800);

        Assert.Equal(500, Eval("sum(order.amount, order.recurring, 30d)"));
        Assert.Equal(1000, Eval("sum(order.amount, not order.recurring, 30d)"));
        Assert.Equal(2, Eval("count(order.status = 'returned' or order.status = 'cancelled', 30d)"));
        Assert.Equal(2, Eval("sum(order.recurring, 30d)"));
        Assert.Equal(0.5, Eval("count(order.status != 'completed', 30d) / count(order, 30d)"));
    }

    [Fact]
    public void Ticket_OpenAndSatisfaction_AreOnlyWhatWasKnownBeforeAsOf()
    {
        Ticket(20, closedDaysBefore: 18, satisfaction: 4);
        Ticket(10, closedDaysBefore: -2, satisfaction: 1);
        Ticket(5);
        Ticket(3, closedDaysBefore: 1, satisfaction: 0);

        Assert.Equal(2, Eval("count(ticket.open, 30d)"));
        Assert.Equal(4, Eval("avg(ticket.satisfaction, 30d)"));
        Assert.Equal(4, Eval("latest(ticket.satisfaction, ticket.satisfaction > 0)"));
        Assert.True(double.IsNaN(Eval("latest(ticket.satisfaction)")));
        Assert.Equal(2, Eval("avg(ticket.days_to_close, 30d)"), 9);
        Assert.Equal(1, EvalAt("count(ticket.open, 30d)", T + (3 * Millis.Day)));
        Assert.Equal(2.5, EvalAt("avg(ticket.satisfaction, 30d)", T + (3 * Millis.Day)), 9);
    }

    [Fact]
    public void Ticket_TextScores_AreNaNUntilScoredAndSkipped()
    {
        Ticket(2, sentiment: -0.8, intent: 0.9);
        Ticket(4, sentiment: 0.4, intent: 0.1);
        Ticket(6);

        Assert.Equal(1, Eval("count(ticket.sentiment < 0, 30d)"));
        Assert.Equal(1, Eval("count(ticket.intent >= 0.5, 30d)"));
        Assert.Equal(-0.2, Eval("avg(ticket.sentiment, 30d)"), 12);
        Assert.Equal(3, Eval("count(ticket, 30d)"));
        Assert.Equal(0.9, Eval("latest(ticket.intent)"));
    }

    [Fact]
    public void Survey_ScoreAndKind_SelectAnswers()
    {
        Survey(100, SurveyKind.Nps, 9);
        Survey(30, SurveyKind.Nps, 5);
        Survey(10, SurveyKind.Csat, 4);

        Assert.Equal(5, Eval("latest(survey.score, survey.kind = 'nps')"));
        Assert.Equal(-4, Eval("latest(survey.score, survey.kind = 'nps') - min(survey.score, survey.kind = 'nps' and survey.score > 6, 1y)"));
        Assert.Equal(1, Eval("count(survey.kind = 'nps' and survey.score <= 6, 1y)"));
        Assert.Equal(30, Eval("days_since(survey.kind = 'nps')"), 9);
    }

    [Fact]
    public void Subscription_ActiveOnlyUntilAnEndBeforeAsOf()
    {
        _history.Subscriptions.Add(new SubscriptionEvent(DaysBefore(400), DaysBefore(100), 3000, 1, 2, "basic"));
        _history.Subscriptions.Add(new SubscriptionEvent(DaysBefore(100), DaysBefore(-10), 12000, 12, 5, "pro"));
        _history.Subscriptions.Add(new SubscriptionEvent(T, Millis.Never, 500, 1, 1, "lite"));

        Assert.Equal(1, Eval("count(subscription.active, 2y)"));
        Assert.Equal(12000, Eval("latest(subscription.monthly_amount, subscription.active)"));
        Assert.Equal(5, Eval("latest(subscription.seats, subscription.plan = 'pro')"));
        Assert.Equal(12, Eval("latest(subscription.cycle_months)"));
        Assert.Equal(2, Eval("count(subscription, 2y)"));
        Assert.Equal(0, EvalAt("count(subscription.active and subscription.plan = 'pro', 2y)", T + (20 * Millis.Day)));
        Assert.Equal(1, EvalAt("count(subscription.active, 2y)", T + (20 * Millis.Day)));
    }

    [Fact]
    public void Subscription_Window_SelectsContractsThatOverlapIt()
    {
        _history.Subscriptions.Add(new SubscriptionEvent(DaysBefore(1000), Millis.Never, 5000, 1, 10, "pro"));
        _history.Subscriptions.Add(new SubscriptionEvent(DaysBefore(900), DaysBefore(40), 1000, 1, 1, "basic"));
        _history.Subscriptions.Add(new SubscriptionEvent(DaysBefore(800), DaysBefore(760), 700, 1, 1, "lite"));

        Assert.Equal(1, Eval("count(subscription, 30d)"));
        Assert.Equal(2, Eval("count(subscription, 90d)"));
        Assert.Equal(2, Eval("count(subscription, 2y)"));
        Assert.Equal(1, Eval("count(subscription.active, 90d)"));
        Assert.Equal(6000, Eval("sum(subscription.monthly_amount, 90d)"));
        Assert.Equal(1, Eval("count(subscription.plan = 'basic' and not subscription.active, 90d)"));
    }
}
