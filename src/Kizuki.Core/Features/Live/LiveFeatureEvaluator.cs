using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Features.Live;

/// <summary>
/// Keeps every customer's feature state up to date one event at a time, and yields their features at any instant.
/// </summary>
/// <remarks>
/// <para>Each customer has a <see cref="CustomerHistory"/>, the same state the batch evaluator builds, so the catalog's
/// one definition of each feature gives the same value in both (a parity test holds this for the whole catalog).</para>
/// <para>Events may arrive out of order by up to <see cref="FeatureSettings.LatenessDays"/> behind the newest event of the
/// customer; they are placed at their time. An older event is refused (it is still in the store; the batch evaluator
/// sees it). Memory per customer is bounded: events older than <see cref="FeatureSettings.RetentionDays"/> behind the
/// newest are forgotten, which no feature needs (the longest window is 730 days).</para>
/// <para>Tickets and subscriptions change after they are created (closed, cancelled): a later version with the same id
/// replaces the earlier one. Not thread-safe: one writer per evaluator; partition customers across evaluators to scale.</para>
/// </remarks>
public sealed class LiveFeatureEvaluator
{
    private readonly FeatureContext _context;
    private readonly Dictionary<string, LiveCustomer> _customers = new(StringComparer.Ordinal);
    private readonly long _lateness;
    private readonly long _retention;

    /// <summary>An evaluator with no customers yet.</summary>
    public LiveFeatureEvaluator(FeatureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _lateness = context.Settings.LatenessDays * Millis.Day;
        _retention = context.Settings.RetentionDays * Millis.Day;
    }

    /// <summary>Customers with state.</summary>
    public int CustomerCount => _customers.Count;

    /// <summary>Events refused because they arrived later than the lateness allows.</summary>
    public long RefusedLate { get; private set; }

    /// <summary>Sets or replaces a customer record.</summary>
    public void Apply(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        HistoryBuilder.Add(Customer(customer.Id).History, customer);
    }

    /// <summary>Adds an order.</summary>
    public bool Apply(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var c = Customer(order.CustomerId);
        var time = Millis.Of(order.OrderedAt);
        if (!Accept(c, time))
        {
            return false;
        }

        HistoryBuilder.Add(c.History, order);
        Advance(c, time);
        return true;
    }

    /// <summary>Adds an activity.</summary>
    public bool Apply(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var c = Customer(activity.CustomerId);
        var time = Millis.Of(activity.OccurredAt);
        if (!Accept(c, time))
        {
            return false;
        }

        _context.Builder.Add(c.History, activity);
        Advance(c, time);
        return true;
    }

    /// <summary>Adds a survey answer.</summary>
    public bool Apply(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var c = Customer(response.CustomerId);
        var time = Millis.Of(response.RespondedAt);
        if (!Accept(c, time))
        {
            return false;
        }

        HistoryBuilder.Add(c.History, response);
        Advance(c, time);
        return true;
    }

    /// <summary>Adds a retention touch or hold-out.</summary>
    public bool Apply(Touch touch)
    {
        ArgumentNullException.ThrowIfNull(touch);
        var c = Customer(touch.CustomerId);
        var time = Millis.Of(touch.TouchedAt);
        if (!Accept(c, time))
        {
            return false;
        }

        HistoryBuilder.Add(c.History, touch);
        Advance(c, time);
        return true;
    }

    /// <summary>Adds a recorded cancellation.</summary>
    public bool Apply(ChurnEvent churnEvent)
    {
        ArgumentNullException.ThrowIfNull(churnEvent);
        var c = Customer(churnEvent.CustomerId);
        var time = Millis.Of(churnEvent.OccurredAt);
        if (!Accept(c, time))
        {
            return false;
        }

        HistoryBuilder.Add(c.History, churnEvent);
        Advance(c, time);
        return true;
    }

