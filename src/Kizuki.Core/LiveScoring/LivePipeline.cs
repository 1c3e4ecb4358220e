using System.Diagnostics;
using System.Threading.Channels;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>
/// The live path in one process: events are written durably with group commit (<see cref="EventIntake"/>) and acknowledged,
/// then scored. On the embedded store the writer and the scorer are two threads in a pipeline: the scorer scores what the
/// writer acknowledged, and the writer stores those scores in its next transaction, together with the events that came
/// meanwhile, on one long-lived connection (<see cref="LiveGroupCommit"/>). On other stores the events commit first and are
/// scored on the writer thread right after the acknowledgement.
/// </summary>
/// <remarks>
/// <para>One thread writes both events and scores, so the embedded store never sees two writers: a second writer would wait
/// on SQLite's lock in sleeps of milliseconds, which is what made the tail latency. While a group is written, the next
/// submissions queue up and are committed together as the next group, so throughput grows with load and a group closes
/// as soon as the queue is empty (or at <c>maxGroup</c> events).</para>
/// <para>The scorer applies only acknowledged events to the live state, so the state is never ahead of the store. Scoring
/// (features, model, reasons, rules, the feature JSON) runs on the second core while the writer inserts the next events.
/// The scores go in with a savepoint: if they cannot be stored, the events of that transaction still commit (nothing
/// accepted is lost) and scoring stops with the reason in <see cref="Failure"/>. A crash between an acknowledgement and the
/// commit of its score loses that score only; the events are stored, and a restart warms the state from them.</para>
/// </remarks>
internal sealed class LivePipeline : IAsyncDisposable
{
    private const string ScoresSavepoint = "live_scores";

    private readonly LiveScorer _scorer;
    private readonly EventIntake _intake;
    private readonly LiveGroupCommit? _commit;
    private readonly Action<LiveStep>? _observe;
    private readonly List<double> _latencies = [];
    private readonly List<double> _computed = [];
    private readonly Lock _gate = new();
    private readonly Channel<AcceptedGroup>? _accepted;
    private readonly Task? _scoring;
    private readonly int _maxGroup;
    private readonly IdleCollection _idle = new();
    private volatile bool _closing;

    /// <summary>Starts the writer and the scorer.</summary>
    /// <param name="store">Where events are written.</param>
    /// <param name="ledger">Which ids the store holds.</param>
    /// <param name="scorer">The scorer (warmed already); used only by the pipeline's scorer from now on.</param>
    /// <param name="observe">Receives each step's result once its scores are stored (e.g. to print alerts); keep it short. May be null.</param>
    /// <param name="maxGroup">Most events per transaction, and per scoring step.</param>
    public LivePipeline(IStore store, IEventLedger ledger, LiveScorer scorer, Action<LiveStep>? observe = null, int maxGroup = 8192)
    {
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _observe = observe;
        _maxGroup = maxGroup;
        if (store is SqliteStore sqlite && ReferenceEquals(scorer.Store, store))
        {
            // The store's own ledger is the store: the insert's changes count tells new from stored, with no probe.
            _commit = new LiveGroupCommit(sqlite, ledger is RelationalWorkStore ? null : ledger);
            _accepted = Channel.CreateUnbounded<AcceptedGroup>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            _intake = new EventIntake(WriteGroup, maxGroup);
            _scoring = Task.Factory.StartNew(ScoreLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
        else
        {
            _intake = new EventIntake(store, ledger, Score, maxGroup);
        }
    }

    /// <summary>Events scored so far (their scores stored).</summary>
    public long Scored => Interlocked.Read(ref _scored);

    private long _scored;

    /// <summary>The first failure of the scorer, if any (the intake keeps writing; scoring stops).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>On the embedded store, the time spent inserting events, storing scores and committing (what the benchmark prints); null elsewhere.</summary>
    public (TimeSpan Inserting, TimeSpan Storing, TimeSpan Committing)? WriteTimes =>
        _commit is null ? null : (_commit.Inserting, _commit.Storing, _commit.Committing);

    /// <summary>Gen0 collections the scorer started while idle (see <see cref="IdleCollection"/>).</summary>
    public int CollectedWhileIdle => _idle.Collected;

    /// <summary>Transactions committed so far (groups of events, scores that were due, or both).</summary>
    public long Commits => _intake.Commits;

    /// <summary>Whether a second thread scores while the writer writes (the embedded store's pipeline).</summary>
    public bool ScoresOnOwnThread => _commit is not null;

    /// <summary>Writes events and returns after their commit, with each one's outcome.</summary>
    public Task<IReadOnlyList<EventOutcome>> SubmitAsync(IReadOnlyList<object> records) =>
        _closing
            ? throw new InvalidOperationException("取り込みは停止しています。 / The event intake has stopped.")
            : _intake.SubmitAsync(records);

    /// <summary>
    /// On the embedded store, milliseconds from each scored event's acknowledgement to its new score and reasons computed in
    /// the process (before that score is committed), in the order scored.
    /// </summary>
    public IReadOnlyList<double> ComputedLatencies
    {
        get { lock (_gate) { return [.. _computed]; } }
    }

    /// <summary>Milliseconds from each scored event's acknowledgement to the commit of its score, in the order stored.</summary>
    public IReadOnlyList<double> Latencies
    {
        get { lock (_gate) { return [.. _latencies]; } }
    }

    /// <summary>Stops accepting, writes and scores everything submitted, stores the scores, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        _closing = true;
        if (_accepted is not null)
        {
            // Everything submitted is written and handed to the scorer, the scorer finishes and posts its last steps, and
            // the writer stores them before it stops.
            var barrier = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_intake.Post(barrier))
            {
                await barrier.Task.ConfigureAwait(false);
            }

            _accepted.Writer.TryComplete();
            await _scoring!.ConfigureAwait(false);
        }

        await _intake.DisposeAsync().ConfigureAwait(false);
        _commit?.Dispose();
        _scorer.ReleaseStore();
    }

