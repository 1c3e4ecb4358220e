using System.Diagnostics;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>
/// The live path in one process: events are written durably with group commit (<see cref="EventIntake"/>), acknowledged,
/// then scored at once on the same writer thread, each committed group as one step.
/// </summary>
/// <remarks>
/// One thread writes both events and scores, so the embedded store never sees two writers: a second writer would wait on
/// SQLite's lock in sleeps of milliseconds, which is what made the tail latency. While a group is scored, the next
/// submissions queue up and are committed together as the next group, so throughput grows with load.
/// </remarks>
internal sealed class LivePipeline : IAsyncDisposable
{
    private readonly LiveScorer _scorer;
    private readonly EventIntake _intake;
    private readonly Action<LiveStep>? _observe;
    private readonly List<double> _latencies = [];
    private readonly Lock _gate = new();

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
        _intake = new EventIntake(store, ledger, Score, maxGroup);
    }

    /// <summary>Events scored so far.</summary>
    public long Scored { get; private set; }

    /// <summary>The first failure of the scorer, if any (the intake keeps writing; scoring stops).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Writes events and returns after their commit, with each one's outcome; scoring follows on the writer thread.</summary>
    public Task<IReadOnlyList<EventOutcome>> SubmitAsync(IReadOnlyList<object> records) => _intake.SubmitAsync(records);

    /// <summary>Milliseconds from each event's acknowledgement to its stored score, in the order scored.</summary>
    public IReadOnlyList<double> Latencies
    {
        get { lock (_gate) { return [.. _latencies]; } }
    }

    /// <summary>Stops accepting, writes and scores everything submitted, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        await _intake.DisposeAsync().ConfigureAwait(false);
        _scorer.ReleaseStore();
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
            var ms = Stopwatch.GetElapsedTime(group.AcknowledgedAt).TotalMilliseconds;
            lock (_gate)
            {
                for (var i = 0; i < group.Records.Count; i++)
                {
                    _latencies.Add(ms);
                }
            }

            Scored += group.Records.Count;
            _observe?.Invoke(result);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failure = e;
        }
    }
}
