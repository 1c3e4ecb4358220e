using Kizuki.LiveScoring;

namespace Kizuki.Tests.LiveScoring;

public sealed class IdleCollectionTests
{
    private const long MiB = 1 << 20;

    [Fact]
    public void CollectIfDue_LessThanHalfTheBudgetAllocated_DoesNotCollect()
    {
        var collector = new FakeCollector { Gen0Budget = 16 * MiB };
        var idle = collector.Idle();
        idle.CollectIfDue();

        collector.Allocated += (8 * MiB) - 1;

        Assert.False(idle.CollectIfDue());
        Assert.Equal(0, collector.Forced);
    }

    [Fact]
    public void CollectIfDue_HalfTheBudgetAllocated_CollectsOnceAndCountsAgainFromThere()
    {
        var collector = new FakeCollector { Gen0Budget = 16 * MiB };
        var idle = collector.Idle();
        idle.CollectIfDue();
        collector.Allocated += 8 * MiB;

        Assert.True(idle.CollectIfDue());
        Assert.False(idle.CollectIfDue());
        collector.Allocated += 4 * MiB;
        Assert.False(idle.CollectIfDue());
        collector.Allocated += 4 * MiB;
        Assert.True(idle.CollectIfDue());

        Assert.Equal(2, collector.Forced);
        Assert.Equal(2, idle.Collected);
    }

    [Fact]
    public void CollectIfDue_AfterItsOwnCollection_KeepsTheRuntimesBudget()
    {
        var collector = new FakeCollector { Gen0Budget = 16 * MiB };
        var idle = collector.Idle();
        idle.CollectIfDue();
        collector.Allocated += 8 * MiB;
        Assert.True(idle.CollectIfDue());

        // Gen0 was only half its budget when collected here: that must not become the new budget.
        collector.Gen0Budget = 8 * MiB;
        collector.Allocated += 4 * MiB;

        Assert.False(idle.CollectIfDue());
        collector.Allocated += 4 * MiB;
        Assert.True(idle.CollectIfDue());
    }

    [Fact]
    public void CollectIfDue_RuntimeCollectedMeanwhile_CountsFromItsCollection()
    {
        var collector = new FakeCollector { Gen0Budget = 16 * MiB };
        var idle = collector.Idle();
        idle.CollectIfDue();
        collector.Allocated += 7 * MiB;
        collector.Collections++;
        collector.Allocated += 2 * MiB;

        Assert.False(idle.CollectIfDue());
        collector.Allocated += 7 * MiB;
        Assert.False(idle.CollectIfDue());
        collector.Allocated += 1 * MiB;
        Assert.True(idle.CollectIfDue());
    }

    [Fact]
    public void CollectIfDue_TinyOrUnknownBudget_WaitsForAtLeastOneMebibyte()
    {
        var collector = new FakeCollector { Gen0Budget = 0 };
        var idle = collector.Idle();
        idle.CollectIfDue();
        collector.Allocated += MiB - 1;

        Assert.False(idle.CollectIfDue());
        collector.Allocated += 1;
        Assert.True(idle.CollectIfDue());
    }

    private sealed class FakeCollector
    {
        public int Collections { get; set; }

        public long Allocated { get; set; }

        public long Gen0Budget { get; set; }

        public int Forced { get; private set; }

        public IdleCollection Idle() => new(
            () => new IdleCollection.Counters(Collections, Allocated),
            () => Gen0Budget,
            () =>
            {
                Forced++;
                Collections++;
            });
    }
}