    /// <summary>The writer's group: the events, and the prepared steps posted by the scorer, in one transaction.</summary>
    private EventIntake.GroupWrite WriteGroup(IReadOnlyList<object> records, IReadOnlyList<object> payloads)
    {
        var steps = payloads.OfType<ScoredSteps>().ToList();
        if (records.Count == 0 && steps.TrueForAll(s => s.Prepared.Step.Scores.Count == 0 && s.Prepared.Touches.Count == 0))
        {
            // Nothing to write (steps without scores still count as scored, in order): no transaction.
            return new EventIntake.GroupWrite([], () => AfterCommit(records, [], steps, payloads));
        }

        bool[] fresh;
        try
        {
            fresh = _commit!.Write(records, steps.Count == 0 ? null : writes => StoreSteps(steps, writes));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The steps' scores went down with the transaction: they are stored with the next one, or dropped if they fail twice.
            foreach (var step in steps)
            {
                if (step.Retried || !_intake.Post(step with { Retried = true }))
                {
                    Fail(new InvalidOperationException("採点結果を保存できませんでした。 / Scores could not be stored.", e));
                }
            }

            foreach (var barrier in payloads.OfType<TaskCompletionSource>())
            {
                _intake.Post(barrier);
            }

            throw;
        }

        return new EventIntake.GroupWrite(fresh, () => AfterCommit(records, fresh, steps, payloads));
    }

    private bool StoreSteps(List<ScoredSteps> steps, SqliteLiveWrites writes)
    {
        writes.Savepoint(ScoresSavepoint);
        try
        {
            var records = false;
            foreach (var batch in steps)
            {
                records |= _scorer.StoreStep(batch.Prepared, writes);
            }

            writes.Release(ScoresSavepoint);
            return records;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            writes.RollbackTo(ScoresSavepoint);
            writes.Release(ScoresSavepoint);
            steps.Clear();
            Fail(new InvalidOperationException("採点結果を保存できませんでした。採点を停止します。 / Scores could not be stored; scoring stops.", e));
            return false;
        }
    }

    /// <summary>After the commit, on the writer thread: the stored steps' alerts and observers, then the new events to the scorer.</summary>
    private void AfterCommit(IReadOnlyList<object> records, bool[] fresh, List<ScoredSteps> steps, IReadOnlyList<object> payloads)
    {
        var committed = Stopwatch.GetTimestamp();
        foreach (var batch in steps)
        {
            Record(_latencies, batch.Groups, committed);

            try
            {
                _scorer.RaiseStep(batch.Prepared);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Fail(e);
            }

            Interlocked.Add(ref _scored, batch.Events);
            _observe?.Invoke(batch.Prepared.Step);
        }

        if (records.Count > 0 && Failure is null)
        {
            var accepted = new List<object>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                if (fresh[i])
                {
                    accepted.Add(records[i]);
                }
            }

            if (accepted.Count > 0)
            {
                _accepted!.Writer.TryWrite(new AcceptedGroup(accepted, committed));
            }
        }

