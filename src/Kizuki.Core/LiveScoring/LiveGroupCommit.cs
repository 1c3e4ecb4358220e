using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>
/// The live path's group write on the embedded store: a group's events, the scores and follow-up touches of earlier groups
/// that are ready, and the data-generation change go into one transaction on one long-lived connection; the submitters are
/// answered after it commits.
/// </summary>
/// <remarks>
/// An append-only event is new when its insert changed a row (<c>ON CONFLICT DO NOTHING</c> reports 0 for a stored id,
/// or one seen earlier in the group), so no id is probed beforehand. A ledger other than the store's own (the demo's
/// replay, which re-scores stored events) is asked instead, as the session path does. Upserted kinds (customers,
/// subscriptions, tickets) always count as new versions. If the write or the commit fails, the transaction is rolled back
/// and every submission of the group fails.
/// </remarks>
internal sealed class LiveGroupCommit : IDisposable
{
    private readonly SqliteLiveWrites _writes;
    private readonly IEventLedger? _ledger;

    /// <summary>A group writer into <paramref name="store"/>.</summary>
    /// <param name="store">The embedded store.</param>
    /// <param name="ledger">Which ids are stored, when not the store itself (null: the insert's changes count decides).</param>
    public LiveGroupCommit(SqliteStore store, IEventLedger? ledger)
    {
        _writes = new SqliteLiveWrites(store);
        _ledger = ledger;
    }

    /// <summary>Time spent writing events (the inserts, without scores).</summary>
    public TimeSpan Inserting { get; private set; }

    /// <summary>Time spent writing the scores and touches that ride along.</summary>
    public TimeSpan Storing { get; private set; }

    /// <summary>Time spent changing the data generation and committing.</summary>
    public TimeSpan Committing { get; private set; }

    /// <summary>The writes (for their commit count).</summary>
    public SqliteLiveWrites Writes => _writes;

    /// <summary>Writes one group and whatever <paramref name="alsoWrite"/> adds, in one transaction; returns which records were new.</summary>
    /// <param name="records">The group's events (may be empty when only scores are due).</param>
    /// <param name="alsoWrite">Writes into the open transaction after the events (it handles its own failures); returns
    /// whether it wrote data records (touches), which change the data generation. May be null.</param>
    public bool[] Write(IReadOnlyList<object> records, Func<SqliteLiveWrites, bool>? alsoWrite = null)
    {
        var fresh = new bool[records.Count];
        var known = _ledger is null || records.Count == 0 ? null : Known(records);
        var changed = false;
        var began = System.Diagnostics.Stopwatch.GetTimestamp();
        _writes.Begin();
        try
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                var kind = LiveEvents.KindOf(record);
                var rows = Add(record);
                fresh[i] = LiveEvents.IsUpserted(kind) || (known is null ? rows == 1 : known[kind].Add(LiveEvents.IdOf(record)));
                changed |= fresh[i];
            }

            var inserted = System.Diagnostics.Stopwatch.GetTimestamp();
            Inserting += System.Diagnostics.Stopwatch.GetElapsedTime(began, inserted);
            if (alsoWrite is not null)
            {
                changed |= alsoWrite(_writes);
            }

            var committing = System.Diagnostics.Stopwatch.GetTimestamp();
            Storing += System.Diagnostics.Stopwatch.GetElapsedTime(inserted, committing);
            _writes.Commit(changed);
            Committing += System.Diagnostics.Stopwatch.GetElapsedTime(committing);
        }
        catch
        {
            _writes.Rollback();
            throw;
        }

        return fresh;
    }

    /// <inheritdoc />
    public void Dispose() => _writes.Dispose();

    private Dictionary<EntityKind, HashSet<string>> Known(IReadOnlyList<object> records)
    {
        var known = new Dictionary<EntityKind, HashSet<string>>();
        foreach (var group in records.GroupBy(LiveEvents.KindOf))
        {
            known[group.Key] = LiveEvents.IsUpserted(group.Key)
                ? new HashSet<string>(StringComparer.Ordinal)
                : _ledger!.Known(group.Key, [.. group.Select(LiveEvents.IdOf)]);
        }

        return known;
    }

    private int Add(object record) => record switch
    {
        Customer c => _writes.Add(c),
        Order o => _writes.Add(o),
        Subscription s => _writes.Add(s),
        Activity a => _writes.Add(a),
        Ticket t => _writes.Add(t),
        SurveyResponse r => _writes.Add(r),
        Touch t => _writes.Add(t),
        ChurnEvent e => _writes.Add(e),
        _ => throw new ArgumentException($"not a live event: {record.GetType().Name}", nameof(record)),
    };
}
