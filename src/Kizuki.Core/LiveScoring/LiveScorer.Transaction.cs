using Kizuki.Storage;

namespace Kizuki.LiveScoring;

internal sealed partial class LiveScorer
{
    private readonly List<StoredAlert> _deferred = [];
    private SqliteLiveWrites? _writes;
    private DateTimeOffset _deferredAt;

    /// <summary>The store the scorer writes its scores and touches into.</summary>
    public IStore Store => _store;

    /// <summary>
    /// <see cref="Step(IReadOnlyList{object})"/> inside the open transaction of <paramref name="writes"/> (the live pipeline's
    /// group on the embedded store): the scores and follow-up touches are written there and commit with the group's events;
    /// the alerts and their tasks are held until <see cref="RaiseDeferred"/>, which the pipeline calls after the commit.
    /// </summary>
    public LiveStep Step(IReadOnlyList<object> events, SqliteLiveWrites writes)
    {
        ArgumentNullException.ThrowIfNull(writes);
        _writes = writes;
        try
        {
            return Step(events);
        }
        finally
        {
            _writes = null;
        }
    }

    /// <summary>Stores the alerts (and tasks) of the steps taken in a transaction since the last call; call after its commit.</summary>
    /// <returns>How many alerts were stored.</returns>
    public int RaiseDeferred()
    {
        if (_deferred.Count == 0)
        {
            return 0;
        }

        var count = _deferred.Count;
        try
        {
            _work.Raise(_deferred, _deferredAt);
        }
        finally
        {
            _deferred.Clear();
        }

        return count;
    }

    /// <summary>Forgets the alerts held for a transaction that was rolled back.</summary>
    public void DropDeferred() => _deferred.Clear();

    private void Defer(List<StoredAlert> alerts, DateTimeOffset now)
    {
        if (alerts.Count > 0)
        {
            _deferred.AddRange(alerts);
            _deferredAt = now;
        }
    }
}
