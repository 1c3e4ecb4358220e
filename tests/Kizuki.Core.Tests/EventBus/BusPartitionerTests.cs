using Kizuki.EventBus;
using Xunit;

namespace Kizuki.Tests.EventBus;

public sealed class BusPartitionerTests
{
    [Fact]
    public void PartitionOf_KnownIds_AreFnv1aModuloCount()
    {
        // FNV-1a 32-bit of "a" is 0xE40C292C; of "" the offset basis 0x811C9DC5. Fixed values keep producers in every process in step.
        Assert.Equal((int)(0xE40C292Cu % 7u), BusPartitioner.PartitionOf("a", 7));
        Assert.Equal((int)(0x811C9DC5u % 8u), BusPartitioner.PartitionOf("", 8));
        Assert.Equal(BusPartitioner.PartitionOf("顧客-0001", 16), BusPartitioner.PartitionOf("顧客-0001", 16));
    }

    [Fact]
    public void PartitionOf_ManyCustomers_SpreadOverEveryPartition()
    {
        var counts = Enumerable.Range(0, 8000).GroupBy(i => BusPartitioner.PartitionOf($"C{i:D5}", 8)).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(8, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 800, 1200));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(40)]
    public void PartitionOf_AnyLength_MatchesReferenceFnv1a(int length)
    {
        var id = string.Concat(Enumerable.Repeat("顧客x", length / 3 + 1))[..length];
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(id))
        {
            hash = (hash ^ b) * 16777619u;
        }

        Assert.Equal((int)(hash % 5u), BusPartitioner.PartitionOf(id, 5));
    }
}
