using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Exact path-dependent TreeSHAP of a few rows, in time linear in each tree's size (after Linear TreeSHAP, Yu et al. 2022).</summary>
/// <remarks>
/// <para>
/// A leaf's Shapley weights are Beta integrals, w(k, d) = ∫₀¹ t^k (1 − t)^(d−k−1) dt, so a leaf ℓ with value v and path
/// features P gives feature i the share (o_i − z_i)·∫₀¹ R(t) dt with R(t) = v·Π_{j∈P∖i} g_j(t) and g_j(t) = z_j + (o_j − z_j)·t
/// (z_j, o_j as in the tables' remarks). R is a polynomial of degree below the tree's deepest path, so Gauss–Legendre
/// quadrature with half as many points integrates it exactly; every polynomial is carried as its values at those points.
/// </para>
/// <para>
/// One pass down the tree multiplies each node's G(t) = Π g_j(t) from its parent's (dividing out the factor a feature had
/// further up when it splits again). One pass up sums v·G over the leaves below each node. The edge into a node that splits
/// on feature f then adds, for all those leaves at once, (Δ of o_f − z_f at this edge)·∫ Σ_ℓ G_ℓ/g_f^ℓ: the leaves whose last
/// split on f is this edge share this edge's g_f, and the sums of those further down come back from their own edges. The
/// shares telescope to each leaf's (o_f − z_f), so the result is the original algorithm's, in O(nodes × points) per tree and row
/// instead of O(leaves × depth²), which is what the live scorer's reasons wait for.
/// </para>
/// </remarks>
internal sealed partial class TreeEnsemble
{
    /// <summary>The calling thread's scratch for <see cref="ExplainLinear"/> (tens of kilobytes: too much for the stack).</summary>
    [ThreadStatic]
    private static Vector<double>[]? linearScratch;

    /// <summary>What the linear TreeSHAP prepares once per model: the quadratures and each edge's feature, cover product and ancestor.</summary>
    private sealed class LinearShap
    {
        /// <summary>Quadrature rules by number of points (index 0 unused).</summary>
        public required Quadrature[] Rules { get; init; }

        /// <summary>By tree: how many points its deepest path needs.</summary>
        public required int[] TreePoints { get; init; }

        /// <summary>Vectors of the largest rule (the stride of the per-feature sums).</summary>
        public required int MaxVectors { get; init; }

        /// <summary>By global slot (a tree's node and leaf slots after those of earlier trees): the edge from its parent.</summary>
        public required Edge[] Edges { get; init; }

        /// <summary>The slot that stands for "no ancestor edge on this feature" (past every tree's slots; its o is 1).</summary>
        public required int NoEdge { get; init; }
    }

    /// <summary>Gauss–Legendre points on [0, 1] as vectors (padding lanes at t = ½ with weight 0).</summary>
    private sealed record Quadrature(int Vectors, Vector<double>[] Points, Vector<double>[] Weights);

    /// <summary>
    /// The edge into a slot: the split's feature, the parent's slot, which side of it (0 left, 1 right), z (the product of that
    /// feature's cover fractions from the root down to here), and the tree slot of the nearest ancestor edge on the same
    /// feature with its z (<see cref="LinearShap.NoEdge"/> and 1 when none: a factor of exactly 1, so no branch is needed).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Edge(int Feature, int Parent, int Side, int Previous, double Zero, double PreviousZero);

