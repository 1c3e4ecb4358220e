using Kizuki.Alerts;
using Kizuki.Domain;
using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Features.Live;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;
using Kizuki.Notifications;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>What one live scoring step produced.</summary>
/// <param name="Scores">The new scores, stored with their reasons.</param>
/// <param name="Alerts">The alerts that fired, stored with a task each.</param>
/// <param name="FollowUps">The follow-ups planned (recorded as touches).</param>
internal sealed record LiveStep(IReadOnlyList<StoredScore> Scores, IReadOnlyList<StoredAlert> Alerts, IReadOnlyList<FollowUp> FollowUps);

/// <summary>
/// Turns accepted events into scores and alerts: updates each customer's live feature state, re-scores the customers
/// touched with the active model (with reasons), stores the scores, evaluates the rules, stores alerts and tasks, and posts
/// notifications and follow-ups.
/// </summary>
/// <remarks>
/// Events are handled in steps (whatever was committed together); the as-of instant of a step is one millisecond after its
/// newest event, so a score sees every event of the step and the features keep their point-in-time meaning during a replay.
/// Not thread-safe: one scorer per partition of customers.
/// </remarks>
internal sealed partial class LiveScorer
{
    private readonly FeatureContext _features;
    private readonly LiveFeatureEvaluator _live;
    private readonly ChurnEnsemble? _model;
    private readonly ModelMetadata? _metadata;
    private readonly Explainer? _explainer;
    private readonly ScoringSettings _scoring;
    private readonly IStore _store;
    private readonly IWorkStore _work;
    private readonly AlertEngine _alerts;
    private readonly CachedAlertState _state;
    private readonly FollowUpPlanner _followUps;
    private readonly BufferedTouches _touches = new();
    private readonly Action<Notification>? _notify;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ProbabilityTrail> _trails = new(StringComparer.Ordinal);

    /// <summary>A scorer over a store; without a model it stores no scores and rules see no probability.</summary>
    public LiveScorer(LiveScorerParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _features = parts.Features;
        _live = new LiveFeatureEvaluator(parts.Features);
        _model = parts.Model;
        _metadata = parts.Metadata;
        _explainer = parts.Explainer;
        _scoring = parts.Scoring;
        _store = parts.Store;
        _work = parts.Work;
        _state = new CachedAlertState(parts.Work);
        _alerts = new AlertEngine(parts.Rules, _state);
        _followUps = new FollowUpPlanner(parts.FollowUpTemplates, parts.Language, parts.Company, _touches);
        _notify = parts.Notify;
        _time = parts.Time;
    }

    /// <summary>The live feature state (read-only use).</summary>
    public LiveFeatureEvaluator State => _live;

    /// <summary>Events applied to live state so far.</summary>
    public long EventsApplied { get; private set; }

    /// <summary>Loads the state of every customer from the store (call once, before the first step).</summary>
    /// <param name="until">Only records before this instant, when given (a replay starts from there).</param>
    /// <param name="customer">Only customers this returns true for, when given (a partition).</param>
    public void Warm(DateTimeOffset? until = null, Func<string, bool>? customer = null)
    {
        var feed = new List<object>();
        bool Keep(object r) => (until is not { } u || LiveEvents.TimeOf(r) < u) && (customer is null || customer(LiveEvents.CustomerOf(r)));
        feed.AddRange(_store.Customers().Where(c => customer is null || customer(c.Id)));
        feed.AddRange(_store.Subscriptions().Where(Keep));
        feed.AddRange(_store.Orders().Where(Keep));
        feed.AddRange(_store.Activities().Where(Keep));
        feed.AddRange(_store.Tickets().Where(Keep));
        feed.AddRange(_store.Surveys().Where(Keep));
        feed.AddRange(_store.ChurnEvents().Where(Keep));
        feed.Sort((a, b) => a is Customer ? (b is Customer ? 0 : -1) : b is Customer ? 1 : LiveEvents.TimeOf(a).CompareTo(LiveEvents.TimeOf(b)));
        foreach (var record in feed)
        {
            LiveEvents.Apply(_live, record);
        }
    }

    /// <summary>Applies accepted events, re-scores the customers they touch, and raises what the rules say.</summary>
    public LiveStep Step(IReadOnlyList<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var touched = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var newest = DateTimeOffset.MinValue;
        foreach (var record in events)
        {
            if (LiveEvents.Apply(_live, record))
            {
                EventsApplied++;
            }

            var time = LiveEvents.TimeOf(record);
            newest = time > newest ? time : newest;
            if (seen.Add(LiveEvents.CustomerOf(record)))
            {
                touched.Add(LiveEvents.CustomerOf(record));
            }
        }

        if (touched.Count == 0)
        {
            return new LiveStep([], [], []);
        }

        var asOf = newest.AddMilliseconds(1);
        var chunk = new FeatureTableChunk(_features.Catalog);
        foreach (var id in touched)
        {
            chunk.Add(_live.History(id), Millis.Of(asOf));
        }

        var table = FeatureTableChunk.Join(_features.Catalog, asOf, [chunk]);
        var now = _time.GetUtcNow();
        var run = _model is null || _metadata is null || table.RowCount == 0
            ? null
            : ChurnScorer.Score(table, _model, _metadata, _scoring, now, _explainer);
        if (run is not null && run.Scores.Count > 0)
        {
            _store.SaveScores(run.Scores);
        }

        var (alerts, followUps) = Raise(table, run, asOf, now);
        return new LiveStep(run?.Scores ?? [], alerts, followUps);
    }
}
