using Kizuki.Domain;
using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Features.Batch;

/// <summary>
/// The generic reader: merges the store's ordered record streams (customers, orders, subscriptions, activities,
/// tickets, surveys, churn events) into one history per customer. Works on any <see cref="IStore"/>.
/// </summary>
internal static class StoreHistoryMerge
{
    /// <summary>The histories of every customer (or of one), in id order, with the events strictly before <paramref name="until"/>.</summary>
    public static IEnumerable<CustomerHistory> Read(IStore store, HistoryBuilder builder, long until, string? customerId = null)
    {
        using var orders = new Stream<Order>(store.Orders(customerId), o => o.CustomerId);
        using var subscriptions = new Stream<Subscription>(store.Subscriptions(customerId), s => s.CustomerId);
        using var activities = new Stream<Activity>(store.Activities(customerId), a => a.CustomerId);
        using var tickets = new Stream<Ticket>(store.Tickets(customerId), t => t.CustomerId);
        using var surveys = new Stream<SurveyResponse>(store.Surveys(customerId), s => s.CustomerId);
        using var churnEvents = new Stream<ChurnEvent>(store.ChurnEvents(customerId), c => c.CustomerId);
        foreach (var customer in store.Customers(customerId))
        {
            var history = new CustomerHistory(customer.Id);
            HistoryBuilder.Add(history, customer);
            var id = customer.Id;
            while (orders.Seek(id) is { } o)
            {
                if (Millis.Of(o.OrderedAt) < until)
                {
                    HistoryBuilder.Add(history, o);
                }
            }

            while (subscriptions.Seek(id) is { } s)
            {
                if (Millis.Of(s.StartedAt) < until)
                {
                    HistoryBuilder.Add(history, s);
                }
            }

            while (activities.Seek(id) is { } a)
            {
                if (Millis.Of(a.OccurredAt) < until)
                {
                    builder.Add(history, a);
                }
            }

            while (tickets.Seek(id) is { } t)
            {
                if (Millis.Of(t.OpenedAt) < until)
                {
                    HistoryBuilder.Add(history, t);
                }
            }

            while (surveys.Seek(id) is { } r)
            {
                if (Millis.Of(r.RespondedAt) < until)
                {
                    HistoryBuilder.Add(history, r);
                }
            }

            while (churnEvents.Seek(id) is { } c)
            {
                if (Millis.Of(c.OccurredAt) < until)
                {
                    HistoryBuilder.Add(history, c);
                }
            }

            yield return history;
        }
    }

    /// <summary>One ordered record stream, looked at one record ahead.</summary>
    private sealed class Stream<T>(IEnumerable<T> records, Func<T, string> customerOf) : IDisposable
        where T : class
    {
        private readonly IEnumerator<T> _records = records.GetEnumerator();
        private T? _current;
        private bool _started;

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