    /// <summary>Adds a ticket, or replaces the earlier version of it (e.g. now closed).</summary>
    public bool Apply(Ticket ticket, double sentiment = double.NaN, double churnIntent = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var c = Customer(ticket.CustomerId);
        if (!c.Tickets.ContainsKey(ticket.Id) && !Accept(c, Millis.Of(ticket.OpenedAt)))
        {
            return false;
        }

        c.Tickets[ticket.Id] = (ticket, sentiment, churnIntent);
        c.History.Tickets.Clear();
        foreach (var (t, s, i) in c.Tickets.Values)
        {
            HistoryBuilder.Add(c.History, t, s, i);
        }

        Advance(c, Millis.Of(ticket.OpenedAt));
        return true;
    }

    /// <summary>Adds a subscription, or replaces the earlier version of it (e.g. now cancelled).</summary>
    public bool Apply(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var c = Customer(subscription.CustomerId);
        if (!c.Subscriptions.ContainsKey(subscription.Id) && !Accept(c, Millis.Of(subscription.StartedAt)))
        {
            return false;
        }

        c.Subscriptions[subscription.Id] = subscription;
        c.History.Subscriptions.Clear();
        foreach (var s in c.Subscriptions.Values)
        {
            HistoryBuilder.Add(c.History, s);
        }

        Advance(c, Millis.Of(subscription.StartedAt));
        return true;
    }

    /// <summary>The customer's features at <paramref name="asOf"/>; a customer with no state gets the features of an empty history.</summary>
    public FeatureValues Evaluate(string customerId, DateTimeOffset asOf) =>
        _context.Catalog.Evaluate(History(customerId), Millis.Of(asOf));

    /// <summary>The customer's features at <paramref name="asOf"/> (ms) into caller-owned buffers, without allocating.</summary>
    public void Evaluate(string customerId, long asOf, double[] numbers, string?[] categories) =>
        _context.Catalog.Evaluate(History(customerId), asOf, numbers, categories);

    /// <summary>The state of a customer (read-only use), or an empty history.</summary>
    public CustomerHistory History(string customerId) =>
        _customers.TryGetValue(customerId, out var c) ? c.History : new CustomerHistory(customerId);

    private LiveCustomer Customer(string id)
    {
        if (!_customers.TryGetValue(id, out var c))
        {
            c = new LiveCustomer(new CustomerHistory(id));
            _customers[id] = c;
        }

        return c;
    }

    private bool Accept(LiveCustomer c, long time)
    {
        if (c.Newest != long.MinValue && time < c.Newest - _lateness)
        {
            RefusedLate++;
            return false;
        }

        return true;
    }

    private void Advance(LiveCustomer c, long time)
    {
        if (time <= c.Newest)
        {
            return;
        }

        c.Newest = time;
        // Forget in steps of 30 days, so the cost is paid once a month per customer, not on every event.
        if (time - _retention > c.ForgottenUntil + 30 * Millis.Day)
        {
            c.ForgottenUntil = time - _retention;
            c.History.Forget(c.ForgottenUntil);
            // The same rule as CustomerHistory.Forget, so a later update rebuilds exactly what is kept.
            foreach (var id in c.Tickets.Where(p => p.Value.Ticket.ClosedAt is { } closed && Millis.Of(closed) < c.ForgottenUntil
                         && Millis.Of(p.Value.Ticket.OpenedAt) < c.ForgottenUntil).Select(p => p.Key).ToList())
            {
                c.Tickets.Remove(id);
            }

            foreach (var id in c.Subscriptions.Where(p => p.Value.EndedAt is { } end && Millis.Of(end) < c.ForgottenUntil)
                         .Select(p => p.Key).ToList())
            {
                c.Subscriptions.Remove(id);
            }
        }
    }

    private sealed class LiveCustomer(CustomerHistory history)
    {
        public CustomerHistory History { get; } = history;
        public long Newest { get; set; } = long.MinValue;
        public long ForgottenUntil { get; set; } = long.MinValue / 2;
        public Dictionary<string, (Ticket Ticket, double Sentiment, double Intent)> Tickets { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Subscription> Subscriptions { get; } = new(StringComparer.Ordinal);
    }
}
