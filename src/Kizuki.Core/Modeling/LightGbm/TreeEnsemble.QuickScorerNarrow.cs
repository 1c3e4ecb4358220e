using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kizuki.Modeling.LightGbm;

/// <summary>QuickScorer over sixteen rows with 32-bit leaf sets, for ensembles whose trees have at most 32 leaves.</summary>
/// <remarks>
/// <para>
/// Eight rows' leaf sets of a tree fill one 256-bit register, so for eight rows a split costs two double comparisons
/// (the same IEEE comparison of the value with the double threshold as the scalar scan), one shuffle that packs the
/// eight comparison results into 32-bit lanes, and one AND-NOT of the split's cleared leaves, instead of two of each.
/// Sixteen rows share each load of a split and each loop step.
/// </para>
/// <para>
/// Splits whose threshold is below the smallest of the eight values are failed by every row and are applied without
/// any comparison (only when no lane is NaN, since NaN fails no split of the scan); the scan then compares up to the
/// largest value. Afterwards the sets are widened to 64 bits (the absent leaves 33 … 64 set) and the rest of the pass
/// (categorical columns, zero-as-missing splits, the sum in tree order) is the 64-bit path's, so scores are equal to
/// the bit. The shuffle is AVX's; without AVX the 64-bit path runs.
/// </para>
/// </remarks>
internal sealed partial class TreeEnsemble
{
    /// <summary>Leaves a tree may have for its leaf set to fit 32 bits.</summary>
    private const int NarrowMaxLeaves = 32;

    /// <summary>Rows scored together with 32-bit leaf sets: two 256-bit registers per tree.</summary>
    private const int NarrowLanes = 16;

    /// <summary>The most leaves of any tree.</summary>
    internal int LargestTreeLeaves
    {
        get
        {
            var largest = 0;
            for (var t = 0; t < roots.Length; t++)
            {
                largest = Math.Max(largest, leafStart[t + 1] - leafStart[t]);
            }

            return largest;
        }
    }

    /// <summary>Whether batch scoring uses 32-bit leaf sets (QuickScorer, every tree at most 32 leaves, AVX present).</summary>
    internal bool UsesNarrowLeafSets => quick?.Narrow is not null && Avx.IsSupported;

