namespace Kizuki.EventBus;

/// <summary>One event read from the bus.</summary>
/// <param name="MessageId">The stream entry id (e.g. <c>1700000000000-0</c>); not the event's own id.</param>
/// <param name="Partition">The partition stream it came from.</param>
/// <param name="CustomerId">The customer it belongs to (its partition key).</param>
/// <param name="Json">The event as published: one JSON object, the same shape as <c>kizuki ingest --stream</c> takes.</param>
public sealed record BusEvent(string MessageId, int Partition, string CustomerId, string Json);

/// <summary>What a sink did with one event. Every status is final: the entry is acknowledged.</summary>
public enum SinkStatus
{
    /// <summary>New: durably written and applied to live state.</summary>
    Processed,
    /// <summary>Its id was already processed (a redelivery after a crash): nothing changed.</summary>
    Duplicate,
    /// <summary>Invalid: not written; the errors say why. Redelivery would not help, so it is acknowledged too.</summary>
    Rejected,
}

/// <summary>The sink's answer for one event.</summary>
/// <param name="Status">What became of it.</param>
/// <param name="Errors">Why it was rejected, in Japanese and English; empty otherwise.</param>
public sealed record SinkOutcome(SinkStatus Status, IReadOnlyList<string> Errors)
{
    /// <summary>A processed event.</summary>
    public static SinkOutcome Processed { get; } = new(SinkStatus.Processed, []);

    /// <summary>A duplicate event.</summary>
    public static SinkOutcome Duplicate { get; } = new(SinkStatus.Duplicate, []);
}

/// <summary>Where bus consumers hand events: the live path (durable write, live state, score, rules) or a test double.</summary>
/// <remarks>
/// The bus delivers at least once: an entry processed by a consumer that crashed before acknowledging it is delivered
/// again to the consumer that takes over its partition. Exactly-once <em>effect</em> on customer state therefore rests
/// on the sink: it must recognise an event id it has already durably processed and answer
/// <see cref="SinkStatus.Duplicate"/> without applying it again (the live path's intake does this by id).
/// </remarks>
public interface IEventSink
{
    /// <summary>
    /// Processes <paramref name="events"/> in order (all of one partition, so one customer's events keep their order) and
    /// returns one outcome per event, in the same order, only after the effects are durable. Throwing means nothing is
    /// acknowledged: the events stay pending and are delivered again.
    /// </summary>
    Task<IReadOnlyList<SinkOutcome>> ProcessAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken);
}
