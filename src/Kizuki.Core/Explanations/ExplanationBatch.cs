using Kizuki.Features;
using Kizuki.Features.Batch;

namespace Kizuki.Explanations;

/// <summary>The contributions of a batch of customers, from which reasons and full explanations are read per customer.</summary>
internal sealed class ExplanationBatch
{
    private readonly Explainer _explainer;
    private readonly int[] _positions;

    internal ExplanationBatch(Explainer explainer, FeatureTable table, IReadOnlyList<int> rows, int[] positions, EnsembleContributions contributions)
    {
        _explainer = explainer;
        Table = table;
        Rows = rows;
        _positions = positions;
        Contributions = contributions;
    }

    /// <summary>The feature table explained.</summary>
    public FeatureTable Table { get; }

    /// <summary>The table rows explained, in batch order.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>The exact contributions of every row.</summary>
    public EnsembleContributions Contributions { get; }

    /// <summary>The explainer that made the batch.</summary>
    public Explainer Explainer => _explainer;

    /// <summary>Number of customers in the batch.</summary>
    public int Count => Rows.Count;

    /// <summary>The reasons of every customer in the batch, in batch order (computed in parallel).</summary>
    public CustomerReasons[] AllReasons()
    {
        var result = new CustomerReasons[Count];
        Parallel.For(0, (Count + 255) / 256, block =>
        {
            var sums = new double[_explainer.GroupKeys.Count];
            for (var i = block * 256; i < Math.Min(Count, (block + 1) * 256); i++)
            {
                result[i] = Reasons(i, sums);
            }
        });
        return result;
    }

    /// <summary>The top reasons and action of the <paramref name="index"/>-th customer of the batch.</summary>
    public CustomerReasons Reasons(int index) => Reasons(index, new double[_explainer.GroupKeys.Count]);

    /// <summary>Everything about the <paramref name="index"/>-th customer of the batch: each contribution, reasons and action.</summary>
    public CustomerExplanation Explain(int index)
    {
        var definitions = _explainer.Definitions;
        var c = Contributions;
        var scale = c.PointScales[index] * 100;
        var contributions = new FeatureContribution[definitions.Count];
        for (var k = 0; k < definitions.Count; k++)
        {
            var logOdds = c.At(index, k);
            contributions[k] = new FeatureContribution(definitions[k].Name, _explainer.GroupKeys[_explainer.GroupIndex[k]], Value(index, k), logOdds, logOdds * scale);
        }

        return new CustomerExplanation(Table.CustomerIds[Rows[index]], Table.AsOf, c.BaseValues[index], c.RawScores[index], c.BaseProbability,
            c.Probabilities[index], contributions, Reasons(index));
    }

    private object? Value(int index, int column)
    {
        var position = _positions[column];
        var row = Rows[index];
        if (Table.Definitions[position].Kind == FeatureKind.Categorical)
        {
            return Table.Categories(position)[row];
        }

        var value = Table.Numbers(position)[row];
        return double.IsFinite(value) ? value : null;
    }

    private CustomerReasons Reasons(int index, double[] sums)
    {
        Array.Clear(sums);
        var groupIndex = _explainer.GroupIndex;
        var c = Contributions;
        for (var k = 0; k < groupIndex.Length; k++)
        {
            sums[groupIndex[k]] += c.At(index, k);
        }

        var settings = _explainer.Settings;
        var raising = Top(index, sums, settings.RaisingReasons, sign: 1);
        var lowering = Top(index, sums, settings.LoweringReasons, sign: -1);
        return new CustomerReasons(raising, lowering, _explainer.ActionFor(raising));
    }

    private List<Reason> Top(int index, double[] sums, int count, int sign)
    {
        var result = new List<Reason>(count);
        if (count == 0)
        {
            return result;
        }

        var order = Enumerable.Range(0, sums.Length).Where(g => sign * sums[g] > 0).OrderByDescending(g => sign * sums[g]).ThenBy(g => g).Take(count);
        var values = new RowValues(Table, Rows[index]);
        var scale = Contributions.PointScales[index] * 100;
        foreach (var g in order)
        {
            var lead = -1;
            for (var k = 0; k < _explainer.GroupIndex.Length; k++)
            {
                if (_explainer.GroupIndex[k] == g && (lead < 0 || sign * Contributions.At(index, k) > sign * Contributions.At(index, lead)))
                {
                    lead = k;
                }
            }

            var definition = _explainer.Definitions[lead];
            var group = _explainer.GroupKeys[g];
            var points = sums[g] * scale;
            var (ja, en) = ReasonSentences.Write(group, definition, values, points, Table.AsOf, _explainer.Format);
            result.Add(new Reason(group, definition.Name, sums[g], points, ja, en));
        }

        return result;
    }

    /// <summary>One table row's values by feature name.</summary>
    private sealed class RowValues(FeatureTable table, int row) : IRowValues
    {
        public double Number(string feature)
        {
            var position = table.IndexOf(feature);
            return position >= 0 && table.NumberColumn(position) is { } column ? column[row] : double.NaN;
        }

        public string? Text(string feature)
        {
            var position = table.IndexOf(feature);
            return position >= 0 && table.CategoryColumn(position) is { } column ? column[row] : null;
        }
    }
}
