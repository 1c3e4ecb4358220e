namespace Kizuki.Lifetime;

/// <summary>How many customers moved from each segment at one date to each segment at a later date.</summary>
/// <typeparam name="TSegment">The segment type.</typeparam>
/// <param name="Counts">Customers per (segment before, segment after); null stands for "not yet a customer".</param>
public sealed record SegmentMigration<TSegment>(IReadOnlyDictionary<(TSegment? From, TSegment To), int> Counts)
    where TSegment : struct, Enum
{
    /// <summary>Customers in <paramref name="from"/> before and <paramref name="to"/> after.</summary>
    public int this[TSegment? from, TSegment to] => Counts.GetValueOrDefault((from, to));
}

/// <summary>Builds <see cref="SegmentMigration{TSegment}"/> tables.</summary>
public static class SegmentMigration
{
    /// <summary>The table of two assignments keyed by customer id; customers only in <paramref name="before"/> are left out (they cannot vanish).</summary>
    public static SegmentMigration<TSegment> Between<TSegment>(IEnumerable<(string CustomerId, TSegment Segment)> before, IEnumerable<(string CustomerId, TSegment Segment)> after)
        where TSegment : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var earlier = before.ToDictionary(b => b.CustomerId, b => b.Segment, StringComparer.Ordinal);
        var counts = new Dictionary<(TSegment? From, TSegment To), int>();
        foreach (var (id, segment) in after)
        {
            TSegment? from = earlier.TryGetValue(id, out var s) ? s : null;
            counts[(from, segment)] = counts.GetValueOrDefault((from, segment)) + 1;
        }

        return new SegmentMigration<TSegment>(counts);
    }
}
