using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.Tests.TestDoubles;

/// <summary>An import session that keeps everything in lists, for tests of code that writes records.</summary>
internal sealed class RecordingImportSession : IImportSession
{
    public List<Customer> Customers { get; } = [];
    public List<Order> Orders { get; } = [];
    public List<(string OrderId, int LineNumber, OrderLine Line)> Lines { get; } = [];
    public List<Subscription> Subscriptions { get; } = [];
    public List<Activity> Activities { get; } = [];
    public List<Ticket> Tickets { get; } = [];
    public List<SurveyResponse> Surveys { get; } = [];
    public List<Touch> Touches { get; } = [];
    public List<ChurnEvent> ChurnEvents { get; } = [];
    public bool Committed { get; private set; }
    public bool Disposed { get; private set; }

    public void Add(Customer customer) => Customers.Add(customer);
    public void Add(Order order) => Orders.Add(order);
    public void AddLine(string orderId, int lineNumber, OrderLine line) => Lines.Add((orderId, lineNumber, line));
    public void Add(Subscription subscription) => Subscriptions.Add(subscription);
    public void Add(Activity activity) => Activities.Add(activity);
    public void Add(Ticket ticket) => Tickets.Add(ticket);
    public void Add(SurveyResponse response) => Surveys.Add(response);
    public void Add(Touch touch) => Touches.Add(touch);
    public void Add(ChurnEvent churnEvent) => ChurnEvents.Add(churnEvent);

    public WriteCounts Commit()
    {
        Committed = true;
        var inserted = new Dictionary<EntityKind, long>
        {
            [EntityKind.Customers] = Customers.Count,
            [EntityKind.Orders] = Orders.Count,
            [EntityKind.OrderLines] = Lines.Count + Orders.Sum(o => o.Lines.Count),
            [EntityKind.Subscriptions] = Subscriptions.Count,
            [EntityKind.Activities] = Activities.Count,
            [EntityKind.Tickets] = Tickets.Count,
            [EntityKind.Surveys] = Surveys.Count,
            [EntityKind.Touches] = Touches.Count,
            [EntityKind.ChurnEvents] = ChurnEvents.Count,
        };
        var none = inserted.ToDictionary(p => p.Key, _ => 0L);
        return new WriteCounts(inserted, none, none);
    }

    public void Dispose() => Disposed = true;
}
