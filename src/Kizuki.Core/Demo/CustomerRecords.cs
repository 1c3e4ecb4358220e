using Kizuki.Domain;

namespace Kizuki.Demo;

/// <summary>Everything generated for one customer, in the order it is written, with the hidden story behind it.</summary>
internal sealed class CustomerRecords(Customer customer, CustomerStory story)
{
    private int _subscriptions;
    private int _orders;
    private int _activities;
    private int _tickets;
    private int _surveys;
    private int _touches;
    private int _churnEvents;

    public Customer Customer { get; } = customer;

    public CustomerStory Story { get; } = story;

    public string Id => Customer.Id;

    public List<Subscription> Subscriptions { get; } = new(1);

    public List<Order> Orders { get; } = [];

    public List<Activity> Activities { get; } = new(128);

    public List<Ticket> Tickets { get; } = [];

    public List<SurveyResponse> Surveys { get; } = [];

    public List<Touch> Touches { get; } = [];

    public List<ChurnEvent> ChurnEvents { get; } = [];

    public string NextSubscriptionId() => DemoIds.Record('S', Id, ++_subscriptions, 2);

    public string NextOrderId() => DemoIds.Record('O', Id, ++_orders, 4);

    public string NextActivityId() => DemoIds.Record('A', Id, ++_activities, 5);

    public string NextTicketId() => DemoIds.Record('T', Id, ++_tickets, 3);

    public string NextSurveyId() => DemoIds.Record('R', Id, ++_surveys, 3);

    public string NextTouchId() => DemoIds.Record('X', Id, ++_touches, 3);

    public string NextChurnEventId() => DemoIds.Record('K', Id, ++_churnEvents, 2);

    public void AddActivity(DateTimeOffset at, string type, string? name, double? quantity) =>
        Activities.Add(new Activity(NextActivityId(), Id, at, type, name, quantity));

    /// <summary>Adds a touch; touches are sorted by time when the customer is complete.</summary>
    public void AddTouch(DateTimeOffset at, string campaign, string channel, bool isControl) =>
        Touches.Add(new Touch(NextTouchId(), Id, at, campaign, channel, isControl));
}