    /// <summary>Prepares the linear TreeSHAP for a model whose covers are positive (<see cref="ShapTables.Supported"/>).</summary>
    private LinearShap BuildLinear(ShapTables shap)
    {
        var lanes = Vector<double>.Count;
        var edges = new Edge[nodes.Length + leafValues.Length];
        Array.Fill(edges, new Edge(-1, 0, 0, shap.MaxTreeSize, 1.0, 1.0));
        var treePoints = new int[roots.Length];
        for (var tree = 0; tree < roots.Length; tree++)
        {
            var offset = nodeStart[tree] + leafStart[tree];
            var parent = new Dictionary<int, int>();
            var depth = new Dictionary<int, int> { [0] = 0 };
            var deepest = 0;
            for (var node = nodeStart[tree]; node < nodeStart[tree + 1]; node++)
            {
                var slot = node - nodeStart[tree];
                var split = nodes[node].Feature;
                var ancestor = -1;
                for (var up = slot; up != 0 && ancestor < 0; up = parent[up])
                {
                    ancestor = edges[offset + up].Feature == split ? up : -1;
                }

                var above = ancestor >= 0 ? edges[offset + ancestor].Zero : 1.0;
                foreach (var (child, childSlot, side) in new[] { (nodes[node].Left, shap.LeftSlot[node], 0), (nodes[node].Right, shap.RightSlot[node], 1) })
                {
                    parent[childSlot] = slot;
                    depth[childSlot] = depth[slot] + (ancestor >= 0 ? 0 : 1);
                    deepest = Math.Max(deepest, depth[childSlot]);
                    edges[offset + childSlot] = new Edge(split, slot, side, ancestor >= 0 ? ancestor : shap.MaxTreeSize, above * (Cover(child) / nodeCount[node]), above);
                }
            }

            // Σ_ℓ G_ℓ/g_f is a polynomial of degree below the deepest path's distinct features: exact with half as many points.
            treePoints[tree] = Math.Max(1, (deepest + 1) / 2);
        }

        var most = treePoints.Length == 0 ? 1 : treePoints.Max();
        var rules = new Quadrature[most + 1];
        for (var points = 1; points <= most; points++)
        {
            var vectors = (points + lanes - 1) / lanes;
            var (at, weight) = GaussLegendre(points);
            var t = new double[vectors * lanes];
            var w = new double[vectors * lanes];
            Array.Fill(t, 0.5);
            at.CopyTo(t, 0);
            weight.CopyTo(w, 0);
            rules[points] = new Quadrature(vectors, Vectors(t), Vectors(w));
        }

        return new LinearShap { Rules = rules, TreePoints = treePoints, MaxVectors = rules[most].Vectors, Edges = edges, NoEdge = shap.MaxTreeSize };

        static Vector<double>[] Vectors(double[] values) => [.. MemoryMarshal.Cast<double, Vector<double>>(values)];
    }

    /// <summary>The contributions of consecutive rows by linear TreeSHAP, plus each row's base value.</summary>
    /// <remarks>
    /// Blocks of a few rows go through each tree before the next, so a tree's edges are read into cache once for the block.
    /// A row's shares are summed per feature and quadrature point over the trees in tree order, then added up, so its result
    /// does not depend on the other rows of its block.
    /// <para>Both kernels are compiled fully optimised at once: the live scorer calls this once per step, too rarely for tiered
    /// compilation to promote it early (the 20-day replay's reasons took 1.9 s at tier 0, 0.8–1.0 s optimised).</para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExplainLinear(ShapTables shap, LinearShap linear, ReadOnlySpan<double> rows, Span<double> output)
    {
        const int BlockRows = 8;
        var width = FeatureCount + 1;
        var count = rows.Length / FeatureCount;
        var size = (shap.MaxTreeSize + 1) * linear.MaxVectors;
        var perRow = FeatureCount * linear.MaxVectors;
        var needed = (size * 4) + (Math.Min(count, BlockRows) * perRow);
        // Every value of the scratch is written before it is read (see ExplainTreeLinear), so it is reused without clearing.
        var scratch = (linearScratch is { } kept && kept.Length >= needed ? kept : linearScratch = new Vector<double>[needed]).AsSpan(0, needed);
        var hot = shap.MaxTreeSize < StackScratchLimit ? stackalloc double[shap.MaxTreeSize + 1] : new double[shap.MaxTreeSize + 1];
        var right = shap.MaxTreeSize < StackScratchLimit ? stackalloc int[shap.MaxTreeSize + 1] : new int[shap.MaxTreeSize + 1];
        hot[linear.NoEdge] = 1;
        var tree = scratch[..(size * 4)];
        for (var start = 0; start < count; start += BlockRows)
        {
            var block = Math.Min(BlockRows, count - start);
            var shares = scratch.Slice(size * 4, block * perRow);
            shares.Clear();
            for (var t = 0; t < roots.Length; t++)
            {
                if (nodeStart[t + 1] == nodeStart[t])
                {
                    continue;
                }

                for (var r = 0; r < block; r++)
                {
                    ExplainTreeLinear(shap, linear, t, rows.Slice((start + r) * FeatureCount, FeatureCount), tree, hot, right, shares.Slice(r * perRow, perRow));
                }
            }

            for (var r = 0; r < block; r++)
            {
                var into = output.Slice((start + r) * width, width);
                for (var f = 0; f < FeatureCount; f++)
                {
                    var sum = Vector<double>.Zero;
                    for (var k = 0; k < linear.MaxVectors; k++)
                    {
                        sum += shares[(r * perRow) + (f * linear.MaxVectors) + k];
                    }

                    into[f] = Vector.Sum(sum);
                }

                into[FeatureCount] = shap.ExpectedValue;
            }
        }
    }

