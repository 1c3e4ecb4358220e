using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>Counts what an import session did, per entity kind, and turns the counts into <see cref="WriteCounts"/>.</summary>
internal sealed class WriteTally
{
    private readonly long[] inserted = new long[KindCount];
    private readonly long[] updated = new long[KindCount];
    private readonly long[] unchanged = new long[KindCount];

    private static int KindCount => StoreTables.All.Count;

    /// <summary>Counts one new record.</summary>
    public void Inserted(EntityKind kind, long count = 1) => inserted[(int)kind] += count;

    /// <summary>Counts one record that replaced a different stored version.</summary>
    public void Updated(EntityKind kind, long count = 1) => updated[(int)kind] += count;

    /// <summary>Counts one record that was already stored exactly so.</summary>
    public void Unchanged(EntityKind kind, long count = 1) => unchanged[(int)kind] += count;

    /// <summary>The counts so far, with every kind present (zero when untouched).</summary>
    public WriteCounts ToCounts() => new(Map(inserted), Map(updated), Map(unchanged));

    private static Dictionary<EntityKind, long> Map(long[] counts) =>
        Enum.GetValues<EntityKind>().ToDictionary(k => k, k => counts[(int)k]);
}
