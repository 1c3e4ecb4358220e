using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Modeling;

namespace Kizuki.Alerts;

internal static partial class RuleDryRun
{
    /// <summary>One day of a block: every customer's features, who is eligible, and the eligible rows as the model encoded them.</summary>
    /// <param name="Numbers">Numeric features per customer of the block.</param>
    /// <param name="Categories">Categorical features per customer of the block.</param>
    /// <param name="Eligible">The customers (block positions) evaluated that day.</param>
    /// <param name="Encoded">The eligible rows in the model's column order (row j is <c>Eligible[j]</c>); null without a model.</param>
    /// <param name="RowOf">Per block position, its row in <paramref name="Encoded"/>.</param>
    /// <param name="Instant">The day's instant.</param>
    private sealed record DayRows(double[][] Numbers, string?[][] Categories, List<int> Eligible, DesignMatrix? Encoded, int[] RowOf,
        DateTimeOffset Instant);

    /// <summary>
    /// Finds the top reason of a customer-day only when a rule's outcome hangs on it, the same way the live scorer does:
    /// exact contributions of the one row (<see cref="RowExplainer"/>), grouped, the group adding most comes first; only
    /// for scores in the band the live scorer explains, below which it is unknown there too.
    /// </summary>
    /// <remarks>
    /// A row costs about a millisecond (TreeSHAP), a rule call a few nanoseconds. So a rule that reads <c>top_reason</c> is
    /// first called with every value the top reason could take (unknown, and each reason group): when all agree, the answer
    /// needs no explanation. Only when they differ (the rest of the condition already holds, for a conjunction) is the row
    /// explained, once per customer-day whatever the number of rules. Not thread-safe: one per partition.
    /// </remarks>
    private sealed class TopReasonProbe
    {
        private readonly RowExplainer _explainer;
        private readonly DryRunModel _model;
        private readonly string?[] _candidates;

        private TopReasonProbe(DryRunModel model, Explainer explainer, IReadOnlyCollection<string> reasonGroups)
        {
            _model = model;
            _explainer = new RowExplainer(explainer);
            _candidates = [null, .. explainer.GroupKeys.Concat(reasonGroups).Distinct(StringComparer.Ordinal)];
        }

        /// <summary>A probe when some rule reads <c>top_reason</c> and the model can be explained; null otherwise (it stays unknown).</summary>
        public static TopReasonProbe? For(RuleSet rules, DryRunModel? model, IReadOnlyCollection<string> reasonGroups) =>
            rules.UsesTopReason && model?.Explainer is { } explainer
                ? new TopReasonProbe(model, explainer, reasonGroups)
                : null;

        /// <summary>Whether the live scorer would explain a score of <paramref name="probability"/> (otherwise its top reason is unknown).</summary>
        public bool Explains(double probability) =>
            double.IsFinite(probability) && _model.Scoring.BandOf(Math.Clamp(probability, 0, 1)) >= _model.ExplainFrom;

        /// <summary>The rule's outcome when it is the same whatever the top reason; null when it hangs on it.</summary>
        public bool? Decide(CompiledRule rule, RuleFacts facts)
        {
            bool? first = null;
            foreach (var candidate in _candidates)
            {
                var outcome = rule.Matches(facts with { TopReason = candidate });
                if (first is null)
                {
                    first = outcome;
                }
                else if (first != outcome)
                {
                    return null;
                }
            }

            return first;
        }

        /// <summary>The top reason group of customer <paramref name="customer"/> (a block position) that day; null when nothing raises the risk.</summary>
        public string? Top(DayRows day, int customer, FeatureCatalog catalog)
        {
            var encoded = day.Encoded ?? throw new InvalidOperationException("a top reason needs the day's encoded rows");
            var values = new CatalogRow(catalog, day.Numbers[customer], day.Categories[customer]);
            var reasons = _explainer.Explain(encoded.Row(day.RowOf[customer]), values, day.Instant).Reasons;
            return reasons.Raising.Count > 0 ? reasons.Raising[0].Group : null;
        }
    }

    /// <summary>A catalog row's values by feature name, for reason sentences.</summary>
    private sealed class CatalogRow(FeatureCatalog catalog, double[] numbers, string?[] categories) : IRowValues
    {
        public double Number(string feature) => catalog.IndexOf(feature) is var i and >= 0 ? numbers[i] : double.NaN;

        public string? Text(string feature) => catalog.IndexOf(feature) is var i and >= 0 ? categories[i] : null;
    }
}