    /// <summary>
    /// Adds one tree's shares for one row to <paramref name="shares"/> (per feature, the weighted values at the quadrature
    /// points): the splits, the product down the internal nodes, the leaves, then the sums and each edge's share back up.
    /// </summary>
    /// <remarks>The passes run over slots in order, without branches on the data: a row's path decides the factors only.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExplainTreeLinear(ShapTables shap, LinearShap linear, int tree, ReadOnlySpan<double> row, Span<Vector<double>> scratch, Span<double> hot, Span<int> right, Span<Vector<double>> shares)
    {
        var rule = linear.Rules[linear.TreePoints[tree]];
        var v = rule.Vectors;
        var stride = linear.MaxVectors;
        var firstNode = nodeStart[tree];
        var internalNodes = nodeStart[tree + 1] - firstNode;
        var slots = internalNodes + leafStart[tree + 1] - leafStart[tree];
        var firstLeaf = leafStart[tree] - internalNodes;
        var size = (linear.NoEdge + 1) * v;
        ref var points = ref MemoryMarshal.GetArrayDataReference(rule.Points);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(rule.Weights);
        ref var edges = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(linear.Edges), firstNode + leafStart[tree]);
        ref var steps = ref MemoryMarshal.GetArrayDataReference(walk.Steps);
        ref var leftSlots = ref MemoryMarshal.GetArrayDataReference(shap.LeftSlot);
        ref var rightSlots = ref MemoryMarshal.GetArrayDataReference(shap.RightSlot);
        ref var values = ref MemoryMarshal.GetReference(row);
        ref var share = ref MemoryMarshal.GetReference(shares);
        ref var isHot = ref MemoryMarshal.GetReference(hot);
        ref var goesRight = ref MemoryMarshal.GetReference(right);

        // product: G(t) of each internal node; sums: Σ v·G over each slot's leaves; below / belowShares: the sums and shares
        // that came back from the next edges down on the same feature (the "no edge" slot takes what has no such edge above).
        ref var product = ref MemoryMarshal.GetReference(scratch);
        ref var sums = ref Unsafe.Add(ref product, size);
        ref var below = ref Unsafe.Add(ref sums, size);
        ref var belowShares = ref Unsafe.Add(ref below, size);

        for (var node = firstNode; node < firstNode + internalNodes; node++)
        {
            ref readonly var step = ref Unsafe.Add(ref steps, node);
            Unsafe.Add(ref goesRight, node - firstNode) = GoesRight(in step, node, Unsafe.Add(ref values, step.Feature));
        }

        for (var k = 0; k < v; k++)
        {
            Unsafe.Add(ref product, k) = Vector<double>.One;

            // The "no edge" slot only collects what is never read; cleared so that it cannot grow without bound.
            Unsafe.Add(ref below, (linear.NoEdge * v) + k) = Vector<double>.Zero;
            Unsafe.Add(ref belowShares, (linear.NoEdge * v) + k) = Vector<double>.Zero;
        }

        // Down: each internal node's G(t) from its parent's, with its feature's factor g = z + (o − z)·t replacing the one above.
        for (var slot = 1; slot < internalNodes; slot++)
        {
            ref readonly var edge = ref Unsafe.Add(ref edges, slot);
            var aboveHot = Unsafe.Add(ref isHot, edge.Previous);
            var o = aboveHot * (1 - (Unsafe.Add(ref goesRight, edge.Parent) ^ edge.Side));
            Unsafe.Add(ref isHot, slot) = o;
            var (z, zo, above, aboveSlope) = (edge.Zero, o - edge.Zero, edge.PreviousZero, aboveHot - edge.PreviousZero);
            ref var parent = ref Unsafe.Add(ref product, edge.Parent * v);
            ref var into = ref Unsafe.Add(ref product, slot * v);
            for (var k = 0; k < v; k++)
            {
                var t = Unsafe.Add(ref points, k);
                Unsafe.Add(ref into, k) = Unsafe.Add(ref parent, k) / (new Vector<double>(above) + (aboveSlope * t)) * (new Vector<double>(z) + (zo * t));
                Unsafe.Add(ref below, (slot * v) + k) = Vector<double>.Zero;
                Unsafe.Add(ref belowShares, (slot * v) + k) = Vector<double>.Zero;
            }
        }

