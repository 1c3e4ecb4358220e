using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>
/// A window of stored history, ready to be replayed through the live path as if it were happening: the history before the
/// window as it stood at its start, and the window's events in time order.
/// </summary>
/// <remarks>
/// <para>Point in time: the store keeps only the newest version of a contract or ticket, so a contract that ended inside the
/// window is given to the history as still running (no end, no cancellation reason) and its end arrives as an event when
/// it happened; a ticket closed inside the window is open in the history (or opens as an event) and closes as an event.
/// Customers who signed up inside the window arrive as events too, so nothing after the window's start is known before.</para>
/// <para>Retention touches before the window are part of the history (they are features of the model).</para>
/// </remarks>
internal sealed class ReplayWindow
{
    private ReplayWindow(DateTimeOffset from, DateTimeOffset until, IReadOnlyList<object> history, IReadOnlyList<object> events)
    {
        From = from;
        Until = until;
        History = history;
        Events = events;
    }

    /// <summary>The window's first instant.</summary>
    public DateTimeOffset From { get; }

    /// <summary>The instant after the window (exclusive).</summary>
    public DateTimeOffset Until { get; }

    /// <summary>Everything known before <see cref="From"/>: customers first, then records in time order, each as it stood at <see cref="From"/>.</summary>
    public IReadOnlyList<object> History { get; }

    /// <summary>The events in [<see cref="From"/>, <see cref="Until"/>), in time order (a signup before the customer's other events at the same instant).</summary>
    public IReadOnlyList<object> Events { get; }

    /// <summary>Reads the window [<paramref name="from"/>, <paramref name="until"/>) and the history before it from <paramref name="store"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="until"/> is not after <paramref name="from"/>.</exception>
    public static ReplayWindow Read(IStore store, DateTimeOffset from, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(until, from);
        var customers = new List<object>();
        var events = new List<object>();
        foreach (var customer in store.Customers())
        {
            if (customer.SignupAt < from)
            {
                customers.Add(customer);
            }
            else if (customer.SignupAt < until)
            {
                events.Add(customer);
            }
        }

        var history = new List<object>();
        void Place(object record, DateTimeOffset at)
        {
            if (at < from)
            {
                history.Add(record);
            }
            else if (at < until)
            {
                events.Add(record);
            }
        }

        foreach (var s in store.Subscriptions())
        {
            var running = s.EndedAt is null ? s : s with { EndedAt = null, CancellationReason = null, Competitor = null };
            // Before the window: as it stood at its start (running unless it had already ended).
            Place(s.EndedAt is { } end && end < from ? s : running, s.StartedAt);
            if (s.EndedAt is { } ended && ended >= from)
            {
                Place(s, ended);
            }
        }

        foreach (var t in store.Tickets())
        {
            var open = t.ClosedAt is null ? t : t with { ClosedAt = null, Status = TicketStatus.Open, Satisfaction = null };
            Place(t.ClosedAt is { } close && close < from ? t : open, t.OpenedAt);
            if (t.ClosedAt is { } closed && closed >= from)
            {
                Place(t, closed);
            }
        }

        foreach (var o in store.Orders()) { Place(o, o.OrderedAt); }
        foreach (var a in store.Activities()) { Place(a, a.OccurredAt); }
        foreach (var r in store.Surveys()) { Place(r, r.RespondedAt); }
        foreach (var t in store.Touches()) { Place(t, t.TouchedAt); }
        foreach (var e in store.ChurnEvents()) { Place(e, e.OccurredAt); }

        // Stable sorts: a signup (added first) stays before the customer's events at the same instant.
        customers.AddRange(history.OrderBy(LiveEvents.TimeOf));
        return new ReplayWindow(from, until, customers, [.. events.OrderBy(LiveEvents.TimeOf)]);
    }

    /// <summary>Loads <see cref="History"/> into the scorer's live state (instead of <see cref="LiveScorer.Warm"/>, which reads the store's newest versions).</summary>
    /// <returns>How many records the state took.</returns>
    public long Warm(LiveScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        long applied = 0;
        foreach (var record in History)
        {
            applied += LiveEvents.Apply(scorer.State, record) ? 1 : 0;
        }

        return applied;
    }
}
