using System.Diagnostics;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>
/// The live path in one process: events are written durably with group commit (<see cref="EventIntake"/>), scored on the
/// same writer thread, and acknowledged. On the embedded store a group's events and scores commit in one transaction on
/// one long-lived connection (<see cref="LiveGroupCommit"/>), so a score is stored by the time its event is acknowledged;
/// on other stores the events commit first and are scored right after the acknowledgement.
/// </summary>
/// <remarks>
/// One thread writes both events and scores, so the embedded store never sees two writers: a second writer would wait on
/// SQLite's lock in sleeps of milliseconds, which is what made the tail latency. While a group is written, the next
/// submissions queue up and are committed together as the next group, so throughput grows with load and a group closes
/// as soon as the queue is empty (or at <c>maxGroup</c> events).
/// </remarks>
internal sealed class LivePipeline : IAsyncDisposable
{
    private readonly LiveScorer _scorer;
    private readonly EventIntake _intake;
    private readonly LiveGroupCommit? _commit;
    private readonly Action<LiveStep>? _observe;
    private readonly List<double> _latencies = [];
    private readonly Lock _gate = new();
    private LiveStep? _step;
    private int _stepEvents;

    /// <summary>Starts the writer, which also scores.</summary>
    /// <param name="store">Where events are written.</param>
    /// <param name="ledger">Which ids the store holds.</param>
    /// <param name="scorer">The scorer (warmed already); used only by the pipeline's writer thread from now on.</param>
    /// <param name="observe">Receives each step's result on the writer thread (e.g. to print alerts); keep it short. May be null.</param>
    /// <param name="maxGroup">Most events per transaction.</param>
    public LivePipeline(IStore store, IEventLedger ledger, LiveScorer scorer, Action<LiveStep>? observe = null, int maxGroup = 8192)
    {
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _observe = observe;
        if (store is SqliteStore sqlite && ReferenceEquals(scorer.Store, store))
        {
            // The store's own ledger is the store: the insert's changes count tells new from stored, with no probe.
            _commit = new LiveGroupCommit(sqlite, ledger is RelationalWorkStore ? null : ledger, ScoreInTransaction);
            _intake = new EventIntake(WriteGroup, maxGroup);
        }
        else
        {
            _intake = new EventIntake(store, ledger, Score, maxGroup);
        }
    }

    /// <summary>Events scored so far.</summary>
    public long Scored { get; private set; }

    /// <summary>The first failure of the scorer, if any (the intake keeps writing; scoring stops).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>On the embedded store, the time spent inserting events and committing groups (what the benchmark prints); null elsewhere.</summary>
    public (TimeSpan Inserting, TimeSpan Committing)? WriteTimes => _commit is null ? null : (_commit.Inserting, _commit.Committing);

    /// <summary>Groups committed so far (one transaction each).</summary>
    public long Commits => _intake.Commits;

    /// <summary>Whether events and scores commit together (the embedded store's single-transaction path).</summary>
    public bool CommitsScoresWithEvents => _commit is not null;

    /// <summary>Writes events and returns after their commit, with each one's outcome.</summary>
    public Task<IReadOnlyList<EventOutcome>> SubmitAsync(IReadOnlyList<object> records) => _intake.SubmitAsync(records);

    /// <summary>
    /// Milliseconds to each event's stored score, in the order scored: on the embedded store from the moment the writer took
    /// its group to the commit that stored its event and score together (which is its acknowledgement); on other stores
    /// from its acknowledgement to its stored score.
    /// </summary>
    public IReadOnlyList<double> Latencies
    {
        get { lock (_gate) { return [.. _latencies]; } }
    }

    /// <summary>Stops accepting, writes and scores everything submitted, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        await _intake.DisposeAsync().ConfigureAwait(false);
        _commit?.Dispose();
        _scorer.ReleaseStore();
    }

    private EventIntake.GroupWrite WriteGroup(IReadOnlyList<object> records)
    {
        var started = Stopwatch.GetTimestamp();
        _step = null;
        bool[] fresh;
        try
        {
            fresh = _commit!.Write(records);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _scorer.DropDeferred();
            if (_commit!.StateAhead && Failure is null)
            {
                // The live state took events whose transaction failed: scoring stops rather than count them twice later.
                Failure = new InvalidOperationException(
                    "イベントの書き込みに失敗したため採点を停止しました。 / Scoring stopped: a group of events failed to commit.", e);
            }

            throw;
        }

        if (_step is not { } step)
        {
            return new EventIntake.GroupWrite(fresh, null);
        }

        Record(started, _stepEvents);
        return new EventIntake.GroupWrite(fresh, () => Observe(step));
    }

    private void ScoreInTransaction(IReadOnlyList<object> records, SqliteLiveWrites writes)
    {
        if (Failure is not null)
        {
            return;
        }

        try
        {
            _step = _scorer.Step(records, writes);
            _stepEvents = records.Count;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _scorer.DropDeferred();
            Failure = e;
        }
    }

    private void Observe(LiveStep step)
    {
        try
        {
            _scorer.RaiseDeferred();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failure ??= e;
        }

        _observe?.Invoke(step);
    }

    private void Score(AcceptedGroup group)
    {
        if (Failure is not null)
        {
            return;
        }

        try
        {
            var result = _scorer.Step(group.Records);
            Record(group.AcknowledgedAt, group.Records.Count);
            _observe?.Invoke(result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failure = e;
        }
    }

    private void Record(long since, int events)
    {
        var ms = Stopwatch.GetElapsedTime(since).TotalMilliseconds;
        lock (_gate)
        {
            for (var i = 0; i < events; i++)
            {
                _latencies.Add(ms);
            }
        }

        Scored += events;
    }
}
