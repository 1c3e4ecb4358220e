using Kizuki.Alerts;
using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Live;
using Kizuki.Notifications;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>What one live scoring step produced.</summary>
/// <param name="Scores">The new scores, stored with their reasons.</param>
/// <param name="Alerts">The alerts that fired, stored with a task each.</param>
/// <param name="FollowUps">The follow-ups planned (recorded as touches).</param>
internal sealed record LiveStep(IReadOnlyList<StoredScore> Scores, IReadOnlyList<StoredAlert> Alerts, IReadOnlyList<FollowUp> FollowUps);

/// <summary>
/// Turns accepted events into scores and alerts: updates each customer's live feature state, re-scores each customer
/// touched once per step with the active model, from the live state alone (one row, with reasons), stores the scores, evaluates the rules, stores alerts and tasks, and posts
/// notifications and follow-ups.
/// </summary>
/// <remarks>
/// Reasons are computed only when a score moves (<see cref="LiveScorerParts.ReasonsChange"/>), and the settings file is
/// followed while running (<see cref="LiveScorerParts.SettingsDirectory"/>).
/// Events are handled in steps (whatever was committed together); the as-of instant of a step is one millisecond after its
/// newest event, so a score sees every event of the step and the features keep their point-in-time meaning during a replay.
/// Not thread-safe: one scorer per partition of customers.
/// </remarks>
internal sealed partial class LiveScorer
{
    private readonly FeatureContext _features;
    private readonly LiveFeatureEvaluator _live;
    private readonly LiveRowModel? _rowModel;
    private readonly IStore _store;
    private readonly IWorkStore _work;
    private readonly CachedAlertState _state;
    private readonly LiveScoreWriter _scores;
    private readonly double _reasonsChange;
    private AlertEngine _alerts;
    private FollowUpPlanner _followUps;
    private readonly BufferedTouches _touches = new();
    private readonly Action<Notification>? _notify;
    private readonly TimeProvider _time;
    private readonly double[] _numbers;
    private readonly string?[] _categories;
    private readonly Dictionary<string, ProbabilityTrail> _trails = new(StringComparer.Ordinal);

