namespace Kizuki.Features.Builtin;

internal sealed partial class ActivityFeatures
{
    /// <summary>
    /// Distinct features over 30 and 90 days and the key-feature flag, from the feature names used in the last
    /// 120 days (oldest first, in <c>buffer[..count]</c>; the rest of <paramref name="buffer"/>, at least as long, is scratch).
    /// </summary>
    /// <param name="buffer">Names in time order, then scratch space.</param>
    /// <param name="count">How many names.</param>
    /// <param name="start90">Index of the first name used in the last 90 days.</param>
    /// <param name="start30">Index of the first name used in the last 30 days.</param>
    private static Usage MeasureUsage(Span<int> buffer, int count, int start90, int start30)
    {
        var names = buffer[..count];
        var scratch = buffer[count..];

        var recent = scratch[..(count - start30)];
        names[start30..].CopyTo(recent);
        recent.Sort();
        var distinct30 = CountDistinct(recent);

        var dropped = double.NaN;
        if (start30 > 0)
        {
            var earlier = scratch.Slice(recent.Length, start30);
            names[..start30].CopyTo(earlier);
            earlier.Sort();
            dropped = AnyTopFeatureMissing(earlier, recent) ? 1 : 0;
        }

        var last90 = names[start90..];
        last90.Sort();
        return new Usage(distinct30, CountDistinct(last90), dropped);
    }

    /// <summary>Whether a feature with the highest use count in <paramref name="earlier"/> (sorted) is absent from <paramref name="recent"/> (sorted).</summary>
    /// <remarks>Ties are all key features: dropping any of them counts, so the answer never depends on how names are numbered.</remarks>
    private static bool AnyTopFeatureMissing(ReadOnlySpan<int> earlier, ReadOnlySpan<int> recent)
    {
        var top = 0;
        for (var i = 0; i < earlier.Length;)
        {
            var j = i + 1;
            while (j < earlier.Length && earlier[j] == earlier[i]) { j++; }
            top = Math.Max(top, j - i);
            i = j;
        }

        for (var i = 0; i < earlier.Length;)
        {
            var j = i + 1;
            while (j < earlier.Length && earlier[j] == earlier[i]) { j++; }
            if (j - i == top && recent.BinarySearch(earlier[i]) < 0)
            {
                return true;
            }

            i = j;
        }

        return false;
    }

    private static int CountDistinct(ReadOnlySpan<int> sorted)
    {
        var distinct = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }

    /// <summary>What <see cref="MeasureUsage"/> found.</summary>
    private readonly record struct Usage(int Distinct30, int Distinct90, double KeyFeatureDropped);
}
