using System.Numerics;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Exact path-dependent TreeSHAP: what is prepared once per model.</summary>
/// <remarks>
/// <para>
/// This computes the same values as LightGBM's <c>Tree::TreeSHAP</c> (Lundberg et al. 2018, Algorithm 2, with
/// <c>internal_count</c>/<c>leaf_count</c> as cover), rearranged the way Fast TreeSHAP v2 (Yang 2021) does. For a
/// leaf with value v whose path splits on the d distinct features P, feature j has a cover fraction z_j (the
/// product of child/parent counts over its splits on the path) and, for a given row, o_j = 1 when the row satisfies
/// all of them (j is "hot"), else 0. With H the hot features and w(k, d) = k!(d−k−1)!/d!, the Shapley sum of that
/// leaf is v·(o_i − z_i)·Σ_{S⊆P∖i} w(|S|, d)·Π_{j∈S} o_j·Π_{j∈P∖i∖S} z_j, and because o_j is 0 or 1 it depends on
/// the row only through H. Writing B(H) = Σ_{S⊆H} w(|S|, d)·Π_{j∈P∖S} z_j, a cold feature gets −v·B(H) and a hot
/// feature i gets v·(1 − z_i)/z_i·B(H∖i).
/// </para>
/// <para>
/// So for every leaf with d ≤ <see cref="ShapOptions.MaxTableDepth"/> the 2^d values v·B(H) are tabulated once,
/// and a row costs O(d) per leaf instead of O(d²). Deeper leaves (and leaves with a zero cover) are computed per
/// row from the polynomial Π_{j∈H}(z_j + t), O(d²) as in the original algorithm, so memory stays bounded.
/// </para>
/// </remarks>
internal sealed partial class TreeEnsemble
{
    private readonly object shapGate = new();
    private ShapTables? shapTables;

    /// <summary>The TreeSHAP tables, built on first use.</summary>
    private ShapTables Shap
    {
        get
        {
            lock (shapGate)
            {
                return shapTables ??= BuildShap();
            }
        }
    }

    /// <summary>Limits of the tabulated TreeSHAP (tests lower them to exercise the per-row path).</summary>
    internal ShapOptions ShapLimits { get; init; } = new();

    /// <summary>Whether <see cref="Contributions(ReadOnlySpan{double}, Span{double})"/> can explain this model (every path has at most 64 distinct features and positive covers).</summary>
    internal bool SupportsShap => Shap.Supported;

    /// <summary>Whether rows are explained by the linear TreeSHAP (<see cref="ShapOptions.Linear"/> on a model it can explain).</summary>
    internal bool ExplainsLinearly => Shap.Linear is not null;

    /// <summary>The base value: the cover-weighted mean raw score, summed tree by tree as LightGBM does.</summary>
    internal double ExpectedValue => Shap.ExpectedValue;

    private ShapTables BuildShap()
    {
        var built = new ShapTables(nodes.Length, leafValues.Length);
        var tables = new List<double>();
        var pathFeatures = new List<int>();
        var pathZeros = new List<double>();
        var zeros = new double[64];
        var tableDepth = Math.Clamp(ShapLimits.MaxTableDepth, 0, 16);
        var polynomial = new double[(1 << tableDepth) * (tableDepth + 1)];
        var inside = new double[1 << tableDepth];
        var weights = ShapWeights(64);
        var expected = 0.0;
        var supported = true;
        var maxDepth = 0;
        for (var t = 0; t < roots.Length; t++)
        {
            expected += TreeExpectedValue(t);
            built.MaxTreeSize = Math.Max(built.MaxTreeSize, (nodeStart[t + 1] - nodeStart[t]) * 2 + 1);
            for (var node = nodeStart[t]; node < nodeStart[t + 1]; node++)
            {
                int Slot(int child) => child >= 0 ? child - nodeStart[t] : nodeStart[t + 1] - nodeStart[t] + ~child - leafStart[t];
                built.LeftSlot[node] = Slot(nodes[node].Left);
                built.RightSlot[node] = Slot(nodes[node].Right);
            }

            if (roots[t] < 0)
            {
                continue;
            }

            var stack = new Stack<(int Node, int Depth, int[] Features, double[] Zeros)>();
            stack.Push((roots[t], 0, [], []));
            while (stack.Count > 0)
            {
                var (node, depth, pathFeature, pathZero) = stack.Pop();
                if (node < 0)
                {
                    var leaf = ~node;
                    maxDepth = Math.Max(maxDepth, depth);
                    built.LeafDepth[leaf] = depth;
                    built.LeafPath[leaf] = pathFeatures.Count;
                    pathFeatures.AddRange(pathFeature);
                    pathZeros.AddRange(pathZero);
                    built.LeafTable[leaf] = -1;
                    if (depth <= tableDepth && tables.Count + (1 << depth) <= ShapLimits.MaxTableEntries && Array.TrueForAll(pathZero, z => z > 0))
                    {
                        built.LeafTable[leaf] = tables.Count;
                        pathZero.CopyTo(zeros, 0);
                        Tabulate(depth, zeros, leafValues[leaf], weights[depth], tables, polynomial, inside);
                    }

                    continue;
                }

                var split = nodes[node];
                var position = Array.IndexOf(pathFeature, split.Feature);
                if (position < 0)
                {
                    position = pathFeature.Length;
                    if (position == 64)
                    {
                        supported = false;
                        break;
                    }

                    pathFeature = [.. pathFeature, split.Feature];
                    pathZero = [.. pathZero, 1.0];
                }

                built.NodePosition[node] = position;
                var count = nodeCount[node];
                supported &= count > 0;
                foreach (var child in new[] { split.Right, split.Left })
                {
                    var zero = (double[])pathZero.Clone();
                    zero[position] = (Cover(child) / count) * zero[position];
                    stack.Push((child, pathFeature.Length, pathFeature, zero));
                }
            }
        }

        built.ExpectedValue = expected;
        built.Supported = supported;
        built.Tables = [.. tables];
        built.PathFeature = [.. pathFeatures];
        built.PathZero = [.. pathZeros];
        built.PathRatio = [.. pathZeros.Select(z => (1 - z) / z)];
        built.Weights = weights;
        built.MaxDepth = maxDepth;
        built.Linear = ShapLimits.Linear && supported ? BuildLinear(built) : null;
        return built;
    }