    /// <summary>A scorer over a store; without a model it stores no scores and rules see no probability.</summary>
    public LiveScorer(LiveScorerParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _features = parts.Features;
        _live = new LiveFeatureEvaluator(parts.Features);
        _rowModel = parts.Model is null || parts.Metadata is null
            ? null
            : new LiveRowModel(parts.Features.Catalog, parts.Model, parts.Metadata, parts.Scoring, parts.Explainer, parts.ExplainFrom);
        _numbers = new double[parts.Features.Catalog.Count];
        _categories = new string?[parts.Features.Catalog.Count];
        _store = parts.Store;
        _work = parts.Work;
        _state = new CachedAlertState(parts.Work);
        _alerts = new AlertEngine(parts.Rules, _state);
        _followUps = new FollowUpPlanner(parts.FollowUpTemplates, parts.Language, parts.Company, _touches);
        _notify = parts.Notify;
        _time = parts.Time;
        _scores = new LiveScoreWriter(parts.Store);
        ArgumentOutOfRangeException.ThrowIfNegative(parts.ReasonsChange, nameof(parts.ReasonsChange));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parts.ReasonsChange, 1, nameof(parts.ReasonsChange));
        _reasonsChange = parts.ReasonsChange;
        _watch = parts.SettingsDirectory is { } directory ? new LiveSettingsWatch(directory) : null;
    }

    /// <summary>Closes the connection the scorer keeps for its score writes (reopened by the next step, if any).</summary>
    public void ReleaseStore() => _scores.Close();

    /// <summary>The live feature state (read-only use).</summary>
    public LiveFeatureEvaluator State => _live;

    /// <summary>Time spent so far per stage of the steps: features, model (with reasons), rules, store writes.</summary>
    public LiveStageTimes Stages { get; } = new();

    /// <summary>Events applied to live state so far.</summary>
    public long EventsApplied { get; private set; }

    /// <summary>
    /// Loads the state of every customer from the store (call once, before the first step), and restarts from the stored
    /// scores of the active model: the probability trails of the last days (so the 1-day and 7-day changes rules read are
    /// right after a restart) and each customer's latest reasons (kept until the score moves; see <see cref="LiveScorerParts.ReasonsChange"/>).
    /// </summary>
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
        var newest = DateTimeOffset.MinValue;
        var newestOf = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var record in feed)
        {
            LiveEvents.Apply(_live, record);
            if (record is not Customer)
            {
                var time = LiveEvents.TimeOf(record);
                newest = time > newest ? time : newest;
                var id = LiveEvents.CustomerOf(record);
                newestOf[id] = newestOf.TryGetValue(id, out var seen) && seen > time ? seen : time;
            }
        }

        // The probability trails restart from the stored scores of the days before the newest event (or before the replay).
        var from = until ?? newest;
        if (from > DateTimeOffset.MinValue.AddDays(TrailSeedDays + 1))
        {
            TrailsSeeded = SeedTrails(from, until ?? DateTimeOffset.MaxValue, customer);
        }

        ReasonsSeeded = SeedReasons(until ?? DateTimeOffset.MaxValue, customer);
        if (until is null)
        {
            // A customer whose newest event is not older than their latest score lost that event's score (a crash between
            // the event's acknowledgement and its score's commit): CatchUp scores them again.
            Behind = [.. _latestScore.Where(s => newestOf.TryGetValue(s.Key, out var time) && time >= s.Value)
                .Select(s => (s.Key, newestOf[s.Key])).OrderBy(b => b.Item2).ThenBy(b => b.Key, StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Customers found at <see cref="Warm"/> (without a replay bound) whose newest event came after their latest stored score
    /// of the active model, with that event's instant: their score was lost between acknowledgement and commit.
    /// </summary>
    public IReadOnlyList<(string CustomerId, DateTimeOffset NewestEvent)> Behind { get; private set; } = [];

    /// <summary>
    /// Scores the customers of <see cref="Behind"/> again, each as of one millisecond after their newest event (as the lost
    /// step would have), without storing: the pipeline's writer stores the steps. Clears <see cref="Behind"/>.
    /// </summary>
    public IReadOnlyList<PreparedStep> CatchUp()
    {
        var steps = Behind.Select(b => Prepared(() =>
        {
            var (scores, alerts, followUps) = ScoreAndRaise([b.CustomerId], b.NewestEvent.AddMilliseconds(1), _time.GetUtcNow());
            return new LiveStep(scores, alerts, followUps);
        })).ToList();
        Behind = [];
        return steps;
    }

    /// <summary>How many customers' reasons were taken from their latest stored score at <see cref="Warm"/>.</summary>
    public int ReasonsSeeded { get; private set; }

    /// <summary>How many stored scores seeded the probability trails at <see cref="Warm"/>.</summary>
    public int TrailsSeeded { get; private set; }

    /// <summary>Applies accepted events, re-scores the customers they touch, and raises what the rules say.</summary>
    public LiveStep Step(IReadOnlyList<object> events) => Step(events, null);

    private LiveStep Step(IReadOnlyList<object> events, Action<LiveStep, IReadOnlySet<string>>? early)
    {
        ArgumentNullException.ThrowIfNull(events);
        ReloadIfChanged();
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
        var (scores, alerts, followUps) = ScoreAndRaise(touched, asOf, _time.GetUtcNow(), early);
        return new LiveStep(scores, alerts, followUps);
    }
}

/// <summary>Cumulative time per stage of a scorer's steps (what the benchmark prints).</summary>
internal sealed class LiveStageTimes
{
    /// <summary>Applying events and evaluating features.</summary>
    public TimeSpan Features { get; set; }

    /// <summary>Encoding, predicting and explaining.</summary>
    public TimeSpan Model { get; set; }

    /// <summary>Evaluating the rules.</summary>
    public TimeSpan Rules { get; set; }

    /// <summary>Writing scores, alerts, tasks and touches.</summary>
    public TimeSpan Store { get; set; }

    /// <inheritdoc />
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"features {Features.TotalSeconds:F2} s, model {Model.TotalSeconds:F2} s, rules {Rules.TotalSeconds:F2} s, store {Store.TotalSeconds:F2} s");
}