    /// <summary>
    /// Sixteen consecutive rows from <paramref name="row0"/>; <paramref name="narrow"/> is scratch of sixteen 32-bit sets per
    /// tree, <paramref name="alive"/> of eight 64-bit sets per tree.
    /// </summary>
    private void QuickRawSixteenNarrow(QuickLayout layout, NarrowEntry[] narrowEntries, ref double row0, Span<uint> narrow, Span<ulong> alive, Span<double> output)
    {
        narrow.Fill(uint.MaxValue);
        var width = FeatureCount;
        ref var live = ref MemoryMarshal.GetReference(narrow);
        ref var entries = ref MemoryMarshal.GetArrayDataReference(narrowEntries);
        var features = layout.NumericFeatures;
        var splitStart = layout.SplitStart;
        Span<double> lane = stackalloc double[NarrowLanes];
        for (var i = 0; i < features.Length; i++)
        {
            ref var column = ref Unsafe.Add(ref row0, features[i]);
            var bound = double.NegativeInfinity;
            var floor = double.PositiveInfinity;
            var anyNaN = false;
            for (var l = 0; l < NarrowLanes; l++)
            {
                var value = Banded(Unsafe.Add(ref column, l * width));
                lane[l] = value;
                bound = value > bound ? value : bound;
                floor = value < floor ? value : floor;
                anyNaN |= double.IsNaN(value);
            }

            ref var entry = ref Unsafe.Add(ref entries, splitStart[i]);
            if (!anyNaN)
            {
                while (entry.Threshold < floor)
                {
                    var cleared = Vector256.Create(entry.Cleared);
                    ref var all = ref Unsafe.As<uint, Vector256<uint>>(ref Unsafe.Add(ref live, entry.Offset));
                    all = Vector256.AndNot(all, cleared);
                    Unsafe.Add(ref all, 1) = Vector256.AndNot(Unsafe.Add(ref all, 1), cleared);
                    entry = ref Unsafe.Add(ref entry, 1);
                }
            }

            // shufps keeps the low halves as [a0, a1, b0, b1 | a2, a3, b2, b3], so with these quarters lane k is row k.
            var first = Vector256.Create(lane[0], lane[1], lane[4], lane[5]);
            var second = Vector256.Create(lane[2], lane[3], lane[6], lane[7]);
            var third = Vector256.Create(lane[8], lane[9], lane[12], lane[13]);
            var fourth = Vector256.Create(lane[10], lane[11], lane[14], lane[15]);
            while (entry.Threshold < bound)
            {
                var threshold = Vector256.Create(entry.Threshold);
                var cleared = Vector256.Create(entry.Cleared);
                var low = Avx.Shuffle(Vector256.LessThan(threshold, first).AsSingle(), Vector256.LessThan(threshold, second).AsSingle(), 0b10_00_10_00);
                var high = Avx.Shuffle(Vector256.LessThan(threshold, third).AsSingle(), Vector256.LessThan(threshold, fourth).AsSingle(), 0b10_00_10_00);
                ref var sets = ref Unsafe.As<uint, Vector256<uint>>(ref Unsafe.Add(ref live, entry.Offset));
                sets = Vector256.AndNot(sets, low.AsUInt32() & cleared);
                Unsafe.Add(ref sets, 1) = Vector256.AndNot(Unsafe.Add(ref sets, 1), high.AsUInt32() & cleared);
                entry = ref Unsafe.Add(ref entry, 1);
            }

            if (anyNaN)
            {
                for (var l = 0; l < NarrowLanes; l++)
                {
                    if (double.IsNaN(lane[l]))
                    {
                        for (var e = layout.NaNStart[i]; e < layout.NaNEnd[i]; e++)
                        {
                            ref readonly var split = ref Unsafe.Add(ref entries, e);
                            Unsafe.Add(ref live, split.Offset + l) &= ~split.Cleared;
                        }
                    }
                }
            }
        }

        // Each half of eight rows is widened to 64-bit sets (the absent leaves 33 … 64 set) and finished by the 64-bit path.
        ref var wide = ref MemoryMarshal.GetReference(alive);
        var absent = Vector256.Create(0xFFFF_FFFF_0000_0000UL);
        for (var half = 0; half < NarrowLanes; half += QuickLanes)
        {
            for (var t = 0; t < roots.Length; t++)
            {
                var (lower, upper) = Vector256.Widen(Unsafe.As<uint, Vector256<uint>>(ref Unsafe.Add(ref live, (t * NarrowLanes) + half)));
                ref var target = ref Unsafe.As<ulong, Vector256<ulong>>(ref Unsafe.Add(ref wide, t * QuickLanes));
                target = lower | absent;
                Unsafe.Add(ref target, 1) = upper | absent;
            }

            for (var l = 0; l < QuickLanes; l++)
            {
                QuickFinishSplits(layout, ref Unsafe.Add(ref row0, (half + l) * width), ref wide, QuickLanes, l);
            }

            QuickSumEight(layout, ref wide, output.Slice(half, QuickLanes));
        }
    }

    /// <summary>A QuickScorer entry for 32-bit leaf sets: threshold, the leaves it clears when failed, and its tree's offset in the scratch.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct NarrowEntry(double threshold, uint cleared, int offset)
    {
        public readonly double Threshold = threshold;
        public readonly uint Cleared = cleared;
        public readonly int Offset = offset;

        /// <summary>The narrow form of a 64-bit entry of a tree of at most 32 leaves.</summary>
        public static NarrowEntry From(QuickEntry entry) => new(entry.Threshold, (uint)~entry.Mask, entry.Tree * NarrowLanes);
    }
}
