using Kizuki.Features.History;

namespace Kizuki.Features.Metrics;

/// <summary>The user's metrics from <c>features.metrics</c> in settings.json, as features of the catalog.</summary>
/// <remarks>
/// Each metric becomes a numeric feature of <see cref="BusinessField.Custom"/> labelled with its name and defined by its
/// expression, so it takes part in training, explanations and alert rules like a built-in one. The group is compiled
/// once when the context is set up; an invalid definition throws <see cref="MetricDefinitionException"/> then.
/// </remarks>
internal sealed class MetricFeatures : IFeatureGroup
{
    private readonly CompiledMetric[] _metrics;

    /// <summary>The metrics of the context's settings, bound to its vocabulary and page categories.</summary>
    public MetricFeatures(FeatureContext context)
        : this(Require(context).Settings.Metrics, context.Vocabulary, context.Settings.CategoryNames)
    {
    }

    /// <summary>The given metrics (name → expression, in output order), bound to a vocabulary and page categories.</summary>
    public MetricFeatures(IReadOnlyDictionary<string, string> metrics, HistoryVocabulary vocabulary, IReadOnlyList<string> categoryNames)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var compiler = new MetricCompiler(vocabulary, categoryNames);
        _metrics = [.. metrics.Select(m => compiler.Compile(m.Key, m.Value))];
        Definitions = [.. _metrics.Select(m => new FeatureDefinition(
            m.Name, m.Name, m.Name, BusinessField.Custom, FeatureKind.Numeric,
            "ユーザー定義指標: " + m.Expression, "User-defined metric: " + m.Expression))];
    }

    /// <inheritdoc />
    public IReadOnlyList<FeatureDefinition> Definitions { get; }

    /// <inheritdoc />
    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        ArgumentNullException.ThrowIfNull(history);
        for (var i = 0; i < _metrics.Length; i++)
        {
            output.Set(i, _metrics[i].Evaluate(history, asOf));
        }
    }

    private static FeatureContext Require(FeatureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context;
    }
}
