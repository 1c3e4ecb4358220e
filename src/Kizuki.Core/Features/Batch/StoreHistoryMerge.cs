using Kizuki.Domain;
using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Features.Batch;

/// <summary>
/// The generic reader: merges the store's ordered record streams (customers, orders, subscriptions, activities,
/// tickets, surveys, touches, churn events) into one history per customer. Works on any <see cref="IStore"/>.
/// </summary>
internal static class StoreHistoryMerge
{
    /// <summary>The histories of every customer (or of one), in id order, with the events strictly before <paramref name="until"/>.</summary>
    public static IEnumerable<CustomerHistory> Read(IStore store, HistoryBuilder builder, long until, string? customerId = null)
    {
        using var orders = new Stream<Order>(store.Orders(customerId), o => o.CustomerId, o => o.OrderedAt);
        using var subscriptions = new Stream<Subscription>(store.Subscriptions(customerId), s => s.CustomerId, s => s.StartedAt);
        using var activities = new Stream<Activity>(store.Activities(customerId), a => a.CustomerId, a => a.OccurredAt);
        using var tickets = new Stream<Ticket>(store.Tickets(customerId), t => t.CustomerId, t => t.OpenedAt);
        using var surveys = new Stream<SurveyResponse>(store.Surveys(customerId), s => s.CustomerId, s => s.RespondedAt);
        using var touches = new Stream<Touch>(store.Touches(customerId), t => t.CustomerId, t => t.TouchedAt);
        using var churnEvents = new Stream<ChurnEvent>(store.ChurnEvents(customerId), c => c.CustomerId, c => c.OccurredAt);
        foreach (var customer in store.Customers(customerId))
        {
            var history = new CustomerHistory(customer.Id);
            HistoryBuilder.Add(history, customer);
            var id = customer.Id;
            orders.Drain(id, until, o => HistoryBuilder.Add(history, o));
            subscriptions.Drain(id, until, s => HistoryBuilder.Add(history, s));
            activities.Drain(id, until, a => builder.Add(history, a));
            tickets.Drain(id, until, t => HistoryBuilder.Add(history, t));
            surveys.Drain(id, until, r => HistoryBuilder.Add(history, r));
            touches.Drain(id, until, t => HistoryBuilder.Add(history, t));
            churnEvents.Drain(id, until, c => HistoryBuilder.Add(history, c));
            yield return history;
        }
    }

    /// <summary>One ordered record stream, looked at one record ahead.</summary>
    private sealed class Stream<T>(IEnumerable<T> records, Func<T, string> customerOf, Func<T, DateTimeOffset> timeOf) : IDisposable
        where T : class
    {
        private readonly IEnumerator<T> _records = records.GetEnumerator();
        private T? _current;
        private bool _started;

        /// <summary>Hands every record of <paramref name="customerId"/> dated before <paramref name="until"/> to <paramref name="add"/>.</summary>
        public void Drain(string customerId, long until, Action<T> add)
        {
            while (Seek(customerId) is { } record)
            {
                if (Millis.Of(timeOf(record)) < until)
                {
                    add(record);
                }
            }
        }

        /// <summary>The next record of <paramref name="customerId"/> (skipping records of customers before it), or null.</summary>
        public T? Seek(string customerId)
        {
            if (!_started)
            {
                _started = true;
                Advance();
            }

            while (_current is not null)
            {
                var order = CustomerIdOrder.Compare(customerOf(_current), customerId);
                if (order > 0)
                {
                    return null;
                }

                var record = _current;
                Advance();
                if (order == 0)
                {
                    return record;
                }
            }

            return null;
        }

        public void Dispose() => _records.Dispose();

        private void Advance() => _current = _records.MoveNext() ? _records.Current : null;
    }
}
