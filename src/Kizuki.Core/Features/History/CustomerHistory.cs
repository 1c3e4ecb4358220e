using Kizuki.Domain;

namespace Kizuki.Features.History;

/// <summary>Everything features need to know about one customer, in compact, time-ordered form.</summary>
/// <remarks>
/// This is the single state both evaluators work on. The batch evaluator fills a fresh history from the store
/// (events strictly before the as-of instant); the live evaluator keeps one per customer and adds each event as
/// it arrives. Features read it only through the as-of instant they are given, and never look at anything at or
/// after it, so the same history answers for any instant it covers.
/// </remarks>
public sealed class CustomerHistory
{
    /// <summary>An empty history for a customer not (yet) known beyond the id.</summary>
    public CustomerHistory(string customerId) => CustomerId = customerId;

    /// <summary>The customer's id.</summary>
    public string CustomerId { get; private set; }

    /// <summary>The customer record, once known.</summary>
    public Customer? Customer { get; set; }

    /// <summary>Orders, by time.</summary>
    public EventSeries<OrderEvent> Orders { get; } = new();

    /// <summary>Activities, by time.</summary>
    public EventSeries<ActivityEvent> Activities { get; } = new();

    /// <summary>Subscriptions, by start.</summary>
    public EventSeries<SubscriptionEvent> Subscriptions { get; } = new();

    /// <summary>Tickets, by opening time.</summary>
    public EventSeries<TicketEvent> Tickets { get; } = new();

    /// <summary>Survey answers, by time.</summary>
    public EventSeries<SurveyEvent> Surveys { get; } = new();

    /// <summary>Retention touches and hold-outs, by time.</summary>
    public EventSeries<TouchEvent> Touches { get; } = new();

    /// <summary>Recorded cancellations, by time.</summary>
    public EventSeries<ChurnMark> ChurnMarks { get; } = new();

    /// <summary>Signup instant (ms), or <see cref="Millis.Never"/> while the customer record is unknown.</summary>
    public long SignupAt => Customer is { } c ? Millis.Of(c.SignupAt) : Millis.Never;

    /// <summary>Empties the history for another customer, keeping its buffers (batch readers reuse one per worker).</summary>
    public void Reset(string customerId)
    {
        CustomerId = customerId;
        Customer = null;
        Orders.Clear();
        Activities.Clear();
        Subscriptions.Clear();
        Tickets.Clear();
        Surveys.Clear();
        Touches.Clear();
        ChurnMarks.Clear();
    }

    /// <summary>Removes every event before <paramref name="time"/> (the live evaluator's memory bound).</summary>
    public void Forget(long time)
    {
        Orders.RemoveBefore(time);
        Activities.RemoveBefore(time);
        Surveys.RemoveBefore(time);
        Touches.RemoveBefore(time);
        ChurnMarks.RemoveBefore(time);
        // Tickets and subscriptions stay while they may still matter: an old ticket still open counts as open,
        // a subscription that started long ago may still run. Only those that ended before the cut go.
        KeepWhere(Tickets, t => t.Opened >= time || t.Closed >= time);
        KeepWhere(Subscriptions, s => s.End >= time);
    }

    private static void KeepWhere<T>(EventSeries<T> series, Func<T, bool> keep)
        where T : struct, ITimed
    {
        var all = series.All.ToArray();
        if (Array.TrueForAll(all, e => keep(e)))
        {
            return;
        }

        series.Clear();
        foreach (var e in all)
        {
            if (keep(e))
            {
                series.Add(e);
            }
        }
    }
}
