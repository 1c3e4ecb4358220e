using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kizuki.Modeling.LightGbm;

/// <summary>QuickScorer over eight rows at once: two vector comparisons and two vector ANDs per split for all eight.</summary>
/// <remarks>
/// The eight rows' leaf sets of a tree sit side by side (<c>live[t * 8 + lane]</c>), so a split's mask is ANDed into all
/// eight with two 256-bit operations, kept for the rows whose value exceeds the threshold and all ones for the others.
/// A column's sorted splits are scanned up to the largest of the eight values (so one mispredicted loop exit per column
/// serves eight rows); the splits below the smallest of the eight values (when none is NaN) are ANDed in without a
/// comparison; a NaN lane compares false everywhere and
/// takes its own NaN list afterwards. The comparison is the same IEEE double comparison as the scalar scan, and each
/// lane's sum is added in tree order, so the scores equal the single-row path's to the bit. Without 256-bit vector
/// hardware every row takes the scalar path.
/// </remarks>
internal sealed partial class TreeEnsemble
{
    private const int QuickLanes = 8;

    /// <summary>Raw scores of consecutive rows by QuickScorer: sixteen at a time with 32-bit leaf sets where they fit, eight at a time where the hardware has 256-bit vectors, then one by one.</summary>
    private void QuickRawBlock(QuickLayout layout, ReadOnlySpan<double> values, Span<double> output)
    {
        var trees = roots.Length;
        var scratch = trees * QuickLanes <= QuickStackTrees ? stackalloc ulong[trees * QuickLanes] : new ulong[trees * QuickLanes];
        ref var data = ref MemoryMarshal.GetReference(values);
        var width = FeatureCount;
        var r = 0;
        if (layout.Narrow is { } narrowEntries && Avx.IsSupported && output.Length >= NarrowLanes)
        {
            var narrow = trees * QuickLanes <= QuickStackTrees ? stackalloc uint[trees * NarrowLanes] : new uint[trees * NarrowLanes];
            for (; r + NarrowLanes <= output.Length; r += NarrowLanes)
            {
                QuickRawSixteenNarrow(layout, narrowEntries, ref Unsafe.Add(ref data, r * width), narrow, scratch, output.Slice(r, NarrowLanes));
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; r + QuickLanes <= output.Length; r += QuickLanes)
            {
                QuickRawEight(layout, ref Unsafe.Add(ref data, r * width), scratch, output.Slice(r, QuickLanes));
            }
        }

        for (; r < output.Length; r++)
        {
            output[r] = QuickRaw(layout, ref Unsafe.Add(ref data, r * width), scratch[..trees]);
        }
    }

    /// <summary>Eight consecutive rows starting at <paramref name="row0"/>; <paramref name="alive"/> is scratch of eight leaf sets per tree.</summary>
    private void QuickRawEight(QuickLayout layout, ref double row0, Span<ulong> alive, Span<double> output)
    {
        alive.Fill(ulong.MaxValue);
        var width = FeatureCount;
        ref var live = ref MemoryMarshal.GetReference(alive);
        ref var entries = ref MemoryMarshal.GetArrayDataReference(layout.Entries);
        var features = layout.NumericFeatures;
        var splitStart = layout.SplitStart;
        Span<double> lane = stackalloc double[QuickLanes];
        for (var i = 0; i < features.Length; i++)
        {
            ref var column = ref Unsafe.Add(ref row0, features[i]);

            // The largest non-NaN value bounds the scan (NaN compares false, so it never raises the bound).
            var bound = double.NegativeInfinity;
            var floor = double.PositiveInfinity;
            var anyNaN = false;
            for (var l = 0; l < QuickLanes; l++)
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
                // Splits below the smallest value are failed by all eight rows: no comparison needed.
                while (entry.Threshold < floor)
                {
                    var all = Vector256.Create(entry.Mask);
                    ref var kept = ref Unsafe.As<ulong, Vector256<ulong>>(ref Unsafe.Add(ref live, entry.Tree * QuickLanes));
                    kept &= all;
                    Unsafe.Add(ref kept, 1) &= all;
                    entry = ref Unsafe.Add(ref entry, 1);
                }
            }

            var low = Vector256.Create(lane[0], lane[1], lane[2], lane[3]);
            var high = Vector256.Create(lane[4], lane[5], lane[6], lane[7]);
            while (entry.Threshold < bound)
            {
                var threshold = Vector256.Create(entry.Threshold);
                var mask = Vector256.Create(entry.Mask);
                ref var sets = ref Unsafe.As<ulong, Vector256<ulong>>(ref Unsafe.Add(ref live, entry.Tree * QuickLanes));
                sets &= mask | ~Vector256.LessThan(threshold, low).AsUInt64();
                Unsafe.Add(ref sets, 1) &= mask | ~Vector256.LessThan(threshold, high).AsUInt64();
                entry = ref Unsafe.Add(ref entry, 1);
            }

            if (anyNaN)
            {
                for (var l = 0; l < QuickLanes; l++)
                {
                    if (double.IsNaN(lane[l]))
                    {
                        Fail(ref live, ref entries, layout.NaNStart[i], layout.NaNEnd[i], QuickLanes, l);
                    }
                }
            }
        }

        for (var l = 0; l < QuickLanes; l++)
        {
            QuickFinishSplits(layout, ref Unsafe.Add(ref row0, l * width), ref live, QuickLanes, l);
        }

        QuickSumEight(layout, ref live, output);
    }

    /// <summary>A value as LightGBM's C API passes it: |v| ≤ 1e-35 read as 0 (NaN stays NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Banded(double value) => Math.Abs(value) <= ZeroThreshold ? 0 : value;
}
