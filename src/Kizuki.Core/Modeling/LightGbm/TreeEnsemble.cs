using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>
/// A LightGBM model flattened into arrays and evaluated in managed code, with the same decisions as LightGBM's
/// <c>Tree::Decision</c> (include/LightGBM/tree.h) and the same summation order, so raw scores equal LightGBM's.
/// </summary>
/// <remarks>
/// All internal nodes of all trees sit in one array of 24-byte nodes; a child is a node index, or <c>~leaf</c> (a
/// negative number) for a leaf in the shared leaf-value array. The common node (a numerical split whose missing
/// values go one fixed way) is decided with one comparison; categorical splits, zero-as-missing splits and splits
/// whose threshold lies within LightGBM's zero band take the exact slow path. LightGBM's C API turns every input
/// value with |v| ≤ 1e-35 into 0 before predicting; that only changes a decision at such splits, which is why they
/// take the slow path. Immutable, so safe to share between threads.
/// </remarks>
internal sealed partial class TreeEnsemble
{
    /// <summary>LightGBM's <c>kZeroThreshold</c> (<c>1e-35f</c> widened to double).</summary>
    internal const double ZeroThreshold = 1e-35f;

    private const int CategoricalMask = 1;
    private const int DefaultLeftMask = 2;
    private const int MissingZero = 1;
    private const int MissingNaN = 2;

    private readonly TreeNode[] nodes;
    private readonly double[] leafValues;
    private readonly int[] roots;
    private readonly int[] nodeStart;
    private readonly int[] leafStart;
    private readonly int[] rawDecisionType;
    private readonly int[] categoryOffset;
    private readonly int[] categoryLength;
    private readonly uint[] categoryWords;
    private readonly double[] nodeCount;
    private readonly double[] leafCount;

    private TreeEnsemble(List<ParsedTree> trees, int featureCount)
    {
        FeatureCount = featureCount;
        var totalNodes = trees.Sum(t => t.Leaves - 1);
        var totalLeaves = trees.Sum(t => t.Leaves);
        nodes = new TreeNode[totalNodes];
        rawDecisionType = new int[totalNodes];
        categoryOffset = new int[totalNodes];
        categoryLength = new int[totalNodes];
        nodeCount = new double[totalNodes];
        leafValues = new double[totalLeaves];
        leafCount = new double[totalLeaves];
        roots = new int[trees.Count];
        nodeStart = new int[trees.Count + 1];
        leafStart = new int[trees.Count + 1];
        categoryWords = [.. trees.SelectMany(t => t.CategoryWords)];
        int nodeBase = 0, leafBase = 0, wordBase = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            nodeStart[t] = nodeBase;
            leafStart[t] = leafBase;
            roots[t] = tree.Leaves > 1 ? nodeBase : ~leafBase;
            for (var i = 0; i < tree.Leaves - 1; i++)
            {
                int Global(int child) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);
                var type = tree.DecisionType[i];
                var categorical = (type & CategoricalMask) != 0;
                nodes[nodeBase + i] = new TreeNode(tree.Threshold[i], tree.SplitFeature[i], Global(tree.Left[i]), Global(tree.Right[i]), Flags(type, tree.Threshold[i]));
                rawDecisionType[nodeBase + i] = type;
                nodeCount[nodeBase + i] = tree.InternalCount[i];
                if (categorical)
                {
                    var set = (int)tree.Threshold[i];
                    categoryOffset[nodeBase + i] = wordBase + tree.CategoryBoundaries[set];
                    categoryLength[nodeBase + i] = tree.CategoryBoundaries[set + 1] - tree.CategoryBoundaries[set];
                }
            }

            tree.LeafValue.CopyTo(leafValues, leafBase);
            for (var l = 0; l < tree.Leaves; l++)
            {
                leafCount[leafBase + l] = tree.LeafCount[l];
            }

            nodeBase += tree.Leaves - 1;
            leafBase += tree.Leaves;
            wordBase += tree.CategoryWords.Length;
        }

        nodeStart[trees.Count] = nodeBase;
        leafStart[trees.Count] = leafBase;
        walk = BuildWalk(nodes, leafValues, roots, nodeStart);
        quick = BuildQuick();
    }

    /// <summary>Number of input columns.</summary>
    internal int FeatureCount { get; }

    /// <summary>Number of trees.</summary>
    internal int TreeCount => roots.Length;

    /// <summary>LightGBM's <c>Tree::Decision</c> on the value the C API would pass (|v| ≤ 1e-35 read as 0).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int SlowNext(int node, double value)
    {
        ref readonly var split = ref nodes[node];
        var type = rawDecisionType[node];
        if (Math.Abs(value) <= ZeroThreshold)
        {
            value = 0;
        }

        if ((type & CategoricalMask) != 0)
        {
            if (double.IsNaN(value))
            {
                return split.Right;
            }

            var category = (int)value;
            if (category < 0 || category / 32 >= categoryLength[node])
            {
                return split.Right;
            }

            return ((categoryWords[categoryOffset[node] + (category / 32)] >> (category % 32)) & 1) != 0 ? split.Left : split.Right;
        }

        var missing = (type >> 2) & 3;
        if (double.IsNaN(value) && missing != MissingNaN)
        {
            value = 0;
        }

        if ((missing == MissingZero && Math.Abs(value) <= ZeroThreshold) || (missing == MissingNaN && double.IsNaN(value)))
        {
            return (type & DefaultLeftMask) != 0 ? split.Left : split.Right;
        }

        return value <= split.Threshold ? split.Left : split.Right;
    }

    /// <summary>The fast-path flags of a split; see <see cref="TreeNode"/>.</summary>
    private static int Flags(int decisionType, double threshold)
    {
        var missing = (decisionType >> 2) & 3;
        var slow = (decisionType & CategoricalMask) != 0 || missing == MissingZero || (threshold >= -ZeroThreshold && threshold < ZeroThreshold);
        if (slow)
        {
            return TreeNode.Slow;
        }

        // Missing type None reads NaN as 0; missing type NaN sends it the default way.
        var nanLeft = missing == MissingNaN ? (decisionType & DefaultLeftMask) != 0 : threshold >= 0;
        return nanLeft ? TreeNode.NaNLeft : 0;
    }

    /// <summary>One internal node, laid out for the walk: threshold, column, children and flags in 24 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct TreeNode(double threshold, int feature, int left, int right, int flags)
    {
        /// <summary>Decide with <see cref="SlowNext"/>: categorical, zero-as-missing, or a threshold in the zero band.</summary>
        public const int Slow = 1;

        /// <summary>A missing (NaN) value goes left.</summary>
        public const int NaNLeft = 2;

        public readonly double Threshold = threshold;
        public readonly int Feature = feature;
        public readonly int Left = left;
        public readonly int Right = right;
        public readonly int Flags = flags;
    }
}
