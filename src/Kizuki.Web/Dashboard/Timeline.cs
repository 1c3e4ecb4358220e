using System.Globalization;
using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.Web.Dashboard;

/// <summary>A customer's events merged into one list, newest first: orders, subscriptions, logins, tickets, surveys, touches, churn.</summary>
/// <remarks>
/// Activities can number thousands per customer, so they are folded into one entry per day and type ("login × 3");
/// the list keeps the newest <see cref="MaxEvents"/> entries.
/// </remarks>
internal static class Timeline
{
    /// <summary>Entries kept, newest first.</summary>
    public const int MaxEvents = 200;

    public static IReadOnlyList<TimelineEvent> Of(IStore store, string customerId, IReadOnlyList<Subscription> subscriptions)
    {
        var events = new List<TimelineEvent>();
        foreach (var order in store.Orders(customerId))
        {
            events.Add(new TimelineEvent(order.OrderedAt, "order", order.Id,
                string.Join(", ", order.Lines.Select(l => l.Product)), order.Amount.Amount, order.Amount.Currency, Status: Text(order.Status)));
        }

        foreach (var s in subscriptions)
        {
            events.Add(new TimelineEvent(s.StartedAt, "subscription", s.Id, s.Plan, s.RecurringAmount.Amount, s.RecurringAmount.Currency));
            if (s.EndedAt is { } ended)
            {
                events.Add(new TimelineEvent(ended, "subscriptionEnd", s.Id, s.CancellationReason ?? s.Plan, null, null, Status: s.Competitor));
            }
        }

        foreach (var day in store.Activities(customerId).GroupBy(a => (Day: a.OccurredAt.UtcDateTime.Date, a.Type)))
        {
            var last = day.MaxBy(a => a.OccurredAt)!;
            events.Add(new TimelineEvent(last.OccurredAt, "activity", last.Id, day.Key.Type, null, null, Count: day.Count()));
        }

        foreach (var t in store.Tickets(customerId))
        {
            events.Add(new TimelineEvent(t.OpenedAt, "ticket", t.Id, t.Subject, null, null, Text(t.Status), Detail: t.Body));
        }

        foreach (var s in store.Surveys(customerId))
        {
            events.Add(new TimelineEvent(s.RespondedAt, "survey", s.Id, Text(s.Kind) + " " + s.Score.ToString(CultureInfo.InvariantCulture),
                s.Score, null, Detail: s.Comment));
        }

        foreach (var t in store.Touches(customerId))
        {
            events.Add(new TimelineEvent(t.TouchedAt, "touch", t.Id, t.Campaign, null, null, t.IsControl ? "control" : t.Channel));
        }

        foreach (var c in store.ChurnEvents(customerId))
        {
            events.Add(new TimelineEvent(c.OccurredAt, "churn", c.Id, c.Reason ?? "", null, null, c.Competitor));
        }

        return [.. events.OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Take(MaxEvents)];
    }

    private static string Text<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicyCamel(value.ToString());

    private static string JsonNamingPolicyCamel(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

/// <summary>One entry of a customer's timeline.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">order, subscription, subscriptionEnd, activity, ticket, survey, touch or churn.</param>
/// <param name="Id">The source record's id.</param>
/// <param name="Summary">Products, plan, activity type, ticket subject, survey kind and score, campaign or churn reason.</param>
/// <param name="Amount">The amount of an order or subscription, or a survey's score; null otherwise.</param>
/// <param name="Currency">The amount's currency, when it is money.</param>
/// <param name="Status">Order or ticket status, touch channel (or control), competitor.</param>
/// <param name="Count">How many activities the entry folds (one day, one type).</param>
/// <param name="Detail">A ticket's body or a survey's comment.</param>
internal sealed record TimelineEvent(
    DateTimeOffset At, string Kind, string Id, string Summary, decimal? Amount, string? Currency,
    string? Status = null, int? Count = null, string? Detail = null);
