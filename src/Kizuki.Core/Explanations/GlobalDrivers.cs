using Kizuki.Features;

namespace Kizuki.Explanations;

/// <summary>A reason group's weight over all customers: mean |contribution|.</summary>
/// <param name="Group">The reason group key.</param>
/// <param name="MeanAbsLogOdds">Mean over customers of |Σ contributions of the group| in log-odds.</param>
/// <param name="MeanAbsPoints">The same in probability points.</param>
/// <param name="Share">Share of the sum of every group's mean |log-odds|, 0 to 1.</param>
internal sealed record GroupImportance(string Group, double MeanAbsLogOdds, double MeanAbsPoints, double Share);

/// <summary>How risk moves with one feature: its customers in bins of its value, with the feature's mean contribution in each.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Group">Its reason group.</param>
/// <param name="MeanAbsLogOdds">Mean |contribution| of the feature in log-odds.</param>
/// <param name="Bins">The bins, in increasing value, then the unknown (or category) bins.</param>
internal sealed record FeatureDependence(string Feature, string Group, double MeanAbsLogOdds, IReadOnlyList<DependenceBin> Bins);

/// <summary>One bin of a dependence: values from <paramref name="Low"/> to <paramref name="High"/> (or a category, or unknown).</summary>
/// <param name="Low">The smallest value in the bin; NaN for the unknown or a category bin.</param>
/// <param name="High">The largest value in the bin; NaN for the unknown or a category bin.</param>
/// <param name="Category">The category of a categorical feature's bin; "(unknown)" for missing values; null for a numeric range.</param>
/// <param name="Customers">Customers in the bin.</param>
/// <param name="MeanLogOdds">The feature's mean contribution in the bin, log-odds.</param>
/// <param name="MeanPoints">The feature's mean contribution in the bin, probability points.</param>
/// <param name="MeanProbability">The customers' mean churn probability.</param>
internal sealed record DependenceBin(double Low, double High, string? Category, int Customers, double MeanLogOdds, double MeanPoints, double MeanProbability);

/// <summary>The global picture of a batch: importance by reason group and dependence of the top features.</summary>
/// <param name="Customers">Customers explained.</param>
/// <param name="Groups">Every group, most important first.</param>
/// <param name="Features">The top features by mean |contribution|, with their dependence.</param>
internal sealed record GlobalDrivers(int Customers, IReadOnlyList<GroupImportance> Groups, IReadOnlyList<FeatureDependence> Features)
{
    /// <summary>The label used for a missing value's bin.</summary>
    public const string Unknown = "(unknown)";

    /// <summary>Computes the drivers of a batch: every group, and the <paramref name="topFeatures"/> features with up to <paramref name="bins"/> quantile bins.</summary>
    public static GlobalDrivers Compute(ExplanationBatch batch, int topFeatures = 5, int bins = 5)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(topFeatures);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var explainer = batch.Explainer;
        var c = batch.Contributions;
        var n = batch.Count;
        var groupAbs = new double[explainer.GroupKeys.Count];
        var groupPoints = new double[explainer.GroupKeys.Count];
        var featureAbs = new double[c.Columns];
        var sums = new double[explainer.GroupKeys.Count];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (var k = 0; k < c.Columns; k++)
            {
                var v = c.At(i, k);
                sums[explainer.GroupIndex[k]] += v;
                featureAbs[k] += Math.Abs(v);
            }

            for (var g = 0; g < sums.Length; g++)
            {
                groupAbs[g] += Math.Abs(sums[g]);
                groupPoints[g] += Math.Abs(sums[g] * c.PointScales[i] * 100);
            }
        }

        var total = groupAbs.Sum();
        var groups = Enumerable.Range(0, groupAbs.Length)
            .Select(g => new GroupImportance(explainer.GroupKeys[g], n == 0 ? 0 : groupAbs[g] / n, n == 0 ? 0 : groupPoints[g] / n, total == 0 ? 0 : groupAbs[g] / total))
            .OrderByDescending(g => g.MeanAbsLogOdds).ThenBy(g => g.Group, StringComparer.Ordinal).ToList();
        var features = Enumerable.Range(0, c.Columns).OrderByDescending(k => featureAbs[k]).ThenBy(k => k).Take(topFeatures)
            .Select(k => new FeatureDependence(explainer.Definitions[k].Name, explainer.GroupKeys[explainer.GroupIndex[k]], n == 0 ? 0 : featureAbs[k] / n,
                Dependence(batch, k, bins)))
            .ToList();
        return new GlobalDrivers(n, groups, features);
    }

    private static List<DependenceBin> Dependence(ExplanationBatch batch, int column, int bins)
    {
        var definition = batch.Explainer.Definitions[column];
        var position = batch.Table.IndexOf(definition.Name);
        var c = batch.Contributions;
        var result = new List<DependenceBin>();
        if (definition.Kind == FeatureKind.Categorical)
        {
            var values = batch.Table.Categories(position);
            foreach (var group in Enumerable.Range(0, batch.Count).GroupBy(i => values[batch.Rows[i]] ?? Unknown).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                result.Add(Bin(c, column, [.. group], double.NaN, double.NaN, group.Key));
            }

            return result;
        }

        var numbers = batch.Table.Numbers(position);
        var known = Enumerable.Range(0, batch.Count).Where(i => !double.IsNaN(numbers[batch.Rows[i]])).OrderBy(i => numbers[batch.Rows[i]]).ToList();
        var start = 0;
        for (var b = 1; b <= bins && start < known.Count; b++)
        {
            var end = Math.Max(start + 1, (int)((long)known.Count * b / bins));
            // Equal values stay in one bin, so a bin boundary never splits a value.
            while (end < known.Count && numbers[batch.Rows[known[end]]] == numbers[batch.Rows[known[end - 1]]])
            {
                end++;
            }

            var members = known.GetRange(start, end - start);
            result.Add(Bin(c, column, members, numbers[batch.Rows[members[0]]], numbers[batch.Rows[members[^1]]], null));
            start = end;
        }

        var missing = Enumerable.Range(0, batch.Count).Where(i => double.IsNaN(numbers[batch.Rows[i]])).ToList();
        if (missing.Count > 0)
        {
            result.Add(Bin(c, column, missing, double.NaN, double.NaN, Unknown));
        }

        return result;
    }

    private static DependenceBin Bin(EnsembleContributions c, int column, List<int> members, double low, double high, string? category) => new(
        low,
        high,
        category,
        members.Count,
        members.Average(i => c.At(i, column)),
        members.Average(i => c.PointsAt(i, column) * 100),
        members.Average(i => c.Probabilities[i]));
}
