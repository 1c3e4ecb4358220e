using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>Takes one row of a store table: the import session batches it, the live writer runs it at once.</summary>
internal interface IStoreRowSink
{
    /// <summary>Writes one row of <paramref name="table"/> in its column order; returns the rows changed, where the sink knows it.</summary>
    int Write(StoreTable table, params ReadOnlySpan<object?> values);
}

/// <summary>
/// The one mapping from a record to its SQLite row (same columns, same text for amounts and instants), shared by every
/// SQLite writer so imports and live writes store the same rows.
/// </summary>
internal static class StoreRows
{
    /// <summary>Writes a customer.</summary>
    public static int Write<TSink>(TSink sink, Customer customer) where TSink : IStoreRowSink
    {
        ArgumentNullException.ThrowIfNull(customer);
        var s = customer.Segment;
        return sink.Write(StoreTables.Customers, customer.Id, customer.Name, StoreValues.ToUnixMilliseconds(customer.SignupAt),
            s.Industry, s.Region, s.Plan, s.AcquisitionChannel, s.CompanySize, StoreValues.ToJson(customer.Attributes));
    }

    /// <summary>Writes an order and then its lines; returns what the sink says of the order row.</summary>
    public static int Write<TSink>(TSink sink, Order order) where TSink : IStoreRowSink
    {
        ArgumentNullException.ThrowIfNull(order);
        var written = sink.Write(StoreTables.Orders, order.Id, order.CustomerId, StoreValues.ToUnixMilliseconds(order.OrderedAt),
            StoreValues.ToText(order.Amount.Amount), order.Amount.Currency, StoreValues.ToText(order.Status),
            order.IsRecurring ? 1L : 0L);
        for (var i = 0; i < order.Lines.Count; i++)
        {
            WriteLine(sink, order.Id, i + 1, order.Lines[i]);
        }

        return written;
    }

    /// <summary>Writes one order line (numbered from 1).</summary>
    public static int WriteLine<TSink>(TSink sink, string orderId, int lineNumber, OrderLine line) where TSink : IStoreRowSink =>
        sink.Write(StoreTables.OrderLines, orderId, (long)lineNumber, line.Product, line.Category,
            StoreValues.ToText(line.Quantity), line.UnitPrice is { } price ? StoreValues.ToText(price) : null);

    /// <summary>Writes a subscription.</summary>
    public static int Write<TSink>(TSink sink, Subscription subscription) where TSink : IStoreRowSink
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var s = subscription;
        return sink.Write(StoreTables.Subscriptions, s.Id, s.CustomerId, s.Plan, StoreValues.ToUnixMilliseconds(s.StartedAt),
            Millis(s.RenewsAt), Millis(s.EndedAt), StoreValues.ToText(s.RecurringAmount.Amount), s.RecurringAmount.Currency,
            (long)s.BillingCycleMonths, (long)s.Seats, s.CancellationReason, s.Competitor);
    }

    /// <summary>Writes an activity.</summary>
    public static int Write<TSink>(TSink sink, Activity activity) where TSink : IStoreRowSink
    {
        ArgumentNullException.ThrowIfNull(activity);
        return sink.Write(StoreTables.Activities, activity.Id, activity.CustomerId, StoreValues.ToUnixMilliseconds(activity.OccurredAt),
            activity.Type, activity.Name, activity.Quantity);
    }

    /// <summary>Writes a ticket.</summary>
    public static int Write<TSink>(TSink sink, Ticket ticket) where TSink : IStoreRowSink
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var t = ticket;
        return sink.Write(StoreTables.Tickets, t.Id, t.CustomerId, StoreValues.ToUnixMilliseconds(t.OpenedAt), Millis(t.ClosedAt),
            StoreValues.ToText(t.Channel), t.Subject, t.Body, StoreValues.ToText(t.Status), (long?)t.Satisfaction);
    }

    /// <summary>Writes a survey response.</summary>
    public static int Write<TSink>(TSink sink, SurveyResponse response) where TSink : IStoreRowSink
    {
        ArgumentNullException.ThrowIfNull(response);
        return sink.Write(StoreTables.Surveys, response.Id, response.CustomerId, StoreValues.ToUnixMilliseconds(response.RespondedAt),
            StoreValues.ToText(response.Kind), (long)response.Score, response.Comment);
    }

    /// <summary>Writes a touch.</summary>
    public static int Write<TSink>(TSink sink, Touch touch) where TSink : IStoreRowSink
    {
        ArgumentNullException.ThrowIfNull(touch);
        return sink.Write(StoreTables.Touches, touch.Id, touch.CustomerId, StoreValues.ToUnixMilliseconds(touch.TouchedAt),
            touch.Campaign, touch.Channel, touch.IsControl ? 1L : 0L);
    }

    /// <summary>Writes a churn event.</summary>
    public static int Write<TSink>(TSink sink, ChurnEvent churnEvent) where TSink : IStoreRowSink
    {
        ArgumentNullException.ThrowIfNull(churnEvent);
        return sink.Write(StoreTables.ChurnEvents, churnEvent.Id, churnEvent.CustomerId,
            StoreValues.ToUnixMilliseconds(churnEvent.OccurredAt), churnEvent.Reason, churnEvent.Competitor);
    }

    private static long? Millis(DateTimeOffset? instant) =>
        instant is { } value ? StoreValues.ToUnixMilliseconds(value) : null;
}
