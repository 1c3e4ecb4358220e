using System.Text.Json;
using Kizuki.Configuration;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>The answer for one submitted event, with its problems when it was rejected.</summary>
/// <param name="Index">Its position in the submission (from 0).</param>
/// <param name="Kind">Its entity kind's name (e.g. <c>activities</c>), when it was read.</param>
/// <param name="Id">Its id, when it was read.</param>
/// <param name="Status">Accepted (written and scored), duplicate (already stored) or rejected.</param>
/// <param name="Errors">Why it was rejected; empty otherwise.</param>
public sealed record EventResult(int Index, string? Kind, string? Id, EventStatus Status, IReadOnlyList<EventProblem> Errors);

/// <summary>The answer for a submission: counts and one result per event, in submission order.</summary>
public sealed record EventsAnswer(int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResult> Results);

/// <summary>
/// The live path of a data directory as one service: reads events, writes the valid ones durably (group commit),
/// acknowledges, and scores them with the active model and the settings' rules. Used by <c>POST /api/events</c>,
/// <c>kizuki ingest --stream</c> and <c>kizuki demo --live</c>.
/// </summary>
/// <remarks>Thread-safe: any number of callers may submit at once; their events share commits.</remarks>
internal sealed class LiveService : IAsyncDisposable
{
    private readonly LivePipeline _pipeline;
    private readonly KizukiSettings _settings;

    private LiveService(LivePipeline pipeline, KizukiSettings settings)
    {
        _pipeline = pipeline;
        _settings = settings;
    }

    /// <summary>The pipeline (for its latencies and failure).</summary>
    public LivePipeline Pipeline => _pipeline;

    /// <summary>Loads the live state of every customer from the store and starts the writer and the scorer.</summary>
    /// <param name="dataDirectory">Where the model registry and rules live.</param>
    /// <param name="settings">The data directory's settings.</param>
    /// <param name="store">The store (the caller owns it).</param>
    /// <param name="work">The work store beside it (the caller owns it).</param>
    /// <param name="time">The clock that stamps scores and tasks.</param>
    /// <param name="observe">Receives each scoring step once its scores are stored (on the writer thread); may be null.</param>
    /// <param name="warmUntil">Only history before this instant is loaded (a replay); null = all.</param>
    public static LiveService Start(string dataDirectory, KizukiSettings settings, IStore store, IWorkStore work, TimeProvider time,
        Action<LiveStep>? observe = null, DateTimeOffset? warmUntil = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(work);
        var scorer = LiveScoringHost.CreateScorer(dataDirectory, settings, store, work, time);
        scorer.Warm(warmUntil);
        var ledger = work as IEventLedger
            ?? throw new ArgumentException("the work store cannot tell which events are stored", nameof(work));
        return new LiveService(new LivePipeline(store, ledger, scorer, observe), settings);
    }

    /// <summary>Reads one JSON event or an array of them (see <see cref="LiveEventReader"/>).</summary>
    public IReadOnlyList<EventRead> Read(JsonElement body) =>
        body.ValueKind == JsonValueKind.Array
            ? [.. body.EnumerateArray().Select((e, i) => LiveEventReader.Read(e, i, _settings.Zone, _settings.Currency))]
            : [LiveEventReader.Read(body, 0, _settings.Zone, _settings.Currency)];

    /// <summary>Writes the valid events, returning after their commit; invalid ones come back with their problems.</summary>
    public async Task<EventsAnswer> SubmitAsync(IReadOnlyList<EventRead> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var positions = Enumerable.Range(0, events.Count).Where(i => events[i].Record is not null).ToList();
        var valid = positions.Select(i => events[i]).ToList();
        var outcomes = valid.Count == 0 ? [] : await _pipeline.SubmitAsync([.. valid.Select(e => e.Record!)]).ConfigureAwait(false);
        var results = new EventResult[events.Count];
        for (var i = 0; i < valid.Count; i++)
        {
            var o = outcomes[i];
            results[positions[i]] = new EventResult(valid[i].Index, o.Entity, o.Id, o.Status, []);
        }

        for (var i = 0; i < events.Count; i++)
        {
            results[i] ??= new EventResult(events[i].Index, null, null, EventStatus.Rejected, events[i].Problems);
        }

        return new EventsAnswer(results.Count(r => r.Status == EventStatus.Accepted), results.Count(r => r.Status == EventStatus.Duplicate),
            results.Count(r => r.Status == EventStatus.Rejected), results);
    }

    /// <summary>Stops accepting, then writes and scores everything submitted.</summary>
    public ValueTask DisposeAsync() => _pipeline.DisposeAsync();
}
