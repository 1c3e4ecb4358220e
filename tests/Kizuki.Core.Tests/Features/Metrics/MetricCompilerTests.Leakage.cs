using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Metrics;

public sealed partial class MetricCompilerTests
{
    /// <summary>Metrics touching every entity and field, and every aggregate.</summary>
    private static readonly string[] EveryField =
    [
        "count(activity.type = 'login', 30d)",
        "days_since(activity.type = 'login')",
        "distinct(activity.name, activity.type = 'feature_use', 90d)",
        "sum(activity.quantity, 30d) + count(activity.category = 'pricing', 30d)",
        "sum(order.amount, order.status = 'completed', 90d)",
        "avg(order.amount, not order.recurring, 1y)",
        "min(order.amount, 90d) + max(order.amount, 90d)",
        "latest(order.amount)",
        "count(ticket.open, 90d)",
        "avg(ticket.satisfaction, 1y)",
        "latest(ticket.satisfaction)",
        "avg(ticket.days_to_close, 1y)",
        "max(ticket.intent, 90d) + min(ticket.sentiment, 90d)",
        "latest(survey.score, survey.kind = 'nps')",
        "days_since(survey)",
        "count(subscription.active, 2y)",
        "latest(subscription.monthly_amount, subscription.active)",
    ];

    [Fact]
    public void Evaluate_EventsAtOrAfterAsOfAndLaterClosings_ChangeNoMetric()
    {
        Activity(3, ActivityTypes.Login);
        Activity(10, ActivityTypes.FeatureUse, "export", 5);
        Activity(12, ActivityTypes.PageView, "/pricing");
        Order(20, 5000);
        Order(40, 3000, OrderStatus.Returned, recurring: true);
        Ticket(15, closedDaysBefore: 14, satisfaction: 5, sentiment: 0.2, intent: 0.1);
        Ticket(5, sentiment: -0.5, intent: 0.7);
        Survey(30, SurveyKind.Nps, 8);
        _history.Subscriptions.Add(new SubscriptionEvent(DaysBefore(300), Millis.Never, 5000, 1, 3, "pro"));
        var before = EveryField.Select(Eval).ToArray();

        // What is learnt at or after the as-of instant: the open ticket and the subscription close later, and new events arrive.
        var open = _history.Tickets[1];
        var running = _history.Subscriptions[0];
        _history.Tickets.Clear();
        _history.Subscriptions.Clear();
        Ticket(15, closedDaysBefore: 14, satisfaction: 5, sentiment: 0.2, intent: 0.1);
        _history.Tickets.Add(open with { Closed = T, Satisfaction = 1 });
        _history.Subscriptions.Add(running with { End = T + Millis.Day });
        foreach (var at in new[] { T, T + 1, T + (5 * Millis.Day) })
        {
            _history.Activities.Add(_builder.ToEvent(at, ActivityTypes.Login, null, null));
            _history.Activities.Add(_builder.ToEvent(at, ActivityTypes.PageView, "/pricing", 3));
            _history.Orders.Add(new OrderEvent(at, 99_999, OrderStatus.Completed, false));
            _history.Tickets.Add(new TicketEvent(at, at + 1, 1, -1, 1));
            _history.Surveys.Add(new SurveyEvent(at, SurveyKind.Nps, 0));
            _history.Subscriptions.Add(new SubscriptionEvent(at, Millis.Never, 1, 1, 1, "lite"));
        }

        var after = EveryField.Select(Eval).ToArray();

        Assert.Equal(before, after);
        Assert.DoesNotContain(0.0, before);
    }
}
