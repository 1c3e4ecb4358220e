using System.Text.Json;
using Kizuki.LiveScoring;

namespace Kizuki.EventBus;

/// <summary>
/// The live path as the bus's sink: each event is read like a line of <c>kizuki ingest --stream</c>, the valid ones are
/// written durably in one group commit and scored by the <see cref="LiveService"/>; the answer comes after the commit.
/// </summary>
/// <remarks>
/// Idempotence comes from the intake: an append-only event (order, activity, survey, touch, churn event) whose id is
/// already stored is answered <see cref="SinkStatus.Duplicate"/> and not applied again; customers, subscriptions and
/// tickets are versions that replace the stored one, so applying a redelivered one again leaves the same state.
/// </remarks>
internal sealed class LiveEventSink : IEventSink
{
    private readonly LiveService _service;
    private readonly TimeZoneInfo _zone;
    private readonly string _currency;

    /// <summary>A sink submitting to <paramref name="service"/>; times without an offset are in <paramref name="zone"/>.</summary>
    public LiveEventSink(LiveService service, TimeZoneInfo zone, string currency)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _currency = currency ?? throw new ArgumentNullException(nameof(currency));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SinkOutcome>> ProcessAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var reads = new EventRead[events.Count];
        for (var i = 0; i < reads.Length; i++)
        {
            try
            {
                using var document = JsonDocument.Parse(events[i].Json);
                reads[i] = LiveEventReader.Read(document.RootElement, i, _zone, _currency);
            }
            catch (JsonException e)
            {
                reads[i] = new EventRead(i, null, [new EventProblem(i, null, $"JSON として読めません（{e.Message}）", $"not valid JSON ({e.Message})")]);
            }
        }

        // Not cancellable once submitted: the commit either happens or fails, and the answer must match it.
        var answer = await _service.SubmitAsync(reads).ConfigureAwait(false);
        return [.. answer.Results.Select(r => r.Status switch
        {
            EventStatus.Accepted => SinkOutcome.Processed,
            EventStatus.Duplicate => SinkOutcome.Duplicate,
            _ => new SinkOutcome(SinkStatus.Rejected, [.. r.Errors.Select(p => p.Field is null ? p.ToString() : $"{p.Field}: {p}")]),
        })];
    }
}
