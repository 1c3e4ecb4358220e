using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Exact path-dependent TreeSHAP: the per-row work, done tree by tree over a block of rows.</summary>
/// <remarks>
/// Per tree, one pass over the internal nodes (children are numbered after their parents) decides every split for
/// the row and gives each node and leaf its "cold mask": bit j set when the path to it leaves path feature j's
/// hot side somewhere. Then each leaf adds its share to the contributions, from its table or its polynomial; see
/// the remarks on <see cref="TreeEnsemble"/>'s TreeSHAP preparation. Nothing is allocated per row. A model's tables
/// are megabytes, so a block of rows goes through each tree before the next: the tree's tables are then read from
/// cache rather than memory, which made batch TreeSHAP about 4.5 times faster.
/// </remarks>
internal sealed partial class TreeEnsemble
{
    private const int StackScratchLimit = 1024;

    /// <summary>
    /// TreeSHAP contributions of one row: <paramref name="output"/>[c] for column c and, last, the base value;
    /// they sum to <see cref="PredictRaw(ReadOnlySpan{double})"/>. Requires <see cref="SupportsShap"/>.
    /// </summary>
    internal void Contributions(ReadOnlySpan<double> row, Span<double> output)
    {
        var shap = Shap;
        if (shap.Linear is { } linear)
        {
            // The linear TreeSHAP keeps its own scratch: no masks or polynomial to reserve.
            ExplainLinear(shap, linear, row, output);
            return;
        }

        var masks = shap.MaxTreeSize <= StackScratchLimit ? stackalloc ulong[shap.MaxTreeSize] : new ulong[shap.MaxTreeSize];
        Span<double> polynomial = stackalloc double[shap.MaxDepth + 2];
        Explain(shap, row, output, masks, polynomial);
    }

    /// <summary>
    /// Contributions of consecutive rows (row-major), plus each row's base value: tree by tree over the rows so each tree's
    /// tables stay in cache, or row by row by the linear TreeSHAP when the trees were prepared for it.
    /// </summary>
    /// <remarks>Each row still adds its trees in tree order, so a row's result does not depend on the block it is in.</remarks>
    private void Explain(ShapTables shap, ReadOnlySpan<double> rows, Span<double> output, Span<ulong> masks, Span<double> polynomial)
    {
        if (shap.Linear is { } linear)
        {
            ExplainLinear(shap, linear, rows, output);
            return;
        }

        var width = FeatureCount + 1;
        var count = rows.Length / FeatureCount;
        output[..(count * width)].Clear();
        ref var first = ref MemoryMarshal.GetReference(rows);
        ref var result = ref MemoryMarshal.GetReference(output);
        for (var t = 0; t < roots.Length; t++)
        {
            if (nodeStart[t + 1] == nodeStart[t])
            {
                continue;
            }

            for (var r = 0; r < count; r++)
            {
                ExplainTree(shap, t, ref Unsafe.Add(ref first, r * FeatureCount), ref Unsafe.Add(ref result, r * width), masks, polynomial);
            }
        }

        for (var r = 0; r < count; r++)
        {
            output[(r * width) + FeatureCount] = shap.ExpectedValue;
        }
    }

    /// <summary>Adds one tree's contributions for one row.</summary>
    private void ExplainTree(ShapTables shap, int tree, ref double values, ref double result, Span<ulong> masks, Span<double> polynomial)
    {
        ref var coldMasks = ref MemoryMarshal.GetReference(masks);
        ref var steps = ref MemoryMarshal.GetArrayDataReference(walk.Steps);
        ref var position = ref MemoryMarshal.GetArrayDataReference(shap.NodePosition);
        ref var leftSlot = ref MemoryMarshal.GetArrayDataReference(shap.LeftSlot);
        ref var rightSlot = ref MemoryMarshal.GetArrayDataReference(shap.RightSlot);
        var firstNode = nodeStart[tree];
        var internalNodes = nodeStart[tree + 1] - firstNode;

        // Children are numbered after their parents: one forward pass gives every node and leaf its cold mask.
        coldMasks = 0;
        for (var node = firstNode; node < firstNode + internalNodes; node++)
        {
            ref readonly var step = ref Unsafe.Add(ref steps, node);
            var mask = Unsafe.Add(ref coldMasks, node - firstNode);
            var bit = 1UL << Unsafe.Add(ref position, node);
            var right = (ulong)GoesRight(in step, node, Unsafe.Add(ref values, step.Feature));
            Unsafe.Add(ref coldMasks, Unsafe.Add(ref leftSlot, node)) = mask | (bit & (0 - right));
            Unsafe.Add(ref coldMasks, Unsafe.Add(ref rightSlot, node)) = mask | (bit & (right - 1));
        }

        ExplainLeaves(shap, tree, ref Unsafe.Add(ref coldMasks, internalNodes), ref result, polynomial);
    }

