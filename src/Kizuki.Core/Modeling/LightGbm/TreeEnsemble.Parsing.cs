using System.Globalization;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Reading LightGBM's model text (<c>GBDT::SaveModelToString</c>, <c>Tree::ToString</c> in LightGBM 4).</summary>
/// <remarks>
/// Only what prediction and TreeSHAP need is read: per tree <c>num_leaves</c>, <c>split_feature</c>,
/// <c>threshold</c>, <c>decision_type</c>, <c>left_child</c>/<c>right_child</c>, <c>leaf_value</c> (shrinkage is
/// already folded in), <c>leaf_count</c>, <c>internal_count</c> and the categorical bitsets. A model this reader
/// does not cover (several trees per iteration, random-forest averaging, linear trees, anything malformed) gives
/// null, and the caller keeps LightGBM's own evaluation.
/// </remarks>
internal sealed partial class TreeEnsemble
{
    /// <summary>Parses the model text; null when the model is outside what this evaluator reproduces exactly.</summary>
    /// <param name="text">LightGBM's model text.</param>
    /// <param name="featureCount">The number of columns the model was trained on.</param>
    /// <param name="limits">Limits of the tabulated TreeSHAP; null for the defaults.</param>
    internal static TreeEnsemble? TryParse(string text, int featureCount, ShapOptions? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (featureCount < 1)
        {
            return null;
        }

        try
        {
            var trees = ReadTrees(text, featureCount);
            return trees is null ? null : new TreeEnsemble(trees, featureCount) { ShapLimits = limits ?? new ShapOptions() };
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static List<ParsedTree>? ReadTrees(string text, int featureCount)
    {
        var lines = text.Split('\n');
        var at = 0;
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        for (; at < lines.Length && !lines[at].StartsWith("Tree=", StringComparison.Ordinal); at++)
        {
            var line = lines[at].TrimEnd('\r');
            if (line == "average_output")
            {
                return null;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                header[line[..equals]] = line[(equals + 1)..];
            }
        }

        if (Header(header, "num_class", 1) != 1 || Header(header, "num_tree_per_iteration", 1) != 1
            || Header(header, "max_feature_idx", -1) != featureCount - 1)
        {
            return null;
        }

        var trees = new List<ParsedTree>();
        while (at < lines.Length && lines[at].StartsWith("Tree=", StringComparison.Ordinal))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (at++; at < lines.Length; at++)
            {
                var line = lines[at].TrimEnd('\r');
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith("Tree=", StringComparison.Ordinal) || line == "end of trees")
                {
                    break;
                }

                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    fields[line[..equals]] = line[(equals + 1)..];
                }
            }

            var tree = ParseTree(fields, featureCount);
            if (tree is null)
            {
                return null;
            }

            trees.Add(tree);
        }

        return trees.Count > 0 ? trees : null;
    }

    private static ParsedTree? ParseTree(Dictionary<string, string> fields, int featureCount)
    {
        if (!fields.TryGetValue("num_leaves", out var leavesText) || (fields.TryGetValue("is_linear", out var linear) && linear.Trim() != "0"))
        {
            return null;
        }

        var leaves = int.Parse(leavesText, NumberStyles.Integer, CultureInfo.InvariantCulture);
        var leafValue = Doubles(fields, "leaf_value");
        if (leaves < 1 || leafValue.Length != leaves)
        {
            return null;
        }

        if (leaves == 1)
        {
            return new ParsedTree(1, [], [], [], [], [], leafValue, [0], [], [], []);
        }

        var internalNodes = leaves - 1;
        var tree = new ParsedTree(
            leaves,
            Integers(fields, "split_feature"),
            Doubles(fields, "threshold"),
            Integers(fields, "decision_type"),
            Integers(fields, "left_child"),
            Integers(fields, "right_child"),
            leafValue,
            Integers(fields, "leaf_count"),
            Integers(fields, "internal_count"),
            Integers(fields, "cat_boundaries"),
            Words(fields, "cat_threshold"));
        return tree.SplitFeature.Length == internalNodes && tree.Threshold.Length == internalNodes
            && tree.DecisionType.Length == internalNodes && tree.Left.Length == internalNodes && tree.Right.Length == internalNodes
            && tree.LeafCount.Length == leaves && tree.InternalCount.Length == internalNodes && tree.IsWellFormed(featureCount)
            ? tree
            : null;
    }

    private static int Header(Dictionary<string, string> header, string key, int fallback)
        => header.TryGetValue(key, out var value) ? int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    private static string[] Items(Dictionary<string, string> fields, string key)
        => fields.TryGetValue(key, out var value) ? value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    private static double[] Doubles(Dictionary<string, string> fields, string key)
        => Array.ConvertAll(Items(fields, key), ParseDouble);

    /// <summary>A number as LightGBM writes it; infinities and NaN come as <c>inf</c>, <c>-inf</c>, <c>nan</c> (read back by <c>strtod</c>).</summary>
    private static double ParseDouble(string item)
    {
        var unsigned = item.TrimStart('+', '-');
        var negative = item.StartsWith('-');
        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase)
            ? double.NaN
            : double.Parse(item, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static int[] Integers(Dictionary<string, string> fields, string key)
        => Array.ConvertAll(Items(fields, key), item => int.Parse(item, NumberStyles.Integer, CultureInfo.InvariantCulture));

    private static uint[] Words(Dictionary<string, string> fields, string key)
        => Array.ConvertAll(Items(fields, key), item => uint.Parse(item, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>One tree as LightGBM writes it; node and leaf numbering as in the text.</summary>
    private sealed record ParsedTree(
        int Leaves,
        int[] SplitFeature,
        double[] Threshold,
        int[] DecisionType,
        int[] Left,
        int[] Right,
        double[] LeafValue,
        int[] LeafCount,
        int[] InternalCount,
        int[] CategoryBoundaries,
        uint[] CategoryWords)
    {
        /// <summary>
        /// Children in range, each node and leaf reached exactly once from the root with children numbered after
        /// their parents (as LightGBM grows trees), features in range, categorical bitsets in range.
        /// </summary>
        public bool IsWellFormed(int featureCount)
        {
            var reached = new bool[Leaves + Leaves - 1];
            for (var node = 0; node < Leaves - 1; node++)
            {
                if (SplitFeature[node] < 0 || SplitFeature[node] >= featureCount || !Child(node, Left[node], reached) || !Child(node, Right[node], reached))
                {
                    return false;
                }

                if ((DecisionType[node] & CategoricalMask) != 0)
                {
                    var set = Threshold[node];
                    if (!(set >= 0) || set + 1 >= CategoryBoundaries.Length || set != Math.Floor(set))
                    {
                        return false;
                    }

                    var index = (int)set;
                    if (CategoryBoundaries[index] < 0 || CategoryBoundaries[index] > CategoryBoundaries[index + 1]
                        || CategoryBoundaries[index + 1] > CategoryWords.Length)
                    {
                        return false;
                    }
                }
            }

            return Array.TrueForAll(reached[1..], r => r);
        }

        private bool Child(int parent, int child, bool[] reached)
        {
            var slot = child >= 0 ? child : Leaves - 1 + ~child;
            var valid = child >= 0 ? child > parent && child < Leaves - 1 : ~child < Leaves;
            if (!valid || reached[slot])
            {
                return false;
            }

            reached[slot] = true;
            return true;
        }
    }
}
