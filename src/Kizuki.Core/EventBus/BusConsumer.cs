using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Kizuki.EventBus;

/// <summary>Counts of what one consumer did so far.</summary>
/// <param name="Processed">Events the sink processed as new.</param>
/// <param name="Duplicates">Events the sink recognised as already processed (redeliveries).</param>
/// <param name="Rejected">Events refused as invalid (by the sink, or entries without an event).</param>
/// <param name="Takeovers">Partitions this consumer acquired.</param>
/// <param name="Claimed">Pending entries claimed from earlier owners on takeover.</param>
/// <param name="Owned">Partitions held now.</param>
public sealed record BusConsumerStats(long Processed, long Duplicates, long Rejected, long Takeovers, long Claimed, int Owned);

/// <summary>
/// One member of the consumer group. It holds leases on a fair share of the partitions (partitions / live consumers,
/// rounded up), reads each owned stream with XREADGROUP in order, hands the entries to the sink, and acknowledges them
/// (XACK) only after the sink returned, i.e. after the effects are durable.
/// </summary>
/// <remarks>
/// <para>On taking over a partition it first claims every entry still pending in the group (XAUTOCLAIM with no minimum
/// idle time: holding the lease makes it the partition's only consumer) and processes those before any new entry, so a
/// crashed owner's unacknowledged events are neither lost nor reordered behind newer ones.</para>
/// <para>Delivery is at least once: entries a crashed consumer processed but did not acknowledge come again. The
/// exactly-once effect comes from the sink's idempotence by event id (<see cref="IEventSink"/>).</para>
/// <para>Cancelling <see cref="RunAsync"/> stops at once, like a crash: the batch in hand is not acknowledged and the
/// leases are kept until they expire, unless <see cref="ReleaseAsync"/> is called afterwards (a graceful stop).</para>
/// </remarks>
internal sealed partial class BusConsumer
{
    private readonly IDatabase _redis;
    private readonly BusOptions _options;
    private readonly IEventSink _sink;
    private readonly PartitionLeases _leases;
    private readonly Action<BusEvent, SinkOutcome>? _observe;
    private readonly ConcurrentDictionary<int, bool> _owned = new();
    private readonly HashSet<int> _needsPending = [];
    private long _processed, _duplicates, _rejected, _takeovers, _claimed;
    private volatile int _members = 1;

    /// <summary>A consumer named <paramref name="name"/> (unique in the group, e.g. host and process id).</summary>
    /// <param name="redis">The Redis database.</param>
    /// <param name="options">Bus layout; must match the producers'.</param>
    /// <param name="name">Consumer name in the group and owner name of its leases.</param>
    /// <param name="sink">Where events go; must be idempotent by event id.</param>
    /// <param name="observe">Receives every rejected or duplicate event with its outcome; may be null.</param>
    public BusConsumer(IDatabase redis, BusOptions options, string name, IEventSink sink, Action<BusEvent, SinkOutcome>? observe = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _observe = observe;
        _leases = new PartitionLeases(redis, _options, name);
    }

    /// <summary>The consumer's name.</summary>
    public string Name { get; }

    /// <summary>What the consumer did so far.</summary>
    public BusConsumerStats Stats => new(Interlocked.Read(ref _processed), Interlocked.Read(ref _duplicates), Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _takeovers), Interlocked.Read(ref _claimed), _owned.Count);

    /// <summary>Partitions held now, in order.</summary>
    public IReadOnlyList<int> OwnedPartitions => [.. _owned.Keys.Order()];

    /// <summary>Consumes until <paramref name="stop"/> is cancelled; returns then (without acknowledging the batch in hand).</summary>
    /// <exception cref="Exception">Whatever Redis throws other than on cancellation; a sink failure is retried instead.</exception>
    public async Task RunAsync(CancellationToken stop)
    {
        await EnsureGroupsAsync().ConfigureAwait(false);
        using var renewalStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var renewal = RenewLoopAsync(renewalStop.Token);
        try
        {
            _members = await _leases.HeartbeatAsync().ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                await BalanceAsync().ConfigureAwait(false);
                var worked = false;
                foreach (var partition in _owned.Keys.Order())
                {
                    stop.ThrowIfCancellationRequested();
                    worked |= await ConsumeOnceAsync(partition, stop).ConfigureAwait(false);
                }

                if (!worked)
                {
                    await Task.Delay(_options.IdleDelay, stop).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped: like a crash, the batch in hand stays unacknowledged and is delivered again to the next owner.
        }
        finally
        {
            await renewalStop.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Gives up every lease held (a graceful stop, so others take over at once instead of after the lease time).</summary>
    public async Task ReleaseAsync()
    {
        foreach (var partition in _owned.Keys.ToList())
        {
            _owned.TryRemove(partition, out _);
            await _leases.ReleaseAsync(partition).ConfigureAwait(false);
        }
    }

    private async Task EnsureGroupsAsync()
    {
        for (var p = 0; p < _options.Partitions; p++)
        {
            try
            {
                await _redis.StreamCreateConsumerGroupAsync(_options.StreamKey(p), _options.Group, StreamPosition.Beginning, createStream: true)
                    .ConfigureAwait(false);
            }
            catch (RedisServerException e) when (e.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
            {
                // The group exists already: another consumer made it.
            }
        }
    }

    private async Task RenewLoopAsync(CancellationToken stop)
    {
        var period = _options.LeaseTtl / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stop).ConfigureAwait(false);
                _members = await _leases.HeartbeatAsync().ConfigureAwait(false);
                foreach (var partition in _owned.Keys.ToList())
                {
                    if (!await _leases.RenewAsync(partition).ConfigureAwait(false))
                    {
                        _owned.TryRemove(partition, out _);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (RedisException)
            {
                // A missed renewal is retried next period; if Redis stays away the leases expire, which is the safe outcome.
            }
        }
    }
}