    /// <summary>Adds every leaf's share for one tree, given each leaf's cold mask.</summary>
    /// <remarks>
    /// A hot path feature i gets ratio_i·table[H∖i] and a cold one −table[H]; both are computed and one is picked
    /// by a bit mask, since which one a feature is follows the data and a branch would mispredict half the time.
    /// </remarks>
    private void ExplainLeaves(ShapTables shap, int tree, ref ulong leafCold, ref double result, Span<double> polynomial)
    {
        ref var tables = ref MemoryMarshal.GetArrayDataReference(shap.Tables);
        ref var pathFeature = ref MemoryMarshal.GetArrayDataReference(shap.PathFeature);
        ref var pathRatio = ref MemoryMarshal.GetArrayDataReference(shap.PathRatio);
        var firstLeaf = leafStart[tree];
        var leaves = leafStart[tree + 1] - firstLeaf;
        for (var l = 0; l < leaves; l++)
        {
            var leaf = firstLeaf + l;
            var cold = Unsafe.Add(ref leafCold, l);
            var table = shap.LeafTable[leaf];
            if (table < 0)
            {
                ExplainLeafByPolynomial(shap, leaf, cold, MemoryMarshal.CreateSpan(ref result, FeatureCount), polynomial);
                continue;
            }

            var depth = shap.LeafDepth[leaf];
            ref var feature = ref Unsafe.Add(ref pathFeature, shap.LeafPath[leaf]);
            ref var ratio = ref Unsafe.Add(ref pathRatio, shap.LeafPath[leaf]);
            ref var entries = ref Unsafe.Add(ref tables, table);
            var hot = (int)(~cold & ((1UL << depth) - 1));
            var coldShare = BitConverter.DoubleToInt64Bits(-Unsafe.Add(ref entries, hot));
            for (var i = 0; i < depth; i++)
            {
                var hotShare = BitConverter.DoubleToInt64Bits(Unsafe.Add(ref ratio, i) * Unsafe.Add(ref entries, hot ^ (1 << i)));
                var isHot = -(long)((hot >> i) & 1);
                Unsafe.Add(ref result, Unsafe.Add(ref feature, i)) += BitConverter.Int64BitsToDouble((hotShare & isHot) | (coldShare & ~isHot));
            }
        }
    }

    /// <summary>
    /// A leaf without a table: with c(t) = Π_{hot j}(z_j + t) and Z = Π_{cold j} z_j, a cold feature gets
    /// −v·Z·Σ_k w(k, d)·c_k and a hot feature i gets v·(1 − z_i)·Z·Σ_k w(k, d)·q_k with q = c / (t + z_i),
    /// divided from the top as LightGBM's <c>UnwoundPathSum</c> does.
    /// </summary>
    private void ExplainLeafByPolynomial(ShapTables shap, int leaf, ulong cold, Span<double> output, Span<double> polynomial)
    {
        var depth = shap.LeafDepth[leaf];
        var path = shap.LeafPath[leaf];
        var zeros = shap.PathZero;
        var weights = shap.Weights[depth];
        var value = leafValues[leaf];
        polynomial[0] = 1;
        var hot = 0;
        var coldZero = 1.0;
        for (var i = 0; i < depth; i++)
        {
            var z = zeros[path + i];
            if (((cold >> i) & 1) != 0)
            {
                coldZero *= z;
                continue;
            }

            polynomial[hot + 1] = polynomial[hot];
            for (var k = hot; k > 0; k--)
            {
                polynomial[k] = (polynomial[k] * z) + polynomial[k - 1];
            }

            polynomial[0] *= z;
            hot++;
        }

        var atHot = 0.0;
        if (hot < depth)
        {
            for (var k = 0; k <= hot; k++)
            {
                atHot += weights[k] * polynomial[k];
            }

            atHot *= value * coldZero;
        }

        for (var i = 0; i < depth; i++)
        {
            var feature = shap.PathFeature[path + i];
            if (((cold >> i) & 1) != 0)
            {
                output[feature] -= atHot;
                continue;
            }

            var z = zeros[path + i];
            var quotient = polynomial[hot];
            var sum = weights[hot - 1] * quotient;
            for (var k = hot - 1; k > 0; k--)
            {
                quotient = polynomial[k] - (z * quotient);
                sum += weights[k - 1] * quotient;
            }

            output[feature] += value * (1 - z) * coldZero * sum;
        }
    }
}
