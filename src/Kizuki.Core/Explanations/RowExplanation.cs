using Kizuki.Features;

namespace Kizuki.Explanations;

/// <summary>One customer's probability and reasons, computed from one encoded row without building a feature table.</summary>
/// <param name="RawScore">The blended raw score (log-odds before calibration).</param>
/// <param name="Probability">The calibrated churn probability.</param>
/// <param name="Reasons">The top reasons and the suggested action.</param>
internal sealed record RowExplanation(double RawScore, double Probability, CustomerReasons Reasons);

/// <summary>
/// The per-row path of an <see cref="Explainer"/>, for the live scorer: exact contributions of one row (linear and TreeSHAP,
/// blended like <see cref="EnsembleContributions"/>), grouped into the same reasons as <see cref="ExplanationBatch"/> gives.
/// </summary>
/// <remarks>Holds scratch buffers: not thread-safe; one per scorer.</remarks>
internal sealed class RowExplainer
{
    private readonly Explainer _explainer;
    private readonly double[] _linear;
    private readonly double[] _trees;
    private readonly double[] _blend;
    private readonly double[] _sums;

    /// <summary>A row explainer over <paramref name="explainer"/>'s model and settings.</summary>
    public RowExplainer(Explainer explainer)
    {
        _explainer = explainer ?? throw new ArgumentNullException(nameof(explainer));
        var width = explainer.Model.Encoder.Columns.Count + 1;
        _linear = new double[width];
        _trees = new double[width];
        _blend = new double[width];
        _sums = new double[explainer.GroupKeys.Count];
    }

    /// <summary>The explainer whose model and settings are used.</summary>
    public Explainer Explainer => _explainer;

    /// <summary>Explains one encoded row (in the model's column order); <paramref name="values"/> gives the row's raw feature values for sentences.</summary>
    public RowExplanation Explain(ReadOnlySpan<double> row, IRowValues values, DateTimeOffset asOf) => Explain(row, [], values, asOf);

    /// <summary>
    /// Explains one encoded row whose TreeSHAP contributions were computed already (e.g. for a block of rows at once, which
    /// reads the model's tables from cache); empty <paramref name="treeContributions"/> computes them here.
    /// </summary>
    public RowExplanation Explain(ReadOnlySpan<double> row, ReadOnlySpan<double> treeContributions, IRowValues values, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(values);
        var model = _explainer.Model;
        var columns = model.Encoder.Columns.Count;
        if (row.Length != columns)
        {
            throw new ArgumentException($"the row has {row.Length} values; the model reads {columns}", nameof(row));
        }

        var useTrees = model.Trees is not null && model.TreeWeight > 0;
        var w = useTrees ? model.TreeWeight : 0.0;
        model.Linear.Contributions(row, _linear);
        if (useTrees && treeContributions.Length == columns + 1)
        {
            treeContributions.CopyTo(_trees);
        }
        else if (useTrees)
        {
            model.Trees!.Contributions(row, _trees);
        }

        var raw = 0.0;
        for (var c = 0; c <= columns; c++)
        {
            _blend[c] = ((1 - w) * _linear[c]) + (useTrees ? w * _trees[c] : 0);
            raw += _blend[c];
        }

        var baseValue = _blend[columns];
        var probability = model.Calibration.Probability(raw);
        var change = raw - baseValue;
        var scale = change == 0 ? 0 : (probability - model.Calibration.Probability(baseValue)) / change;
        return new RowExplanation(raw, probability, Reasons(values, scale, asOf));
    }

    private CustomerReasons Reasons(IRowValues values, double scale, DateTimeOffset asOf)
    {
        Array.Clear(_sums);
        var groupIndex = _explainer.GroupIndex;
        for (var k = 0; k < groupIndex.Length; k++)
        {
            _sums[groupIndex[k]] += _blend[k];
        }

        var settings = _explainer.Settings;
        var raising = Top(values, scale, asOf, settings.RaisingReasons, sign: 1);
        var lowering = Top(values, scale, asOf, settings.LoweringReasons, sign: -1);
        return new CustomerReasons(raising, lowering, _explainer.ActionFor(raising));
    }

    private List<Reason> Top(IRowValues values, double scale, DateTimeOffset asOf, int count, int sign)
    {
        var result = new List<Reason>(count);
        if (count == 0)
        {
            return result;
        }

        var order = Enumerable.Range(0, _sums.Length).Where(g => sign * _sums[g] > 0).OrderByDescending(g => sign * _sums[g]).ThenBy(g => g).Take(count);
        foreach (var g in order)
        {
            var lead = -1;
            for (var k = 0; k < _explainer.GroupIndex.Length; k++)
            {
                if (_explainer.GroupIndex[k] == g && (lead < 0 || sign * _blend[k] > sign * _blend[lead]))
                {
                    lead = k;
                }
            }

            FeatureDefinition definition = _explainer.Definitions[lead];
            var group = _explainer.GroupKeys[g];
            var points = _sums[g] * scale * 100;
            var (ja, en) = ReasonSentences.Write(group, definition, values, points, asOf, _explainer.Format);
            result.Add(new Reason(group, definition.Name, _sums[g], points, ja, en));
        }

        return result;
    }
}