        foreach (var barrier in payloads.OfType<TaskCompletionSource>())
        {
            barrier.TrySetResult();
        }
    }

    /// <summary>The scorer thread: takes what was acknowledged (several groups at once when it falls behind), scores it, posts it.</summary>
    private async Task ScoreLoop()
    {
        var reader = _accepted!.Reader;
        var records = new List<object>();
        var groups = new List<(long AcknowledgedAt, int Events)>();
        try
        {
            // Scores lost in a crash between an acknowledgement and its score's commit are computed again first.
            foreach (var step in _scorer.CatchUp())
            {
                _intake.Post(new ScoredSteps(step, [], false));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail(e);
        }

        while (true)
        {
            if (!reader.TryPeek(out _))
            {
                // Nothing to score: a collection that is due anyway happens now rather than inside the next step.
                _idle.CollectIfDue();
                if (!await reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    break;
                }
            }

            records.Clear();
            groups.Clear();
            while (records.Count < _maxGroup && reader.TryRead(out var group))
            {
                records.AddRange(group.Records);
                groups.Add((group.AcknowledgedAt, group.Records.Count));
            }

            if (Failure is not null)
            {
                continue;
            }

            try
            {
                // Customers whose reasons are not due are posted first (see LiveScorer.Prepare); the rest follows.
                var prepared = _scorer.Prepare(records, (part, customers) => PostEarly(part, customers, records, groups));
                var scored = new ScoredSteps(prepared, [.. groups], false);
                Record(_computed, scored.Groups, Stopwatch.GetTimestamp());
                _intake.Post(scored);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Fail(e);
            }
        }
    }

    /// <summary>
    /// Posts the early part of a step: for each group, the events of the customers that part covers are counted as scored
    /// now, and taken off the group (the rest of the step counts the others).
    /// </summary>
    private void PostEarly(PreparedStep part, IReadOnlySet<string> customers, List<object> records, List<(long AcknowledgedAt, int Events)> groups)
    {
        var early = new (long AcknowledgedAt, int Events)[groups.Count];
        var start = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var (acknowledged, events) = groups[g];
            var covered = 0;
            for (var r = start; r < start + events; r++)
            {
                covered += customers.Contains(LiveEvents.CustomerOf(records[r])) ? 1 : 0;
            }

            start += events;
            early[g] = (acknowledged, covered);
            groups[g] = (acknowledged, events - covered);
        }

        Record(_computed, early, Stopwatch.GetTimestamp());
        _intake.Post(new ScoredSteps(part, early, false));
    }

    private void Fail(Exception e)
    {
        lock (_gate)
        {
            Failure ??= e;
        }
    }

    /// <summary>The other stores' path: scores on the writer thread after the acknowledgement.</summary>
    private void Score(AcceptedGroup group)
    {
        if (Failure is not null)
        {
            return;
        }

        try
        {
            var result = _scorer.Step(group.Records);
            Record(_latencies, [(group.AcknowledgedAt, group.Records.Count)], Stopwatch.GetTimestamp());

            Interlocked.Add(ref _scored, group.Records.Count);
            _observe?.Invoke(result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Fail(e);
        }
    }

    /// <summary>Adds, for each event of <paramref name="groups"/>, the milliseconds from its acknowledgement to <paramref name="at"/>.</summary>
    private void Record(List<double> into, (long AcknowledgedAt, int Events)[] groups, long at)
    {
        lock (_gate)
        {
            foreach (var (acknowledged, events) in groups)
            {
                into.AddRange(Enumerable.Repeat(Stopwatch.GetElapsedTime(acknowledged, at).TotalMilliseconds, events));
            }
        }
    }

    /// <summary>A prepared step on its way to the writer, with the acknowledgement time and size of each group it scored.</summary>
    private sealed record ScoredSteps(PreparedStep Prepared, (long AcknowledgedAt, int Events)[] Groups, bool Retried)
    {
        /// <summary>The events it scored.</summary>
        public int Events => Groups.Sum(g => g.Events);
    }
}
