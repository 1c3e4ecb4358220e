using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Scoring one row with QuickScorer; see the layout in <c>TreeEnsemble.QuickScorer.cs</c>.</summary>
internal sealed partial class TreeEnsemble
{
    /// <summary>Leaf sets (one per tree and row) up to which the scratch lives on the stack (32 KiB).</summary>
    private const int QuickStackTrees = 4096;

    /// <summary>The raw score of one row by QuickScorer; <paramref name="alive"/> holds one leaf set per tree (scratch).</summary>
    /// <remarks>Leaf values are added in tree order, so the score equals the walk's and LightGBM's to the bit.</remarks>
    private double QuickRaw(QuickLayout layout, ref double row, Span<ulong> alive)
    {
        alive.Fill(ulong.MaxValue);
        ref var live = ref MemoryMarshal.GetReference(alive);
        ref var entries = ref MemoryMarshal.GetArrayDataReference(layout.Entries);
        var features = layout.NumericFeatures;
        var splitStart = layout.SplitStart;
        for (var i = 0; i < features.Length; i++)
        {
            var value = Unsafe.Add(ref row, features[i]);
            if (double.IsNaN(value))
            {
                Fail(ref live, ref entries, layout.NaNStart[i], layout.NaNEnd[i], 1, 0);
                continue;
            }

            if (Math.Abs(value) <= ZeroThreshold)
            {
                value = 0;
            }

            // The splits this value fails are a prefix of the sorted list; the +∞ sentinel ends the scan.
            ref var entry = ref Unsafe.Add(ref entries, splitStart[i]);
            while (entry.Threshold < value)
            {
                Unsafe.Add(ref live, entry.Tree) &= entry.Mask;
                entry = ref Unsafe.Add(ref entry, 1);
            }
        }

        return QuickFinish(layout, ref row, ref live, 1, 0);
    }

    /// <summary>
    /// The rest of a row's QuickScorer pass after its numeric columns: categorical columns, zero-as-missing splits, and the
    /// sum of each tree's leftmost live leaf. The row's leaf sets are <c>live[t * stride + lane]</c>.
    /// </summary>
    private double QuickFinish(QuickLayout layout, ref double row, ref ulong live, int stride, int lane)
    {
        QuickFinishSplits(layout, ref row, ref live, stride, lane);
        ref var values = ref MemoryMarshal.GetArrayDataReference(layout.LeafValues);
        ref var bases = ref MemoryMarshal.GetArrayDataReference(leafStart);
        ref var sets = ref Unsafe.Add(ref live, lane);
        var sum = 0.0;
        for (var t = 0; t < roots.Length; t++)
        {
            sum += Unsafe.Add(ref values, Unsafe.Add(ref bases, t) + BitOperations.TrailingZeroCount(Unsafe.Add(ref sets, t * stride)));
        }

        return sum;
    }

    /// <summary>The categorical columns and zero-as-missing splits of one row, ANDed into its leaf sets <c>live[t * stride + lane]</c>.</summary>
    private void QuickFinishSplits(QuickLayout layout, ref double row, ref ulong live, int stride, int lane)
    {
        ref var entries = ref MemoryMarshal.GetArrayDataReference(layout.Entries);
        var categorical = layout.CategoricalFeatures;
        for (var j = 0; j < categorical.Length; j++)
        {
            var value = Unsafe.Add(ref row, categorical[j]);
            var count = layout.CategoryCount[j];
            var code = double.IsNaN(value) ? count : (int)value;
            if (code < 0 || code > count)
            {
                code = count;
            }

            var at = layout.TableBase[j] + code;
            Fail(ref live, ref entries, layout.TableStart[at], layout.TableStart[at + 1], stride, lane);
        }

        var exact = layout.ExactNodes;
        for (var k = 0; k < exact.Length; k++)
        {
            var node = exact[k];
            if (SlowNext(node, Unsafe.Add(ref row, nodes[node].Feature)) != nodes[node].Left)
            {
                ref readonly var failed = ref layout.ExactEntries[k];
                Unsafe.Add(ref live, (failed.Tree * stride) + lane) &= failed.Mask;
            }
        }
    }

    /// <summary>
    /// Eight rows' sums of each tree's leftmost live leaf (sets <c>live[t * 8 + lane]</c>), each added in tree order as
    /// <see cref="QuickFinish"/> does; the eight independent sums let the processor overlap their additions.
    /// </summary>
    private void QuickSumEight(QuickLayout layout, ref ulong live, Span<double> output)
    {
        ref var values = ref MemoryMarshal.GetArrayDataReference(layout.LeafValues);
        ref var bases = ref MemoryMarshal.GetArrayDataReference(leafStart);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (var t = 0; t < roots.Length; t++)
        {
            ref var tree = ref Unsafe.Add(ref values, Unsafe.Add(ref bases, t));
            ref var sets = ref Unsafe.Add(ref live, t * 8);
            s0 += Unsafe.Add(ref tree, BitOperations.TrailingZeroCount(sets));
            s1 += Unsafe.Add(ref tree, BitOperations.TrailingZeroCount(Unsafe.Add(ref sets, 1)));
            s2 += Unsafe.Add(ref tree, BitOperations.TrailingZeroCount(Unsafe.Add(ref sets, 2)));
            s3 += Unsafe.Add(ref tree, BitOperations.TrailingZeroCount(Unsafe.Add(ref sets, 3)));
            s4 += Unsafe.Add(ref tree, BitOperations.TrailingZeroCount(Unsafe.Add(ref sets, 4)));
            s5 += Unsafe.Add(ref tree, BitOperations.TrailingZeroCount(Unsafe.Add(ref sets, 5)));
            s6 += Unsafe.Add(ref tree, BitOperations.TrailingZeroCount(Unsafe.Add(ref sets, 6)));
            s7 += Unsafe.Add(ref tree, BitOperations.TrailingZeroCount(Unsafe.Add(ref sets, 7)));
        }

        output[0] = s0;
        output[1] = s1;
        output[2] = s2;
        output[3] = s3;
        output[4] = s4;
        output[5] = s5;
        output[6] = s6;
        output[7] = s7;
    }

    /// <summary>ANDs the masks of the failed splits <c>entries[start..end)</c> into one row's leaf sets (<c>live[t * stride + lane]</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fail(ref ulong live, ref QuickEntry entries, int start, int end, int stride, int lane)
    {
        for (var e = start; e < end; e++)
        {
            ref readonly var failed = ref Unsafe.Add(ref entries, e);
            Unsafe.Add(ref live, (failed.Tree * stride) + lane) &= failed.Mask;
        }
    }
}
