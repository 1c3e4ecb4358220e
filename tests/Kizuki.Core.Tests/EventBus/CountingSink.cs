using System.Text.Json;
using Kizuki.EventBus;

namespace Kizuki.Tests.EventBus;

/// <summary>
/// A test sink standing in for the live path: idempotent by event id, it keeps per-customer counts of first occurrences,
/// reports repeats as duplicates, and remembers the order each customer's events were first applied in.
/// </summary>
internal sealed class CountingSink : IEventSink
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _sequences = new(StringComparer.Ordinal);
    private readonly List<string> _duplicateIds = [];
    private readonly Dictionary<string, string> _consumerOfCustomer = new(StringComparer.Ordinal);

    /// <summary>Events applied (first occurrences).</summary>
    public int Applied { get { lock (_gate) { return _applied.Count; } } }

    /// <summary>Ids answered as duplicates, in order.</summary>
    public IReadOnlyList<string> DuplicateIds { get { lock (_gate) { return [.. _duplicateIds]; } } }

    /// <summary>Applied events per customer.</summary>
    public IReadOnlyDictionary<string, int> Counts { get { lock (_gate) { return new Dictionary<string, int>(_counts); } } }

    /// <summary>Per customer, the <c>seq</c> values in the order they were first applied.</summary>
    public IReadOnlyDictionary<string, List<int>> Sequences { get { lock (_gate) { return _sequences.ToDictionary(p => p.Key, p => p.Value.ToList()); } } }

    /// <inheritdoc />
    public Task<IReadOnlyList<SinkOutcome>> ProcessAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken)
    {
        var outcomes = new SinkOutcome[events.Count];
        lock (_gate)
        {
            for (var i = 0; i < events.Count; i++)
            {
                using var document = JsonDocument.Parse(events[i].Json);
                var root = document.RootElement;
                var id = root.GetProperty("id").GetString()!;
                var customer = root.GetProperty("customer_id").GetString()!;
                if (customer != events[i].CustomerId)
                {
                    throw new InvalidOperationException($"Event {id} carries customer {events[i].CustomerId} on the bus but {customer} in its JSON.");
                }

                if (!_applied.Add(id))
                {
                    _duplicateIds.Add(id);
                    outcomes[i] = SinkOutcome.Duplicate;
                    continue;
                }

                _counts[customer] = _counts.GetValueOrDefault(customer) + 1;
                if (!_sequences.TryGetValue(customer, out var sequence))
                {
                    _sequences[customer] = sequence = [];
                }

                sequence.Add(root.GetProperty("seq").GetInt32());
                outcomes[i] = SinkOutcome.Processed;
            }
        }

        return Task.FromResult<IReadOnlyList<SinkOutcome>>(outcomes);
    }
}

/// <summary>
/// Stands for a consumer process that dies: after <paramref name="crashAfter"/> events it durably processes one more
/// batch through the shared sink, then stops its consumer before the acknowledgement (the batch stays pending, the
/// leases are left to expire), exactly like a process killed between its commit and its XACK.
/// </summary>
internal sealed class CrashingSink(IEventSink inner, int crashAfter, CancellationTokenSource kill) : IEventSink
{
    private int _seen;

    /// <summary>Ids of the batch processed but never acknowledged.</summary>
    public IReadOnlyList<string> Abandoned { get; private set; } = [];

    /// <inheritdoc />
    public async Task<IReadOnlyList<SinkOutcome>> ProcessAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken)
    {
        var outcomes = await inner.ProcessAsync(events, cancellationToken);
        _seen += events.Count;
        if (_seen >= crashAfter)
        {
            Abandoned = [.. events.Select(e => JsonDocument.Parse(e.Json).RootElement.GetProperty("id").GetString()!)];
            await kill.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return outcomes;
    }
}
