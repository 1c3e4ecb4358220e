using Kizuki.Domain;

namespace Kizuki.Features.History;

/// <summary>Turns stored records into history events: the one conversion both evaluators use.</summary>
/// <param name="vocabulary">Interns activity types and names.</param>
/// <param name="classifier">Assigns page categories to page-view paths.</param>
public sealed class HistoryBuilder(HistoryVocabulary vocabulary, PageClassifier classifier)
{
    /// <summary>The vocabulary events are interned in.</summary>
    public HistoryVocabulary Vocabulary => vocabulary;

    /// <summary>The page view type's id.</summary>
    public int PageViewType { get; } = vocabulary.Intern(ActivityTypes.PageView);

    /// <summary>Sets the customer record.</summary>
    public static void Add(CustomerHistory history, Customer customer) => history.Customer = customer;

    /// <summary>Adds an order.</summary>
    public static void Add(CustomerHistory history, Order order) =>
        history.Orders.Add(new OrderEvent(Millis.Of(order.OrderedAt), (double)order.Amount.Amount, order.Status, order.IsRecurring));

    /// <summary>Adds an activity.</summary>
    public void Add(CustomerHistory history, Activity activity) =>
        history.Activities.Add(ToEvent(Millis.Of(activity.OccurredAt), activity.Type, activity.Name, activity.Quantity));

    /// <summary>An activity event from its parts (for readers that skip the domain record).</summary>
    public ActivityEvent ToEvent(long time, string type, string? name, double? quantity)
    {
        var typeId = vocabulary.Intern(type);
        var categories = name is not null && typeId == PageViewType ? classifier.Classify(name) : 0u;
        return new ActivityEvent(time, typeId, name is null ? -1 : vocabulary.Intern(name), categories, quantity ?? double.NaN);
    }

    /// <summary>Adds a subscription.</summary>
    public static void Add(CustomerHistory history, Subscription s) =>
        history.Subscriptions.Add(new SubscriptionEvent(
            Millis.Of(s.StartedAt),
            s.EndedAt is { } end ? Millis.Of(end) : Millis.Never,
            (double)s.RecurringAmount.Amount / Math.Max(1, s.BillingCycleMonths),
            Math.Max(1, s.BillingCycleMonths),
            s.Seats,
            s.Plan));

    /// <summary>Adds a ticket; its text scores are unknown (NaN) until a text scorer fills them.</summary>
    public static void Add(CustomerHistory history, Ticket t, double sentiment = double.NaN, double churnIntent = double.NaN) =>
        history.Tickets.Add(new TicketEvent(
            Millis.Of(t.OpenedAt),
            t.ClosedAt is { } closed ? Millis.Of(closed) : Millis.Never,
            t.Satisfaction ?? 0,
            sentiment,
            churnIntent));

    /// <summary>Adds a survey answer.</summary>
    public static void Add(CustomerHistory history, SurveyResponse r) =>
        history.Surveys.Add(new SurveyEvent(Millis.Of(r.RespondedAt), r.Kind, r.Score));

    /// <summary>Adds a retention touch or hold-out.</summary>
    public static void Add(CustomerHistory history, Touch t) => history.Touches.Add(new TouchEvent(Millis.Of(t.TouchedAt), t.IsControl));

    /// <summary>Adds a recorded cancellation.</summary>
    public static void Add(CustomerHistory history, ChurnEvent c) => history.ChurnMarks.Add(new ChurnMark(Millis.Of(c.OccurredAt)));
}
