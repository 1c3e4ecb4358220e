using System.Diagnostics;
using System.Threading.Channels;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>
/// The live path in one process: events are written durably with group commit (<see cref="EventIntake"/>), acknowledged,
/// then scored by one scorer thread, which takes every group waiting when it is free as one step.
/// </summary>
/// <remarks>Writing and scoring overlap: while the scorer works on one step, the writer commits the next group.</remarks>
internal sealed class LivePipeline : IAsyncDisposable
{
    private readonly LiveScorer _scorer;
    private readonly Channel<AcceptedGroup> _groups = Channel.CreateUnbounded<AcceptedGroup>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly EventIntake _intake;
    private readonly Task _scoring;
    private readonly Action<LiveStep>? _observe;
    private readonly List<double> _latencies = [];
    private readonly Lock _gate = new();

    /// <summary>Starts the writer and the scorer.</summary>
    /// <param name="store">Where events are written.</param>
    /// <param name="ledger">Which ids the store holds.</param>
    /// <param name="scorer">The scorer (warmed already); used only by the pipeline's scorer thread from now on.</param>
    /// <param name="observe">Receives each step's result on the scorer thread (e.g. to print alerts); may be null.</param>
    /// <param name="maxGroup">Most events per transaction.</param>
    public LivePipeline(IStore store, IEventLedger ledger, LiveScorer scorer, Action<LiveStep>? observe = null, int maxGroup = 8192)
    {
        _scorer = scorer ?? throw new ArgumentNullException(nameof(scorer));
        _observe = observe;
        _intake = new EventIntake(store, ledger, g => _groups.Writer.TryWrite(g), maxGroup);
        _scoring = Task.Factory.StartNew(Score, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Events scored so far.</summary>
    public long Scored { get; private set; }

    /// <summary>The first failure of the scorer thread, if any (the intake keeps writing; scoring stops).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Writes events and returns after their commit, with each one's outcome; scoring follows asynchronously.</summary>
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
        _groups.Writer.TryComplete();
        await _scoring.ConfigureAwait(false);
    }

    private async Task Score()
    {
        var step = new List<object>();
        var acks = new List<(long At, int Count)>();
        while (await _groups.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            step.Clear();
            acks.Clear();
            while (_groups.Reader.TryRead(out var group))
            {
                step.AddRange(group.Records);
                acks.Add((group.AcknowledgedAt, group.Records.Count));
            }

            if (Failure is not null)
            {
                continue;
            }

            try
            {
                var result = _scorer.Step(step);
                var done = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    foreach (var (at, count) in acks)
                    {
                        var ms = Stopwatch.GetElapsedTime(at, done).TotalMilliseconds;
                        for (var i = 0; i < count; i++)
                        {
                            _latencies.Add(ms);
                        }
                    }
                }

                Scored += step.Count;
                _observe?.Invoke(result);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Failure = e;
            }
        }
    }
}
