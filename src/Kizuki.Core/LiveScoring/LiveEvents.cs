using Kizuki.Domain;
using Kizuki.Features.Live;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>What the live path needs to know about any domain record: its kind, id, customer and instant.</summary>
internal static class LiveEvents
{
    private static readonly string[] Names = [.. Enum.GetValues<EntityKind>().Select(EntityKinds.Name)];

    /// <summary>The entity kind's name as typed (e.g. <c>activities</c>).</summary>
    public static string NameOf(EntityKind kind) => Names[(int)kind];

    /// <summary>The entity kind of a record.</summary>
    public static EntityKind KindOf(object record) => record switch
    {
        Customer => EntityKind.Customers,
        Order => EntityKind.Orders,
        Subscription => EntityKind.Subscriptions,
        Activity => EntityKind.Activities,
        Ticket => EntityKind.Tickets,
        SurveyResponse => EntityKind.Surveys,
        Touch => EntityKind.Touches,
        ChurnEvent => EntityKind.ChurnEvents,
        _ => throw new ArgumentException($"not a live event: {record.GetType().Name}", nameof(record)),
    };

    /// <summary>The record's source id.</summary>
    public static string IdOf(object record) => record switch
    {
        Customer c => c.Id,
        Order o => o.Id,
        Subscription s => s.Id,
        Activity a => a.Id,
        Ticket t => t.Id,
        SurveyResponse r => r.Id,
        Touch t => t.Id,
        ChurnEvent e => e.Id,
        _ => throw new ArgumentException($"not a live event: {record.GetType().Name}", nameof(record)),
    };

    /// <summary>The customer the record belongs to.</summary>
    public static string CustomerOf(object record) => record switch
    {
        Customer c => c.Id,
        Order o => o.CustomerId,
        Subscription s => s.CustomerId,
        Activity a => a.CustomerId,
        Ticket t => t.CustomerId,
        SurveyResponse r => r.CustomerId,
        Touch t => t.CustomerId,
        ChurnEvent e => e.CustomerId,
        _ => throw new ArgumentException($"not a live event: {record.GetType().Name}", nameof(record)),
    };

    /// <summary>When the record happened (a customer: signup; a ticket: opening; a subscription: start).</summary>
    public static DateTimeOffset TimeOf(object record) => record switch
    {
        Customer c => c.SignupAt,
        Order o => o.OrderedAt,
        Subscription s => s.EndedAt ?? s.StartedAt,
        Activity a => a.OccurredAt,
        Ticket t => t.ClosedAt ?? t.OpenedAt,
        SurveyResponse r => r.RespondedAt,
        Touch t => t.TouchedAt,
        ChurnEvent e => e.OccurredAt,
        _ => throw new ArgumentException($"not a live event: {record.GetType().Name}", nameof(record)),
    };

    /// <summary>
    /// Whether the kind changes over time (customers, subscriptions, tickets): a new version replaces the old one, so
    /// applying it again to live state is harmless; every other kind is applied once, when new.
    /// </summary>
    public static bool IsUpserted(EntityKind kind) => kind is EntityKind.Customers or EntityKind.Subscriptions or EntityKind.Tickets;

    /// <summary>Adds a record to an import session.</summary>
    public static void Add(IImportSession session, object record)
    {
        switch (record)
        {
            case Customer c: session.Add(c); break;
            case Order o: session.Add(o); break;
            case Subscription s: session.Add(s); break;
            case Activity a: session.Add(a); break;
            case Ticket t: session.Add(t); break;
            case SurveyResponse r: session.Add(r); break;
            case Touch t: session.Add(t); break;
            case ChurnEvent e: session.Add(e); break;
            default: throw new ArgumentException($"not a live event: {record.GetType().Name}", nameof(record));
        }
    }

    /// <summary>Applies a record to live feature state; false when it is refused (too late) or has no feature effect.</summary>
    public static bool Apply(LiveFeatureEvaluator live, object record)
    {
        switch (record)
        {
            case Customer c: live.Apply(c); return true;
            case Order o: return live.Apply(o);
            case Subscription s: return live.Apply(s);
            case Activity a: return live.Apply(a);
            case Ticket t: return live.Apply(t);
            case SurveyResponse r: return live.Apply(r);
            case Touch t: return live.Apply(t);
            case ChurnEvent e: return live.Apply(e);
            default: return false;
        }
    }
}
