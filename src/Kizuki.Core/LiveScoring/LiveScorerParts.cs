using Kizuki.Alerts;
using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;
using Kizuki.Notifications;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>What a <see cref="LiveScorer"/> is built from.</summary>
/// <param name="Features">The feature catalog and its settings.</param>
/// <param name="Store">Where scores and follow-up touches go.</param>
/// <param name="Work">Where alerts, alert state and tasks go.</param>
/// <param name="Rules">The compiled alert rules (may be empty).</param>
/// <param name="Time">The clock that stamps scores and tasks.</param>
internal sealed record LiveScorerParts(FeatureContext Features, IStore Store, IWorkStore Work, RuleSet Rules, TimeProvider Time)
{
    /// <summary>The active model; null = no scores, rules see no probability.</summary>
    public ChurnEnsemble? Model { get; init; }

    /// <summary>The active model's metadata (with <see cref="Model"/>).</summary>
    public ModelMetadata? Metadata { get; init; }

    /// <summary>Explains each score into reasons; null = scores without reasons (faster).</summary>
    public Explainer? Explainer { get; init; }

    /// <summary>
    /// Only scores in this band or above get reasons. Default <see cref="RiskBand.Medium"/>: exact TreeSHAP of one row costs
    /// about a millisecond, and the customers nobody acts on need no reasons to be fast (<c>kizuki explain</c> gives them on demand).
    /// </summary>
    public RiskBand ExplainFrom { get; init; } = RiskBand.Medium;

    /// <summary>
    /// How far the probability must move (0 to 1; default 0.05, five points) before a customer's reasons are computed again.
    /// Reasons (exact TreeSHAP, about a millisecond a row) are computed for a score in <see cref="ExplainFrom"/> or above when
    /// the customer has none kept yet, when the band differs from the band they were computed in, when the probability has
    /// moved by at least this much since, or when a rule fires for the customer; otherwise the score keeps the last reasons
    /// (their sentences quote the values of when they were computed). 0 = compute them for every score.
    /// </summary>
    public double ReasonsChange { get; init; } = 0.05;

    /// <summary>
    /// The data directory whose <c>settings.json</c> (and rule files) the scorer follows: checked once per step, a change is
    /// taken up before the step (see <c>LiveScorer.ReloadIfChanged</c>). Null = the rules given are kept for the scorer's life.
    /// </summary>
    public string? SettingsDirectory { get; init; }

    /// <summary>Risk band thresholds.</summary>
    public ScoringSettings Scoring { get; init; } = new();

    /// <summary>Follow-up templates overriding the built-in ones.</summary>
    public IReadOnlyDictionary<string, FollowUpTemplate>? FollowUpTemplates { get; init; }

    /// <summary>The language of follow-ups (<c>ja</c> or <c>en</c>).</summary>
    public string Language { get; init; } = "ja";

    /// <summary>The sender named in follow-ups.</summary>
    public string Company { get; init; } = "";

    /// <summary>Receives a staff notification per alert (e.g. <c>NotificationDispatcher.Post</c>); must not block.</summary>
    public Action<Notification>? Notify { get; init; }
}

/// <summary>Alert state read through to the durable store once per (rule, customer), then kept in memory.</summary>
/// <remarks>
/// Firings are persisted by <see cref="IWorkStore.Raise"/> together with the alerts, in the scorer's step transaction,
/// so cool-downs survive a restart; one scorer owns each customer, so the cache never disagrees with another process.
/// </remarks>
internal sealed class CachedAlertState(IAlertStateStore durable) : IAlertStateStore
{
    private readonly InMemoryAlertStateStore _memory = new();
    private readonly HashSet<(string, string)> _loaded = [];

    /// <inheritdoc />
    public DateTimeOffset? LastFired(string rule, string customerId)
    {
        Load(rule, customerId);
        return _memory.LastFired(rule, customerId);
    }

    /// <inheritdoc />
    public bool TryFire(string rule, string customerId, DateTimeOffset at, TimeSpan cooldown)
    {
        Load(rule, customerId);
        return _memory.TryFire(rule, customerId, at, cooldown);
    }

    private void Load(string rule, string customerId)
    {
        if (_loaded.Add((rule, customerId)) && durable.LastFired(rule, customerId) is { } last)
        {
            // The durable instant seeds memory: a firing "at last" with no cool-down always records.
            _memory.TryFire(rule, customerId, last, TimeSpan.Zero);
        }
    }
}

/// <summary>Follow-up touches collected during a step and written in one import session at its end.</summary>
internal sealed class BufferedTouches : ITouchRecorder
{
    private readonly List<Domain.Touch> _pending = [];

    /// <inheritdoc />
    public void Record(Domain.Touch touch) => _pending.Add(touch ?? throw new ArgumentNullException(nameof(touch)));

    /// <summary>Takes what was recorded (to be written later), leaving the buffer empty.</summary>
    public IReadOnlyList<Domain.Touch> Take()
    {
        if (_pending.Count == 0)
        {
            return [];
        }

        Domain.Touch[] taken = [.. _pending];
        _pending.Clear();
        return taken;
    }

    /// <summary>Writes what was recorded.</summary>
    public void Flush(IStore store)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        using var session = store.BeginImport();
        foreach (var touch in _pending)
        {
            session.Add(touch);
        }

        session.Commit();
        _pending.Clear();
    }
}
