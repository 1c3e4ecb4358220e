using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>One atomic write into a store.</summary>
/// <remarks>
/// Records are keyed by their source id. Event-like records (orders, activities, surveys, touches,
/// churn events, order lines) are append-only: a record whose id is already stored is left as it is.
/// Records that change over time (customers, subscriptions, tickets) are upserted: a changed record
/// replaces the stored one, an identical one changes nothing. Re-importing the same data therefore
/// changes nothing. Disposing a session without <see cref="Commit"/> rolls everything back.
/// </remarks>
public interface IImportSession : IDisposable
{
    /// <summary>Adds or updates a customer.</summary>
    void Add(Customer customer);

    /// <summary>Adds an order and its lines.</summary>
    void Add(Order order);

    /// <summary>Adds one line to an order (for sources that export lines separately).</summary>
    /// <param name="orderId">The order the line belongs to.</param>
    /// <param name="lineNumber">Position of the line in the order, from 1; with the order id, the line's key.</param>
    /// <param name="line">The line.</param>
    void AddLine(string orderId, int lineNumber, OrderLine line);

    /// <summary>Adds or updates a subscription.</summary>
    void Add(Subscription subscription);

    /// <summary>Adds an activity.</summary>
    void Add(Activity activity);

    /// <summary>Adds or updates a ticket.</summary>
    void Add(Ticket ticket);

    /// <summary>Adds a survey response.</summary>
    void Add(SurveyResponse response);

    /// <summary>Adds a touch.</summary>
    void Add(Touch touch);

    /// <summary>Adds a churn event.</summary>
    void Add(ChurnEvent churnEvent);

    /// <summary>Makes everything added visible at once and reports what changed.</summary>
    WriteCounts Commit();
}

/// <summary>What a committed import changed, per entity kind.</summary>
/// <param name="Inserted">New records, per kind.</param>
/// <param name="Updated">Records that replaced a different stored version, per kind.</param>
/// <param name="Unchanged">Records already stored exactly so, per kind.</param>
public sealed record WriteCounts(
    IReadOnlyDictionary<EntityKind, long> Inserted,
    IReadOnlyDictionary<EntityKind, long> Updated,
    IReadOnlyDictionary<EntityKind, long> Unchanged)
{
    /// <summary>Total records newly inserted.</summary>
    public long TotalInserted => Inserted.Values.Sum();

    /// <summary>Total records updated.</summary>
    public long TotalUpdated => Updated.Values.Sum();

    /// <summary>Total records that changed nothing.</summary>
    public long TotalUnchanged => Unchanged.Values.Sum();
}