    /// <summary>LightGBM's <c>Tree::ExpectedValue</c>: Σ (leaf_count / internal_count[0]) · leaf value, in leaf order.</summary>
    private double TreeExpectedValue(int tree)
    {
        if (roots[tree] < 0)
        {
            return leafValues[~roots[tree]];
        }

        var total = nodeCount[nodeStart[tree]];
        var value = 0.0;
        for (var leaf = leafStart[tree]; leaf < leafStart[tree + 1]; leaf++)
        {
            value += (leafCount[leaf] / total) * leafValues[leaf];
        }

        return value;
    }

    private double Cover(int child) => child >= 0 ? nodeCount[child] : leafCount[~child];

    /// <summary>Appends v·B(H) for every H ⊆ {0..d−1} (bit j = path feature j hot); B(all) is never needed and is 0.</summary>
    private static void Tabulate(int depth, double[] zeros, double value, double[] weights, List<double> tables, double[] polynomial, double[] inside)
    {
        var size = 1 << depth;
        var full = size - 1;
        var stride = depth + 1;
        inside[0] = 1;
        polynomial[0] = 1;
        for (var set = 1; set < size; set++)
        {
            // Π_{j∈set}(z_j + t) from the set without its lowest member.
            var low = BitOperations.TrailingZeroCount(set);
            var rest = set & (set - 1);
            var members = BitOperations.PopCount((uint)set);
            inside[set] = inside[rest] * zeros[low];
            var from = rest * stride;
            var to = set * stride;
            polynomial[to + members] = polynomial[from + members - 1];
            for (var k = members - 1; k > 0; k--)
            {
                polynomial[to + k] = (polynomial[from + k] * zeros[low]) + polynomial[from + k - 1];
            }

            polynomial[to] = polynomial[from] * zeros[low];
        }

        for (var set = 0; set < size; set++)
        {
            if (set == full)
            {
                tables.Add(0);
                continue;
            }

            var sum = 0.0;
            var members = BitOperations.PopCount((uint)set);
            for (var k = 0; k <= members; k++)
            {
                sum += weights[k] * polynomial[(set * stride) + k];
            }

            tables.Add(value * inside[full ^ set] * sum);
        }
    }

    /// <summary>w(k, d) = k!(d−k−1)!/d! for every d ≤ <paramref name="maxDepth"/> and k &lt; d.</summary>
    private static double[][] ShapWeights(int maxDepth)
    {
        var weights = new double[maxDepth + 1][];
        weights[0] = [];
        for (var d = 1; d <= maxDepth; d++)
        {
            var row = new double[d];
            row[0] = 1.0 / d;
            for (var k = 1; k < d; k++)
            {
                row[k] = row[k - 1] * k / (d - k);
            }

            weights[d] = row;
        }

        return weights;
    }

    /// <summary>Limits of the tabulated TreeSHAP.</summary>
    /// <param name="MaxTableDepth">Leaves with more distinct path features than this (0 to 16) are computed per row. Default 12.</param>
    /// <param name="MaxTableEntries">Total table size in doubles for the whole model. Default 2^22 (32 MiB).</param>
    /// <param name="Linear">Whether rows are explained by the linear TreeSHAP (a few rows at a time) instead of leaf by leaf.</param>
    internal sealed record ShapOptions(int MaxTableDepth = 12, int MaxTableEntries = 1 << 22, bool Linear = false);

    /// <summary>What TreeSHAP prepares once per model, indexed by global node and leaf.</summary>
    private sealed class ShapTables(int nodeCount, int leafCount)
    {
        public int[] NodePosition { get; } = new int[nodeCount];

        /// <summary>Where a node's left child's cold mask goes in the per-tree scratch (internal nodes, then leaves).</summary>
        public int[] LeftSlot { get; } = new int[nodeCount];

        /// <summary>Where a node's right child's cold mask goes.</summary>
        public int[] RightSlot { get; } = new int[nodeCount];

        public int[] LeafDepth { get; } = new int[leafCount];

        public int[] LeafPath { get; } = new int[leafCount];

        public int[] LeafTable { get; } = new int[leafCount];

        public int[] PathFeature { get; set; } = [];

        public double[] PathZero { get; set; } = [];

        public double[] PathRatio { get; set; } = [];

        public double[] Tables { get; set; } = [];

        public double[][] Weights { get; set; } = [];

        public double ExpectedValue { get; set; }

        public bool Supported { get; set; }

        public int MaxTreeSize { get; set; }

        public int MaxDepth { get; set; }

        /// <summary>The linear TreeSHAP's preparation, when <see cref="ShapOptions.Linear"/> asked for it.</summary>
        public LinearShap? Linear { get; set; }
    }
}
