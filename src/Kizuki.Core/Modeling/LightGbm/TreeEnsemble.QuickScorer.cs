using System.Runtime.InteropServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>The QuickScorer layout: every split of every tree, grouped by column and sorted by threshold.</summary>
/// <remarks>
/// <para>
/// QuickScorer (Lucchese et al., SIGIR 2015) scores a row without walking any tree. Number each tree's leaves left to
/// right and give each split a mask that clears the leaves of its left subtree. A row's leaf in a tree is then the
/// leftmost leaf that no split the row fails (goes right at) has cleared: start every tree at all ones, AND in the mask
/// of each failed split, and take the lowest set bit. Splits on one column are sorted by threshold, so the failed ones
/// are a prefix, found by a scan that stops at the first threshold the value does not exceed; the work is a stream of
/// independent AND operations with no data-dependent chain of loads, which the processor overlaps well.
/// </para>
/// <para>
/// Decisions stay LightGBM's: a value with |v| ≤ 1e-35 is read as 0 before the scan (as the C API does); a NaN takes a
/// separate per-column list of the numeric splits it goes right at (missing type NaN: the default direction; None:
/// as 0 would); a categorical column has, per category code, the list of its splits that code goes right at, built
/// with <see cref="SlowNext"/> itself (the last code stands for NaN, negative and out-of-range codes); zero-as-missing
/// splits are decided one by one with <see cref="SlowNext"/>. Trees of more than 64 leaves, NaN thresholds or very
/// wide categorical bitsets leave the layout null, and scoring keeps the fixed-depth walk.
/// </para>
/// </remarks>
internal sealed partial class TreeEnsemble
{
    /// <summary>Leaves a tree may have for its leaf set to fit one 64-bit mask.</summary>
    private const int QuickMaxLeaves = 64;

    /// <summary>Largest number of (category, split) entries of the categorical lists before QuickScorer is declined.</summary>
    private const int QuickMaxCategoryEntries = 1 << 20;

    private readonly QuickLayout? quick;

    /// <summary>Whether scoring uses QuickScorer (else the fixed-depth walk).</summary>
    internal bool UsesQuickScorer => quick is not null;

