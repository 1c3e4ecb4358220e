using StackExchange.Redis;

namespace Kizuki.EventBus;

internal sealed partial class BusConsumer
{
    private long _nextAcquireAt;

    /// <summary>The last failure of the sink, if any (the batch stays pending and is retried).</summary>
    public Exception? LastSinkFailure { get; private set; }

    /// <summary>Keeps a fair share of the partitions: gives extras back between batches, takes free ones up to the share.</summary>
    private async Task BalanceAsync()
    {
        var partitions = _options.Partitions;
        var share = (partitions + _members - 1) / _members;
        while (_owned.Count > share)
        {
            var extra = _owned.Keys.Max();
            _owned.TryRemove(extra, out _);
            _needsPending.Remove(extra);
            await _leases.ReleaseAsync(extra).ConfigureAwait(false);
        }

        // Trying free partitions costs a round trip each, so it happens at most every third of a lease period.
        if (_owned.Count >= share || Environment.TickCount64 < _nextAcquireAt)
        {
            return;
        }

        _nextAcquireAt = Environment.TickCount64 + (long)(_options.LeaseTtl.TotalMilliseconds / 3);
        var first = BusPartitioner.PartitionOf(Name, partitions);
        for (var i = 0; i < partitions && _owned.Count < share; i++)
        {
            var partition = (first + i) % partitions;
            if (!_owned.ContainsKey(partition) && await _leases.TryAcquireAsync(partition).ConfigureAwait(false))
            {
                await TakeOverAsync(partition).ConfigureAwait(false);
                _owned[partition] = true;
            }
        }
    }

    /// <summary>Claims every entry still pending on the partition (the previous owner's) before anything new is read.</summary>
    private async Task TakeOverAsync(int partition)
    {
        Interlocked.Increment(ref _takeovers);
        var key = _options.StreamKey(partition);
        RedisValue start = "0-0";
        do
        {
            var claim = await _redis.StreamAutoClaimIdsOnlyAsync(key, _options.Group, Name, 0, start, _options.BatchSize).ConfigureAwait(false);
            Interlocked.Add(ref _claimed, claim.ClaimedIds.Length);
            start = claim.NextStartId;
        }
        while (start != "0-0");

        _needsPending.Add(partition);
    }

    /// <summary>Reads one batch of the partition (its pending entries first), processes it and acknowledges it; false when idle.</summary>
    private async Task<bool> ConsumeOnceAsync(int partition, CancellationToken stop)
    {
        var key = _options.StreamKey(partition);
        StreamEntry[] entries = [];
        if (_needsPending.Contains(partition))
        {
            entries = await _redis.StreamReadGroupAsync(key, _options.Group, Name, StreamPosition.Beginning, _options.BatchSize).ConfigureAwait(false);
            if (entries.Length == 0)
            {
                _needsPending.Remove(partition);
            }
        }

        if (entries.Length == 0)
        {
            entries = await _redis.StreamReadGroupAsync(key, _options.Group, Name, StreamPosition.NewMessages, _options.BatchSize).ConfigureAwait(false);
        }

        if (entries.Length == 0)
        {
            return false;
        }

        var outcomes = new SinkOutcome?[entries.Length];
        var events = new List<BusEvent>(entries.Length);
        var byIndex = new BusEvent[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var json = entry.IsNull ? RedisValue.Null : entry[BusProducer.EventField];
            if (json.IsNull)
            {
                // Trimmed away before it was read (MaxLength too small for the backlog) or not written by a producer.
                byIndex[i] = new BusEvent(entry.Id.ToString(), partition, "", "");
                outcomes[i] = new SinkOutcome(SinkStatus.Rejected,
                    [$"ストリームの項目 {entry.Id} にイベントがありません（トリム済み？）。 / Stream entry {entry.Id} holds no event (trimmed?)."]);
                continue;
            }

            byIndex[i] = new BusEvent(entry.Id.ToString(), partition, entry[BusProducer.CustomerField].ToString(), json.ToString());
            events.Add(byIndex[i]);
        }

        IReadOnlyList<SinkOutcome> processed;
        try
        {
            processed = events.Count == 0 ? [] : await _sink.ProcessAsync(events, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            // Not acknowledged: the batch stays in this consumer's pending list and is read again first.
            LastSinkFailure = e;
            _needsPending.Add(partition);
            return false;
        }

        if (processed.Count != events.Count)
        {
            throw new InvalidOperationException($"The sink answered {processed.Count} outcomes for {events.Count} events.");
        }

        var next = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] ??= processed[next++];
        }

        await _redis.StreamAcknowledgeAsync(key, _options.Group, [.. entries.Select(e => e.Id)]).ConfigureAwait(false);
        Count(byIndex, outcomes!);
        return true;
    }

    private void Count(BusEvent[] events, SinkOutcome[] outcomes)
    {
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i];
            switch (outcome.Status)
            {
                case SinkStatus.Processed:
                    Interlocked.Increment(ref _processed);
                    continue;
                case SinkStatus.Duplicate:
                    Interlocked.Increment(ref _duplicates);
                    break;
                default:
                    Interlocked.Increment(ref _rejected);
                    break;
            }

            _observe?.Invoke(events[i], outcome);
        }
    }
}
