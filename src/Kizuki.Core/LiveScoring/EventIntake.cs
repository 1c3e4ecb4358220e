using System.Diagnostics;
using System.Threading.Channels;
using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>What became of one submitted event.</summary>
public enum EventStatus
{
    /// <summary>New: durably written, and passed on to the live scorer.</summary>
    Accepted,
    /// <summary>Already stored (same id): nothing changed, nothing scored again.</summary>
    Duplicate,
    /// <summary>Invalid: not written; the errors say why.</summary>
    Rejected,
}

/// <summary>The answer for one submitted event.</summary>
/// <param name="Index">Its position in the submission (from 0).</param>
/// <param name="Entity">Its entity kind's name, when known.</param>
/// <param name="Id">Its id, when known.</param>
/// <param name="Status">What became of it.</param>
/// <param name="Errors">Why it was rejected, in Japanese and English; empty otherwise.</param>
public sealed record EventOutcome(int Index, string? Entity, string? Id, EventStatus Status, IReadOnlyList<string> Errors);

/// <summary>Events that were new when written, and the moment their write was acknowledged (a <see cref="Stopwatch"/> timestamp).</summary>
/// <param name="Records">The new records, in submission order.</param>
/// <param name="AcknowledgedAt">When the commit returned.</param>
internal sealed record AcceptedGroup(IReadOnlyList<object> Records, long AcknowledgedAt);