    private QuickLayout? BuildQuick()
    {
        var nodeTree = new int[nodes.Length];
        var nodeMask = new ulong[nodes.Length];
        var ordered = new double[leafValues.Length];
        var maxLeaves = 0;
        for (var t = 0; t < roots.Length; t++)
        {
            maxLeaves = Math.Max(maxLeaves, leafStart[t + 1] - leafStart[t]);
            if (maxLeaves > QuickMaxLeaves)
            {
                return null;
            }

            var position = 0;
            Visit(roots[t], t, ref position);
        }

        // Leaves numbered left to right; a split's mask clears the positions of its left subtree.
        (int Low, int High) Visit(int child, int tree, ref int position)
        {
            if (child < 0)
            {
                ordered[leafStart[tree] + position] = leafValues[~child];
                position++;
                return (position - 1, position);
            }

            var (low, middle) = Visit(nodes[child].Left, tree, ref position);
            var (_, high) = Visit(nodes[child].Right, tree, ref position);
            nodeTree[child] = tree;
            nodeMask[child] = ~(((1UL << (middle - low)) - 1) << low);
            return (low, high);
        }

        var numeric = new List<QuickEntry>?[FeatureCount];
        var missingRight = new List<QuickEntry>?[FeatureCount];
        var categorical = new List<int>?[FeatureCount];
        var exactNodes = new List<int>();
        for (var node = 0; node < nodes.Length; node++)
        {
            var type = rawDecisionType[node];
            var feature = nodes[node].Feature;
            var threshold = nodes[node].Threshold;
            var entry = new QuickEntry(threshold, nodeMask[node], nodeTree[node]);
            var missing = (type >> 2) & 3;
            if ((type & CategoricalMask) != 0)
            {
                (categorical[feature] ??= []).Add(node);
            }
            else if (missing == MissingZero)
            {
                exactNodes.Add(node);
            }
            else if (double.IsNaN(threshold))
            {
                return null;
            }
            else
            {
                (numeric[feature] ??= []).Add(entry);
                if (missing == MissingNaN ? (type & DefaultLeftMask) == 0 : !(0 <= threshold))
                {
                    (missingRight[feature] ??= []).Add(entry);
                }
            }
        }

        var entries = new List<QuickEntry>();
        var numericFeatures = new List<int>();
        var splitStart = new List<int>();
        var nanStart = new List<int>();
        var nanEnd = new List<int>();
        for (var feature = 0; feature < FeatureCount; feature++)
        {
            if (numeric[feature] is not { } splits)
            {
                continue;
            }

            numericFeatures.Add(feature);
            splitStart.Add(entries.Count);
            entries.AddRange(splits.OrderBy(s => s.Threshold));
            entries.Add(new QuickEntry(double.PositiveInfinity, ulong.MaxValue, 0));
            nanStart.Add(entries.Count);
            entries.AddRange(missingRight[feature] ?? []);
            nanEnd.Add(entries.Count);
        }

        var categoricalFeatures = new List<int>();
        var categoryCount = new List<int>();
        var tableBase = new List<int>();
        var tableStart = new List<int>();
        var categoryEntries = 0L;
        for (var feature = 0; feature < FeatureCount; feature++)
        {
            if (categorical[feature] is not { } splits)
            {
                continue;
            }

            // Codes 0 … count − 1 are categories; code count is NaN, negative or beyond every bitset (right at every split).
            var count = 32 * splits.Max(node => categoryLength[node]);
            categoryEntries += (count + 1L) * splits.Count;
            if (categoryEntries > QuickMaxCategoryEntries)
            {
                return null;
            }

            categoricalFeatures.Add(feature);
            categoryCount.Add(count);
            tableBase.Add(tableStart.Count);
            for (var code = 0; code <= count; code++)
            {
                tableStart.Add(entries.Count);
                foreach (var node in splits)
                {
                    if (SlowNext(node, code < count ? code : double.NaN) != nodes[node].Left)
                    {
                        entries.Add(new QuickEntry(0, nodeMask[node], nodeTree[node]));
                    }
                }
            }

            tableStart.Add(entries.Count);
        }

        QuickEntry[] all = [.. entries];
        return new QuickLayout(
            all,
            ordered,
            [.. numericFeatures],
            [.. splitStart],
            [.. nanStart],
            [.. nanEnd],
            [.. categoricalFeatures],
            [.. categoryCount],
            [.. tableBase],
            [.. tableStart],
            [.. exactNodes],
            [.. exactNodes.Select(node => new QuickEntry(0, nodeMask[node], nodeTree[node]))],
            maxLeaves <= NarrowMaxLeaves ? [.. all.Select(NarrowEntry.From)] : null);
    }

    /// <summary>
    /// The QuickScorer layout. Numeric column i: sorted splits from <c>SplitStart[i]</c> up to a +∞ sentinel, and the
    /// splits a NaN goes right at in <c>[NaNStart[i], NaNEnd[i])</c>. Categorical column j: for code c in
    /// 0 … <c>CategoryCount[j]</c>, the splits it goes right at in <c>[TableStart[TableBase[j] + c], TableStart[TableBase[j] + c + 1])</c>.
    /// Zero-as-missing splits: <c>ExactNodes</c> with their entries. <c>LeafValues</c>: each tree's leaves left to right from its leaf start.
    /// <c>Narrow</c>: the same entries for 32-bit leaf sets when no tree has more than 32 leaves, else null.
    /// </summary>
    private sealed record QuickLayout(
        QuickEntry[] Entries,
        double[] LeafValues,
        int[] NumericFeatures,
        int[] SplitStart,
        int[] NaNStart,
        int[] NaNEnd,
        int[] CategoricalFeatures,
        int[] CategoryCount,
        int[] TableBase,
        int[] TableStart,
        int[] ExactNodes,
        QuickEntry[] ExactEntries,
        NarrowEntry[]? Narrow);

    /// <summary>One split for QuickScorer: its threshold (numeric lists only), the mask of its tree's leaves it keeps when failed, and its tree.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct QuickEntry(double threshold, ulong mask, int tree)
    {
        public readonly double Threshold = threshold;
        public readonly ulong Mask = mask;
        public readonly int Tree = tree;
    }
}
