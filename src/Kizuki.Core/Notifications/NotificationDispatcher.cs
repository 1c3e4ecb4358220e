using System.Threading.Channels;

namespace Kizuki.Notifications;

/// <summary>
/// Delivers notifications to several channels in the background: one bounded queue and one sender per channel, so a slow
/// or failing channel never blocks the caller or the other channels.
/// </summary>
/// <remarks>
/// <see cref="Post"/> never waits: when a channel's queue is full the oldest waiting notification of that channel is
/// dropped and reported. Each send is retried with exponential back-off; the wait goes through an injectable delay so
/// tests do not sleep. Dispose completes the queues and waits for what is queued to be sent or given up.
/// </remarks>
internal sealed class NotificationDispatcher : IAsyncDisposable
{
    /// <summary>Notifications waiting per channel before the oldest is dropped. Default 1,000.</summary>
    public const int DefaultCapacity = 1000;

    private readonly Lane[] _lanes;
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Starts one background sender per channel.</summary>
    /// <param name="channels">Where to send.</param>
    /// <param name="retry">Retry policy; the defaults when null.</param>
    /// <param name="report">Receives every outcome (delivered, given up, dropped); called on background threads; may be null.</param>
    /// <param name="delay">Waits between tries; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> when null.</param>
    /// <param name="capacity">Queue length per channel, from 1 to 1,000,000.</param>
    public NotificationDispatcher(IEnumerable<INotificationChannel> channels, RetryOptions? retry = null, Action<DeliveryReport>? report = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1_000_000);
        Retry = retry ?? new RetryOptions();
        Retry.Validate();
        var wait = delay ?? ((d, ct) => Task.Delay(d, ct));
        var observe = report ?? (_ => { });
        _lanes = [.. channels.Select(c => new Lane(c, capacity, Retry, wait, observe, _stop.Token))];
    }

    /// <summary>The retry policy.</summary>
    public RetryOptions Retry { get; }

    /// <summary>Queues a notification for every channel; returns at once.</summary>
    public void Post(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var lane in _lanes)
        {
            lane.Post(notification);
        }
    }

    /// <summary>Stops accepting notifications and waits until every queued one is delivered or given up.</summary>
    public async Task DrainAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Complete();
        }

        await Task.WhenAll(_lanes.Select(l => l.Done)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DrainAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>Aborts waiting retries (queued notifications are reported as not delivered).</summary>
    public void Cancel() => _stop.Cancel();

    /// <summary>One channel's queue and sender.</summary>
    private sealed class Lane
    {
        private readonly Channel<Notification> _queue;
        private readonly INotificationChannel _channel;
        private readonly RetryOptions _retry;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Action<DeliveryReport> _report;
        private readonly CancellationToken _stop;

        public Lane(INotificationChannel channel, int capacity, RetryOptions retry, Func<TimeSpan, CancellationToken, Task> delay,
            Action<DeliveryReport> report, CancellationToken stop)
        {
            _channel = channel;
            _retry = retry;
            _delay = delay;
            _report = report;
            _stop = stop;
            _queue = Channel.CreateBounded<Notification>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                dropped => Safe(new DeliveryReport(channel.Name, dropped, false, 0, "queue full; dropped / キューが一杯のため破棄")));
            Done = Task.Run(RunAsync, CancellationToken.None);
        }

        public Task Done { get; }

        public void Post(Notification notification)
        {
            if (!_queue.Writer.TryWrite(notification))
            {
                Safe(new DeliveryReport(_channel.Name, notification, false, 0, "dispatcher stopped / 送信を終了済み"));
            }
        }

        public void Complete() => _queue.Writer.TryComplete();

        private async Task RunAsync()
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                Safe(await SendAsync(notification).ConfigureAwait(false));
            }
        }

        private async Task<DeliveryReport> SendAsync(Notification notification)
        {
            string? error = null;
            for (var attempt = 1; attempt <= _retry.MaxAttempts; attempt++)
            {
                if (attempt > 1)
                {
                    try
                    {
                        await _delay(_retry.DelayBefore(attempt - 1), _stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return new DeliveryReport(_channel.Name, notification, false, attempt - 1, error);
                    }
                }

                try
                {
                    await _channel.SendAsync(notification, _stop).ConfigureAwait(false);
                    return new DeliveryReport(_channel.Name, notification, true, attempt, null);
                }
#pragma warning disable CA1031 // A failing channel must never crash the dispatcher; the error is reported.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    error = e.Message;
                    if (_stop.IsCancellationRequested)
                    {
                        return new DeliveryReport(_channel.Name, notification, false, attempt, error);
                    }
                }
            }

            return new DeliveryReport(_channel.Name, notification, false, _retry.MaxAttempts, error);
        }

        private void Safe(DeliveryReport report)
        {
            try
            {
                _report(report);
            }
#pragma warning disable CA1031 // An observer that throws must not stop deliveries.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
