using System.Globalization;
using Kizuki.Domain;
using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Features.Batch;

internal sealed partial class SqlitePartitionReader
{
    private string _currency = Money.DefaultCurrency;

    private Customer ReadCustomer(string id)
    {
        var c = _customers;
        var attributes = c.Bytes(8);
        return new Customer(
            id,
            c.NullableText(1),
            Millis.ToInstant(c.Int64(2)),
            new CustomerSegment(c.NullableText(3), c.NullableText(4), c.NullableText(5), c.NullableText(6), c.NullableText(7)),
            attributes.SequenceEqual("{}"u8) ? Customer.NoAttributes : StoreValues.ParseAttributes(c.Text(8)));
    }

    // orders: customer_id, ordered_at, amount, status, is_recurring, currency
    private void AddOrders(CustomerHistory history, ReadOnlySpan<byte> id)
    {
        var o = _orders;
        while (o.SeekCustomer(id))
        {
            var order = new Order("", history.CustomerId, Millis.ToInstant(o.Int64(1)), new Money(Amount(o, 2), Currency(o, 5)),
                Status(o.Bytes(3)), o.Int64(4) != 0, Order.NoLines);
            HistoryBuilder.Add(history, order);
            o.Step();
        }
    }

    // subscriptions: customer_id, started_at, ended_at, amount, currency, billing_cycle_months, seats, plan
    private void AddSubscriptions(CustomerHistory history, ReadOnlySpan<byte> id)
    {
        var s = _subscriptions;
        while (s.SeekCustomer(id))
        {
            var subscription = new Subscription("", history.CustomerId, s.Text(7), Millis.ToInstant(s.Int64(1)), null,
                s.IsNull(2) ? null : Millis.ToInstant(s.Int64(2)), new Money(Amount(s, 3), Currency(s, 4)),
                (int)s.Int64(5), (int)s.Int64(6), null, null);
            HistoryBuilder.Add(history, subscription);
            s.Step();
        }
    }

    // activities: customer_id, occurred_at, type, name, quantity
    private void AddActivities(CustomerHistory history, ReadOnlySpan<byte> id)
    {
        if (_snapshot is not null)
        {
            _snapshot.AddTo(history.Activities, id, _until);
            return;
        }

        var a = _activities!;
        var series = history.Activities;
        while (a.SeekCustomer(id))
        {
            var name = a.Bytes(3);
            var hasName = name.Length > 0 || !a.IsNull(3);
            var quantity = a.IsNull(4) ? double.NaN : a.Double(4);
            series.Add(_templates.ToEvent(a.Int64(1), a.Bytes(2), name, hasName, quantity));
            a.Step();
        }
    }

    // tickets: customer_id, opened_at, closed_at, satisfaction (channel, text and status are not features' business)
    private void AddTickets(CustomerHistory history, ReadOnlySpan<byte> id)
    {
        var t = _tickets;
        while (t.SeekCustomer(id))
        {
            var closed = !t.IsNull(2);
            var ticket = new Ticket("", history.CustomerId, Millis.ToInstant(t.Int64(1)), closed ? Millis.ToInstant(t.Int64(2)) : null,
                TicketChannel.Mail, "", "", closed ? TicketStatus.Closed : TicketStatus.Open, t.IsNull(3) ? null : (int)t.Int64(3));
            HistoryBuilder.Add(history, ticket);
            t.Step();
        }
    }

    // surveys: customer_id, responded_at, kind, score
    private void AddSurveys(CustomerHistory history, ReadOnlySpan<byte> id)
    {
        var s = _surveys;
        while (s.SeekCustomer(id))
        {
            var kind = s.Bytes(2) switch
            {
                var k when k.SequenceEqual("nps"u8) => SurveyKind.Nps,
                var k when k.SequenceEqual("csat"u8) => SurveyKind.Csat,
                _ => StoreValues.ParseEnum<SurveyKind>(s.Text(2)),
            };
            HistoryBuilder.Add(history, new SurveyResponse("", history.CustomerId, Millis.ToInstant(s.Int64(1)), kind, (int)s.Int64(3), null));
            s.Step();
        }
    }

    private static decimal Amount(RawStatement statement, int column) =>
        decimal.Parse(statement.Bytes(column), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    private static OrderStatus Status(ReadOnlySpan<byte> text) => text switch
    {
        _ when text.SequenceEqual("completed"u8) => OrderStatus.Completed,
        _ when text.SequenceEqual("cancelled"u8) => OrderStatus.Cancelled,
        _ when text.SequenceEqual("returned"u8) => OrderStatus.Returned,
        _ => StoreValues.ParseEnum<OrderStatus>(System.Text.Encoding.UTF8.GetString(text)),
    };

    // A business uses one currency, so the last one read is almost always the next one: no string per row.
    private string Currency(RawStatement statement, int column)
    {
        var bytes = statement.Bytes(column);
        if (bytes.Length != _currency.Length || !System.Text.Ascii.Equals(bytes, _currency))
        {
            _currency = statement.Text(column);
        }

        return _currency;
    }
}