        // Leaves: a leaf's share is its value times the product without its own factor; its sum is that times the factor.
        for (var slot = internalNodes; slot < slots; slot++)
        {
            ref readonly var edge = ref Unsafe.Add(ref edges, slot);
            var aboveHot = Unsafe.Add(ref isHot, edge.Previous);
            var o = aboveHot * (1 - (Unsafe.Add(ref goesRight, edge.Parent) ^ edge.Side));
            var (z, zo, above, aboveSlope) = (edge.Zero, o - edge.Zero, edge.PreviousZero, aboveHot - edge.PreviousZero);
            var value = leafValues[firstLeaf + slot];
            var change = zo - aboveSlope;
            ref var parent = ref Unsafe.Add(ref product, edge.Parent * v);
            ref var sum = ref Unsafe.Add(ref sums, slot * v);
            ref var feature = ref Unsafe.Add(ref share, edge.Feature * stride);
            for (var k = 0; k < v; k++)
            {
                var t = Unsafe.Add(ref points, k);
                var leafShare = value * Unsafe.Add(ref parent, k) / (new Vector<double>(above) + (aboveSlope * t));
                var leafSum = leafShare * (new Vector<double>(z) + (zo * t));
                Unsafe.Add(ref sum, k) = leafSum;
                Unsafe.Add(ref feature, k) += change * Unsafe.Add(ref weights, k) * leafShare;
                Unsafe.Add(ref below, (edge.Previous * v) + k) += leafSum;
                Unsafe.Add(ref belowShares, (edge.Previous * v) + k) += leafShare;
            }
        }

        // Up: each internal node's Σ v·G, and the share of the edge into it (leaves below whose last split on this feature is
        // further down came back through below / belowShares).
        for (var slot = internalNodes - 1; slot > 0; slot--)
        {
            ref readonly var edge = ref Unsafe.Add(ref edges, slot);
            var node = firstNode + slot;
            var o = Unsafe.Add(ref isHot, slot);
            var (z, zo, aboveSlope) = (edge.Zero, o - edge.Zero, Unsafe.Add(ref isHot, edge.Previous) - edge.PreviousZero);
            var change = zo - aboveSlope;
            ref var sum = ref Unsafe.Add(ref sums, slot * v);
            ref var left = ref Unsafe.Add(ref sums, Unsafe.Add(ref leftSlots, node) * v);
            ref var rightSum = ref Unsafe.Add(ref sums, Unsafe.Add(ref rightSlots, node) * v);
            ref var feature = ref Unsafe.Add(ref share, edge.Feature * stride);
            for (var k = 0; k < v; k++)
            {
                var total = Unsafe.Add(ref left, k) + Unsafe.Add(ref rightSum, k);
                Unsafe.Add(ref sum, k) = total;
                var edgeShare = ((total - Unsafe.Add(ref below, (slot * v) + k)) / (new Vector<double>(z) + (zo * Unsafe.Add(ref points, k))))
                    + Unsafe.Add(ref belowShares, (slot * v) + k);
                Unsafe.Add(ref feature, k) += change * Unsafe.Add(ref weights, k) * edgeShare;
                Unsafe.Add(ref below, (edge.Previous * v) + k) += total;
                Unsafe.Add(ref belowShares, (edge.Previous * v) + k) += edgeShare;
            }
        }
    }

    /// <summary>Gauss–Legendre points and weights on [0, 1] (exact for polynomials of degree below 2·<paramref name="count"/>).</summary>
    internal static (double[] Points, double[] Weights) GaussLegendre(int count)
    {
        var points = new double[count];
        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Newton's method on the Legendre polynomial P_count from the usual first guess.
            var x = Math.Cos(Math.PI * (i + 0.75) / (count + 0.5));
            double derivative;
            for (var iteration = 0; iteration < 100; iteration++)
            {
                var (p, q) = (1.0, 0.0);
                for (var n = 1; n <= count; n++)
                {
                    (p, q) = ((((2 * n) - 1) * x * p - ((n - 1) * q)) / n, p);
                }

                derivative = count * ((x * p) - q) / ((x * x) - 1);
                var next = x - (p / derivative);
                var converged = Math.Abs(next - x) <= 1e-15;
                x = next;
                if (converged)
                {
                    break;
                }
            }

            var (pn, qn) = (1.0, 0.0);
            for (var n = 1; n <= count; n++)
            {
                (pn, qn) = ((((2 * n) - 1) * x * pn - ((n - 1) * qn)) / n, pn);
            }

            derivative = count * ((x * pn) - qn) / ((x * x) - 1);
            points[i] = (1 - x) / 2;
            weights[i] = 1 / ((1 - (x * x)) * derivative * derivative);
        }

        return (points, weights);
    }
}
