using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Features.Metrics;

/// <summary>
/// The entities and fields metrics can read, bound to one evaluation's vocabulary and page categories.
/// Every field reads only what was known at the as-of instant: a ticket is open unless it closed before it,
/// and its satisfaction and time to close are known only once it has closed; a subscription is active unless it ended before it.
/// </summary>
internal sealed class MetricEntities
{
    /// <summary>The entity names, in the order error messages list them.</summary>
    public static readonly IReadOnlyList<string> Names = ["activity", "order", "ticket", "survey", "subscription"];

    private static readonly string[] OrderStatuses = ["completed", "cancelled", "returned"];
    private static readonly string[] SurveyKinds = ["nps", "csat"];

    /// <summary>Binds the fields that compare interned words and page categories.</summary>
    public MetricEntities(HistoryVocabulary vocabulary, IReadOnlyList<string> categoryNames)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(categoryNames);
        Activity = new("activity", h => h.Activities, new Dictionary<string, EntityField<ActivityEvent>>(StringComparer.Ordinal)
        {
            // Words are interned here, at compile time, so an id stays right when the word first appears in an event later.
            ["type"] = new(OperandKind.Text, Number: (in EventAt<ActivityEvent> e) => e.Event.Type, Matches: word =>
            {
                var id = vocabulary.Intern(word);
                return (in EventAt<ActivityEvent> e) => e.Event.Type == id;
            }),
            ["name"] = new(OperandKind.Text, Number: (in EventAt<ActivityEvent> e) => e.Event.Name < 0 ? double.NaN : e.Event.Name, Matches: word =>
            {
                var id = vocabulary.Intern(word);
                return (in EventAt<ActivityEvent> e) => e.Event.Name == id;
            }),
            ["quantity"] = EntityField<ActivityEvent>.Of((in EventAt<ActivityEvent> e) => e.Event.Quantity),
            ["category"] = EntityField<ActivityEvent>.Choice(categoryNames, i =>
            {
                var bit = 1u << i;
                return (in EventAt<ActivityEvent> e) => (e.Event.Categories & bit) != 0;
            }, key: null),
        });
        Order = new("order", h => h.Orders, new Dictionary<string, EntityField<OrderEvent>>(StringComparer.Ordinal)
        {
            ["amount"] = EntityField<OrderEvent>.Of((in EventAt<OrderEvent> e) => e.Event.Amount),
            ["status"] = EntityField<OrderEvent>.Choice(OrderStatuses, i =>
            {
                var status = (OrderStatus)i;
                return (in EventAt<OrderEvent> e) => e.Event.Status == status;
            }, (in EventAt<OrderEvent> e) => (int)e.Event.Status),
            ["recurring"] = EntityField<OrderEvent>.Of((in EventAt<OrderEvent> e) => e.Event.IsRecurring),
        });
        Ticket = new("ticket", h => h.Tickets, new Dictionary<string, EntityField<TicketEvent>>(StringComparer.Ordinal)
        {
            ["open"] = EntityField<TicketEvent>.Of((in EventAt<TicketEvent> e) => e.Event.Closed >= e.AsOf),
            ["satisfaction"] = EntityField<TicketEvent>.Of((in EventAt<TicketEvent> e) =>
                e.Event.Closed < e.AsOf && e.Event.Satisfaction > 0 ? e.Event.Satisfaction : double.NaN),
            ["days_to_close"] = EntityField<TicketEvent>.Of((in EventAt<TicketEvent> e) =>
                e.Event.Closed < e.AsOf ? (double)(e.Event.Closed - e.Event.Opened) / Millis.Day : double.NaN),
            ["sentiment"] = EntityField<TicketEvent>.Of((in EventAt<TicketEvent> e) => e.Event.Sentiment),
            ["intent"] = EntityField<TicketEvent>.Of((in EventAt<TicketEvent> e) => e.Event.ChurnIntent),
        });
        Survey = new("survey", h => h.Surveys, new Dictionary<string, EntityField<SurveyEvent>>(StringComparer.Ordinal)
        {
            ["score"] = EntityField<SurveyEvent>.Of((in EventAt<SurveyEvent> e) => e.Event.Score),
            ["kind"] = EntityField<SurveyEvent>.Choice(SurveyKinds, i =>
            {
                var kind = (SurveyKind)i;
                return (in EventAt<SurveyEvent> e) => e.Event.Kind == kind;
            }, (in EventAt<SurveyEvent> e) => (int)e.Event.Kind),
        });
        Subscription = new("subscription", h => h.Subscriptions, new Dictionary<string, EntityField<SubscriptionEvent>>(StringComparer.Ordinal)
        {
            ["active"] = EntityField<SubscriptionEvent>.Of((in EventAt<SubscriptionEvent> e) => e.Event.End >= e.AsOf),
            ["monthly_amount"] = EntityField<SubscriptionEvent>.Of((in EventAt<SubscriptionEvent> e) => e.Event.MonthlyAmount),
            ["cycle_months"] = EntityField<SubscriptionEvent>.Of((in EventAt<SubscriptionEvent> e) => e.Event.CycleMonths),
            ["seats"] = EntityField<SubscriptionEvent>.Of((in EventAt<SubscriptionEvent> e) => e.Event.Seats),
            ["plan"] = new(OperandKind.Text, Matches: plan => (in EventAt<SubscriptionEvent> e) => string.Equals(e.Event.Plan, plan, StringComparison.Ordinal)),
        }, EndOf: s => s.End);
    }

    /// <summary><c>activity</c>: logins, feature use, page views, email opens and clicks, by time.</summary>
    public EntitySchema<ActivityEvent> Activity { get; }

    /// <summary><c>order</c>: orders, by time placed.</summary>
    public EntitySchema<OrderEvent> Order { get; }

    /// <summary><c>ticket</c>: support tickets, by time opened.</summary>
    public EntitySchema<TicketEvent> Ticket { get; }

    /// <summary><c>survey</c>: NPS and CSAT answers, by time.</summary>
    public EntitySchema<SurveyEvent> Survey { get; }

    /// <summary><c>subscription</c>: contracts, by start; a window selects those that overlap it.</summary>
    public EntitySchema<SubscriptionEvent> Subscription { get; }
}
