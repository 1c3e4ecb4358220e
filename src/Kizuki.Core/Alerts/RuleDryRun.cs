using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Modeling.Churn;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.Alerts;

/// <summary>
/// Shows what rules would have done: which customers they hit now and how many on each past day, so false alarms can be
/// tuned away before a rule is switched on.
/// </summary>
/// <remarks>
/// Each customer's history is read once, with every event before the as-of instant, and evaluated at every day, as the
/// training-set builder does: a feature at day T sees only events strictly before T. Without a model only the feature
/// groups the rules need are computed. A customer counts on a day when signed up before it and still active
/// (a running subscription or an order in the last year; with a model, the model's churn kind decides, as in scoring).
/// </remarks>
internal static partial class RuleDryRun
{
    /// <summary>The default number of days: 90.</summary>
    public const int DefaultDays = 90;

    /// <summary>Evaluates <paramref name="rules"/> (compiled against <paramref name="context"/>'s catalog) on each of <paramref name="days"/> days.</summary>
    /// <param name="store">The store.</param>
    /// <param name="context">The feature context.</param>
    /// <param name="rules">The rules, compiled against <c>context.Catalog</c> (for validation and the features they read).</param>
    /// <param name="asOf">The newest day.</param>
    /// <param name="days">Days to evaluate, 1 to 3650.</param>
    /// <param name="model">The active model with its version and churn kind; required when a rule reads a probability.</param>
    /// <param name="options">How to read the store.</param>
    /// <param name="reasonGroups">The reason groups the rules were compiled with (the defaults when null).</param>
    public static RuleDryRunResult Run(IStore store, FeatureContext context, RuleSet rules, DateTimeOffset asOf, int days,
        DryRunModel? model = null, HistoryReadOptions? options = null, IReadOnlyCollection<string>? reasonGroups = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3650);
        if ((rules.UsesProbability || rules.UsesTopReason) && model is null)
        {
            var name = rules.UsesProbability ? RuleCompiler.Probability : RuleCompiler.TopReason;
            throw new InvalidOperationException(
                $"規則が {name} を使いますが、使用中のモデルがありません。`kizuki train` で学習してください。 / " +
                $"a rule reads {name} but there is no active model; run `kizuki train` first.");
        }

        var useModel = rules.UsesProbability || rules.UsesTopReason ? model : null;
        var catalog = useModel is not null ? context.Catalog : Subset(context, [.. rules.Features, .. EligibilityFeatures]);
        var compiled = ReferenceEquals(catalog, context.Catalog)
            ? rules
            : RuleCompiler.Compile([.. rules.Rules.Select(r => r.Definition)], catalog, reasonGroups);
        var instants = Enumerable.Range(0, days).Select(k => asOf.AddDays(-k)).ToArray();
        var groups = reasonGroups ?? ReasonGroups.Default;
        var plan = new Plan(catalog, compiled, instants, useModel, rules.UsesProbabilityChange ? 7 : 0, groups);
        var read = (options ?? HistoryReadOptions.Default) with { ReuseHistory = false };
        var parts = HistoryReader.ReadPartitioned(store, context, Millis.Of(asOf), histories => plan.Consume(histories), read);
        var result = Tally.Merge(parts, compiled.Rules.Count, days);
        return new RuleDryRunResult(asOf, instants,
            [.. compiled.Rules.Select((r, i) => new RuleDryRunRule(r.Name, r.Definition.Severity, result.HitsNow[i], result.Matches[i], result.Fired[i]))],
            useModel?.Version, rules.UsesTopReason && useModel?.Explainer is null, catalog.Count, result.Evaluations)
        {
            Explained = result.Explained,
        };
    }

    /// <summary>The features that decide whether a customer is active.</summary>
    internal static readonly string[] EligibilityFeatures = [Scoring.ChurnScorer.RunningSubscriptionFeature, Scoring.ChurnScorer.RecentOrdersFeature];

    /// <summary>
    /// A catalog of only the feature groups that hold <paramref name="needed"/>: the groups are the catalog's own
    /// (same constructors as <see cref="FeatureCatalog"/>); when a name is in none of them the full catalog is used.
    /// </summary>
    internal static FeatureCatalog Subset(FeatureContext context, IReadOnlyCollection<string> needed)
    {
        IFeatureGroup[] groups =
        [
            new Features.Builtin.PurchaseFeatures(),
            new Features.Builtin.SubscriptionFeatures(),
            new Features.Builtin.ActivityFeatures(context),
            new Features.Builtin.TicketFeatures(),
            new Features.Builtin.SurveyFeatures(),
            new Features.Builtin.ProfileFeatures(context.Settings.CategoricalAttributes),
            new Features.Metrics.MetricFeatures(context),
        ];
        var chosen = groups.Where(g => g.Definitions.Any(d => needed.Contains(d.Name))).ToList();
        var covered = chosen.SelectMany(g => g.Definitions).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        return needed.All(covered.Contains) ? new FeatureCatalog(chosen) : context.Catalog;
    }
}

/// <summary>The active model as a dry run uses it.</summary>
/// <param name="Model">The fitted ensemble.</param>
/// <param name="Version">Its registry version.</param>
/// <param name="ChurnKind">contractual or nonContractual (decides who is active).</param>
internal sealed record DryRunModel(ChurnEnsemble Model, int Version, string ChurnKind)
{
    /// <summary>
    /// Explains scores into reasons, for rules that read <c>top_reason</c>; null = the top reason stays unknown
    /// (<see cref="RuleDryRunResult.TopReasonUnknown"/>). Build it as the live scorer does: the catalog's definitions,
    /// the settings' explanations and reason format.
    /// </summary>
    public Explainer? Explainer { get; init; }

    /// <summary>Risk band thresholds (which band a probability falls in).</summary>
    public ScoringSettings Scoring { get; init; } = new();

    /// <summary>
    /// Only scores in this band or above get a top reason, as in the live scorer (<c>LiveScorerParts.ExplainFrom</c>,
    /// default <see cref="RiskBand.Medium"/>); below it <c>top_reason</c> is unknown there, so it is here too.
    /// </summary>
    public RiskBand ExplainFrom { get; init; } = RiskBand.Medium;
}
