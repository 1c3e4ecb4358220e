using Kizuki.LiveScoring;

namespace Kizuki.Tests.LiveScoring;

public sealed class IdleCollectionTests
{
    [Fact]
    public void CollectIfDue_LessThanDueAllocated_DoesNotCollect()
    {
        var collector = new FakeCollector();
        var idle = collector.Idle();
        idle.CollectIfDue();

        collector.Allocated += IdleCollection.Due - 1;

        Assert.False(idle.CollectIfDue());
        Assert.Equal(0, collector.Forced);
    }

    [Fact]
    public void CollectIfDue_DueAllocated_CollectsOnceAndCountsAgainFromThere()
    {
        var collector = new FakeCollector();
        var idle = collector.Idle();
        idle.CollectIfDue();
        collector.Allocated += IdleCollection.Due;

        Assert.True(idle.CollectIfDue());
        Assert.False(idle.CollectIfDue());
        collector.Allocated += IdleCollection.Due / 2;
        Assert.False(idle.CollectIfDue());
        collector.Allocated += IdleCollection.Due / 2;
        Assert.True(idle.CollectIfDue());

        Assert.Equal(2, collector.Forced);
        Assert.Equal(2, idle.Collected);
    }

    [Fact]
    public void CollectIfDue_RuntimeCollectedMeanwhile_CountsFromItsCollection()
    {
        var collector = new FakeCollector();
        var idle = collector.Idle();
        idle.CollectIfDue();
        collector.Allocated += IdleCollection.Due - 1;
        collector.Collections++;
        collector.Allocated += 2;

        Assert.False(idle.CollectIfDue());
        collector.Allocated += IdleCollection.Due - 1;
        Assert.False(idle.CollectIfDue());
        collector.Allocated += 1;
        Assert.True(idle.CollectIfDue());
        Assert.Equal(1, collector.Forced);
    }

    private sealed class FakeCollector
    {
        public int Collections { get; set; }

        public long Allocated { get; set; }

        public int Forced { get; private set; }

        public IdleCollection Idle() => new(
            () => new IdleCollection.Counters(Collections, Allocated),
            () =>
            {
                Forced++;
                Collections++;
            });
    }
}
