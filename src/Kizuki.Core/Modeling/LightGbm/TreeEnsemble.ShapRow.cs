using System.Runtime.CompilerServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Exact path-dependent TreeSHAP: one row.</summary>
/// <remarks>
/// Per tree, one pass over the internal nodes (children are numbered after their parents) decides every split for
/// the row and gives each node and leaf its "cold mask": bit j set when the path to it leaves path feature j's
/// hot side somewhere. Then each leaf adds its share to the contributions, from its table or its polynomial; see
/// the remarks on <see cref="TreeEnsemble"/>'s TreeSHAP preparation. Nothing is allocated per row.
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
        var masks = shap.MaxTreeSize <= StackScratchLimit ? stackalloc ulong[shap.MaxTreeSize] : new ulong[shap.MaxTreeSize];
        Span<double> polynomial = stackalloc double[shap.MaxDepth + 2];
        Explain(shap, row, output, masks, polynomial);
    }

    private void Explain(ShapTables shap, ReadOnlySpan<double> row, Span<double> output, Span<ulong> masks, Span<double> polynomial)
    {
        output[..FeatureCount].Clear();
        var tables = shap.Tables;
        var pathFeature = shap.PathFeature;
        var pathRatio = shap.PathRatio;
        for (var t = 0; t < roots.Length; t++)
        {
            var firstNode = nodeStart[t];
            var internalNodes = nodeStart[t + 1] - firstNode;
            if (internalNodes == 0)
            {
                continue;
            }

            var firstLeaf = leafStart[t];
            masks[0] = 0;
            for (var node = firstNode; node < firstNode + internalNodes; node++)
            {
                var cold = masks[node - firstNode];
                var split = nodes[node];
                var bit = 1UL << shap.NodePosition[node];
                var left = GoesLeft(node, row[split.Feature]);
                masks[Slot(split.Left)] = left ? cold : cold | bit;
                masks[Slot(split.Right)] = left ? cold | bit : cold;
            }

            for (var leaf = firstLeaf; leaf < leafStart[t + 1]; leaf++)
            {
                var cold = masks[internalNodes + leaf - firstLeaf];
                var table = shap.LeafTable[leaf];
                if (table < 0)
                {
                    ExplainLeafByPolynomial(shap, leaf, cold, output, polynomial);
                    continue;
                }

                var depth = shap.LeafDepth[leaf];
                var path = shap.LeafPath[leaf];
                var hot = (int)(~cold & ((1UL << depth) - 1));
                var atHot = tables[table + hot];
                for (var i = 0; i < depth; i++)
                {
                    if (((hot >> i) & 1) != 0)
                    {
                        output[pathFeature[path + i]] += pathRatio[path + i] * tables[table + (hot ^ (1 << i))];
                    }
                    else
                    {
                        output[pathFeature[path + i]] -= atHot;
                    }
                }
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            int Slot(int child) => child >= 0 ? child - firstNode : internalNodes + ~child - firstLeaf;
        }

        output[FeatureCount] = shap.ExpectedValue;
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