/// <summary>
/// Writes submitted events durably with group commit: whatever waits when the writer is free goes into one import session,
/// one transaction. Each submission is acknowledged only after that commit; ids make it idempotent.
/// </summary>
/// <remarks>
/// One writer thread; submitters wait on a task. Duplicates are told apart by probing the ids of append-only kinds
/// before the write (one query per kind per group) and by id within the group, so only new events reach the scorer.
/// Customers, subscriptions and tickets change over time: every version is written (an upsert) and passed on.
/// </remarks>
internal sealed class EventIntake : IAsyncDisposable
{
    private readonly IStore? _store;
    private readonly IEventLedger? _ledger;
    private readonly Action<AcceptedGroup>? _accepted;
    private readonly Func<IReadOnlyList<object>, IReadOnlyList<object>, GroupWrite>? _write;
    private readonly int _maxGroup;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    /// <summary>Starts the writer.</summary>
    /// <param name="store">Where events are written.</param>
    /// <param name="ledger">Which ids the store already holds.</param>
    /// <param name="accepted">Receives each committed group's new events, on the writer thread, after acknowledgement.</param>
    /// <param name="maxGroup">Most events per transaction, from 1 to 1,000,000. Default 8,192.</param>
    public EventIntake(IStore store, IEventLedger ledger, Action<AcceptedGroup> accepted, int maxGroup = 8192)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxGroup, 1_000_000);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _accepted = accepted ?? throw new ArgumentNullException(nameof(accepted));
        _maxGroup = maxGroup;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Starts the writer with its own way of writing a group durably (the embedded store's single-transaction path).</summary>
    /// <param name="write">
    /// Writes one group's records, and the payloads posted since the last group (<see cref="Post"/>), durably on the writer
    /// thread, and returns which records were new; its follow-up runs after the submitters are answered. An exception fails
    /// every submission of the group. Called with no records when only payloads wait.
    /// </param>
    /// <param name="maxGroup">Most events per transaction, from 1 to 1,000,000.</param>
    public EventIntake(Func<IReadOnlyList<object>, IReadOnlyList<object>, GroupWrite> write, int maxGroup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxGroup, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxGroup, 1_000_000);
        _write = write ?? throw new ArgumentNullException(nameof(write));
        _maxGroup = maxGroup;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Groups committed so far.</summary>
    public long Commits { get; private set; }

    /// <summary>Writes <paramref name="records"/> (domain records) and returns, after the commit, whether each was new or a duplicate.</summary>
    public Task<IReadOnlyList<EventOutcome>> SubmitAsync(IReadOnlyList<object> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var submission = new Submission(records, new TaskCompletionSource<IReadOnlyList<EventOutcome>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(submission))
        {
            throw new InvalidOperationException("取り込みは停止しています。 / The event intake has stopped.");
        }

        return submission.Done.Task;
    }

    /// <summary>
    /// Queues <paramref name="payload"/> for the writer's next transaction (e.g. scores ready to store); the writer wakes for
    /// it even when no events wait. Returns false once the intake has stopped. Only with a writer of its own.
    /// </summary>
    public bool Post(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (_write is null)
        {
            throw new InvalidOperationException("この取り込みは追加の書き込みを受け付けません。 / This intake takes no payloads.");
        }

        return _queue.Writer.TryWrite(new Posted(payload));
    }

    /// <summary>Stops accepting, and waits until everything submitted is written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task Run()
    {
        var group = new List<Submission>();
        var payloads = new List<object>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            payloads.Clear();
            var count = 0;
            while (count < _maxGroup && _queue.Reader.TryRead(out var item))
            {
                if (item is Posted posted)
                {
                    payloads.Add(posted.Payload);
                    continue;
                }

                var submission = (Submission)item;
                group.Add(submission);
                count += submission.Records.Count;
            }

            try
            {
                Write(group, payloads);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                foreach (var submission in group)
                {
                    submission.Done.TrySetException(e);
                }
            }
        }
    }

    private void Write(List<Submission> group, List<object> payloads)
    {
        if (_write is null)
        {
            WriteSession(group);
            return;
        }

        var all = group.Count == 1 ? group[0].Records : [.. group.SelectMany(s => s.Records)];
        var written = _write(all, payloads.Count == 0 ? [] : [.. payloads]);
        Commits++;
        Answer(group, written.Fresh);
        written.AfterAnswer?.Invoke();
    }

    private static void Answer(List<Submission> group, bool[] fresh)
    {
        var offset = 0;
        foreach (var submission in group)
        {
            var outcomes = new EventOutcome[submission.Records.Count];
            for (var i = 0; i < outcomes.Length; i++)
            {
                var record = submission.Records[i];
                outcomes[i] = new EventOutcome(i, LiveEvents.NameOf(LiveEvents.KindOf(record)), LiveEvents.IdOf(record),
                    fresh[offset + i] ? EventStatus.Accepted : EventStatus.Duplicate, []);
            }

            offset += outcomes.Length;
            submission.Done.TrySetResult(outcomes);
        }
    }

    private void WriteSession(List<Submission> group)
    {
        var fresh = new bool[group.Sum(s => s.Records.Count)];
        var known = new Dictionary<EntityKind, HashSet<string>>();
        foreach (var kind in group.SelectMany(s => s.Records).Select(LiveEvents.KindOf).Distinct())
        {
            known[kind] = LiveEvents.IsUpserted(kind)
                ? new HashSet<string>(StringComparer.Ordinal)
                : _ledger!.Known(kind, [.. group.SelectMany(s => s.Records).Where(r => LiveEvents.KindOf(r) == kind).Select(LiveEvents.IdOf)]);
        }

        var records = new List<object>(fresh.Length);
        using (var session = _store!.BeginImport())
        {
            var at = 0;
            foreach (var record in group.SelectMany(s => s.Records))
            {
                var kind = LiveEvents.KindOf(record);
                // Known ids and ids seen earlier in the group are duplicates; upserted kinds always pass (a new version).
                fresh[at] = LiveEvents.IsUpserted(kind) || known[kind].Add(LiveEvents.IdOf(record));
                LiveEvents.Add(session, record);
                if (fresh[at])
                {
                    records.Add(record);
                }

                at++;
            }

            session.Commit();
        }

        var acknowledged = Stopwatch.GetTimestamp();
        Commits++;
        Answer(group, fresh);
        if (records.Count > 0)
        {
            _accepted!(new AcceptedGroup(records, acknowledged));
        }
    }

    /// <summary>What writing one group gave: whether each record was new, and what to run once the submitters are answered.</summary>
    /// <param name="Fresh">Per record of the group, in order: true when new (or a new version of an upserted kind).</param>
    /// <param name="AfterAnswer">Runs on the writer thread after the acknowledgements; may be null.</param>
    internal sealed record GroupWrite(bool[] Fresh, Action? AfterAnswer);

    private sealed record Submission(IReadOnlyList<object> Records, TaskCompletionSource<IReadOnlyList<EventOutcome>> Done);

    private sealed record Posted(object Payload);
}
