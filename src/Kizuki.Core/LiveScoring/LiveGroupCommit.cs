using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>
/// The live path's group write on the embedded store: a group's events, the scores and follow-up touches they cause, and
/// the data-generation change go into one transaction on one long-lived connection; the submitters are answered after it commits.
/// </summary>
/// <remarks>
/// An append-only event is new when its insert changed a row (<c>ON CONFLICT DO NOTHING</c> reports 0 for a stored id,
/// or one seen earlier in the group), so no id is probed beforehand. A ledger other than the store's own (the demo's
/// replay, which re-scores stored events) is asked instead, as the session path does. Upserted kinds (customers,
/// subscriptions, tickets) always count as new versions. If scoring fails, the events are still committed (nothing
/// accepted is lost) and the pipeline stops scoring; if the write or the commit fails, the transaction is rolled back and
/// every submission of the group fails.
/// </remarks>
internal sealed class LiveGroupCommit : IDisposable
{
    private readonly SqliteLiveWrites _writes;
    private readonly IEventLedger? _ledger;
    private readonly Action<IReadOnlyList<object>, SqliteLiveWrites> _score;

    /// <summary>A group writer into <paramref name="store"/>.</summary>
    /// <param name="store">The embedded store.</param>
    /// <param name="ledger">Which ids are stored, when not the store itself (null: the insert's changes count decides).</param>
    /// <param name="score">Scores a group's new events inside the open transaction (it handles its own failures).</param>
    public LiveGroupCommit(SqliteStore store, IEventLedger? ledger, Action<IReadOnlyList<object>, SqliteLiveWrites> score)
    {
        _writes = new SqliteLiveWrites(store);
        _ledger = ledger;
        _score = score ?? throw new ArgumentNullException(nameof(score));
    }

    /// <summary>Whether the live state may hold events whose transaction then failed (the scorer must stop).</summary>
    public bool StateAhead { get; private set; }

    /// <summary>Time spent writing events (the inserts, without scoring).</summary>
    public TimeSpan Inserting { get; private set; }

    /// <summary>Time spent changing the data generation and committing.</summary>
    public TimeSpan Committing { get; private set; }

    /// <summary>The writes (for their commit count).</summary>
    public SqliteLiveWrites Writes => _writes;

    /// <summary>Writes one group; returns which records were new.</summary>
    public bool[] Write(IReadOnlyList<object> records)
    {
        var fresh = new bool[records.Count];
        var known = _ledger is null ? null : Known(records);
        var accepted = new List<object>(records.Count);
        var scored = false;
        var began = System.Diagnostics.Stopwatch.GetTimestamp();
        _writes.Begin();
        try
        {
            for (var i = 0; i < records.Count; i++)
            {
                var record = records[i];
                var kind = LiveEvents.KindOf(record);
                var changed = Add(record);
                fresh[i] = LiveEvents.IsUpserted(kind) || (known is null ? changed == 1 : known[kind].Add(LiveEvents.IdOf(record)));
                if (fresh[i])
                {
                    accepted.Add(record);
                }
            }

            Inserting += System.Diagnostics.Stopwatch.GetElapsedTime(began);
            if (accepted.Count > 0)
            {
                scored = true;
                _score(accepted, _writes);
            }

            var committing = System.Diagnostics.Stopwatch.GetTimestamp();
            _writes.Commit();
            Committing += System.Diagnostics.Stopwatch.GetElapsedTime(committing);
        }
        catch
        {
            StateAhead |= scored;
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
