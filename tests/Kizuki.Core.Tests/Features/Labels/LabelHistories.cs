using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Labels;

/// <summary>Hand-built histories for label tests; times are whole days from a fixed cutoff T.</summary>
internal static class LabelHistories
{
    /// <summary>The cutoff the label tests use: 2025-01-01T00:00Z.</summary>
    public static readonly long T = Millis.Of(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>T plus a number of days (negative: before T).</summary>
    public static long Day(double days) => T + (long)(days * Millis.Day);

    public static CustomerHistory Customer(string id = "C001") => new(id);

    public static CustomerHistory Subscribed(this CustomerHistory history, double startDay, double? endDay = null, string plan = "basic")
    {
        history.Subscriptions.Add(new SubscriptionEvent(Day(startDay), endDay is { } end ? Day(end) : Millis.Never, 3000, 1, 1, plan));
        return history;
    }

    public static CustomerHistory Ordered(this CustomerHistory history, double day, OrderStatus status = OrderStatus.Completed)
    {
        history.Orders.Add(new OrderEvent(Day(day), 5000, status, false));
        return history;
    }

    public static CustomerHistory Cancelled(this CustomerHistory history, double day)
    {
        history.ChurnMarks.Add(new ChurnMark(Day(day)));
        return history;
    }
}
