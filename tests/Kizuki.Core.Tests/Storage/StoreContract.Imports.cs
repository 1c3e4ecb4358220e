using Kizuki.Domain;
using Kizuki.Storage;
using static Kizuki.Tests.Storage.StoreSamples;

namespace Kizuki.Tests.Storage;

public abstract partial class StoreContract
{
    private static void AddOneOfEach(IImportSession s)
    {
        s.Add(Customer("c1"));
        s.Add(Order("o1", "c1", T0));
        s.AddLine("o1", 3, new OrderLine("SKU-3", null, 1m, 10m));
        s.Add(Subscription("s1", "c1", T0));
        s.Add(Activity("a1", "c1", T0));
        s.Add(Ticket("t1", "c1", T0));
        s.Add(Survey("v1", "c1", T0));
        s.Add(Touch("h1", "c1", T0));
        s.Add(ChurnEvent("x1", "c1", T0));
    }

    private static void AssertCounts(WriteCounts counts, EntityKind kind, long inserted, long updated, long unchanged)
    {
        Assert.Equal(inserted, counts.Inserted[kind]);
        Assert.Equal(updated, counts.Updated[kind]);
        Assert.Equal(unchanged, counts.Unchanged[kind]);
    }

    [Fact]
    public void Commit_NewRecords_CountsEveryKindInserted()
    {
        var store = NewStore();

        var counts = Import(store, AddOneOfEach);

        Assert.Equal(Enum.GetValues<EntityKind>().Length, counts.Inserted.Count);
        foreach (var kind in Enum.GetValues<EntityKind>().Where(k => k != EntityKind.OrderLines))
        {
            AssertCounts(counts, kind, 1, 0, 0);
        }

        AssertCounts(counts, EntityKind.OrderLines, 3, 0, 0);
    }

    [Fact]
    public void Commit_SameDataAgain_CountsEverythingUnchanged()
    {
        var store = NewStore();
        Import(store, AddOneOfEach);

        var counts = Import(store, AddOneOfEach);

        Assert.Equal(0, counts.TotalInserted);
        Assert.Equal(0, counts.TotalUpdated);
        Assert.Equal(11, counts.TotalUnchanged);
        Assert.Single(store.Customers());
        Assert.Equal(3, Assert.Single(store.Orders()).Lines.Count);
    }

    [Fact]
    public void Commit_ChangedCustomerSubscriptionAndTicket_CountsUpdatedAndReplaces()
    {
        var store = NewStore();
        Import(store, AddOneOfEach);
        var customer = Customer("c1") with
        {
            Segment = new CustomerSegment(Plan: "エンタープライズ"),
            Attributes = new Dictionary<string, string> { ["店舗数"] = "4" },
        };
        var subscription = Subscription("s1", "c1", T0) with { EndedAt = null, Seats = 30 };
        var ticket = Ticket("t1", "c1", T0) with { Status = TicketStatus.Pending, Satisfaction = null };

        var counts = Import(store, s =>
        {
            s.Add(customer);
            s.Add(subscription);
            s.Add(ticket);
            s.Add(Activity("a1", "c1", T0, name: "/changed"));
        });

        AssertCounts(counts, EntityKind.Customers, 0, 1, 0);
        AssertCounts(counts, EntityKind.Subscriptions, 0, 1, 0);
        AssertCounts(counts, EntityKind.Tickets, 0, 1, 0);
        AssertCounts(counts, EntityKind.Activities, 0, 0, 1);
        StoreAssert.Equal(customer, Assert.Single(store.Customers()));
        Assert.Equal(subscription, Assert.Single(store.Subscriptions()));
        Assert.Equal(ticket, Assert.Single(store.Tickets()));
        Assert.Equal("/pricing", Assert.Single(store.Activities()).Name);
    }

    [Fact]
    public void Commit_SameIdTwiceInOneSession_AppliesRowsInOrder()
    {
        var store = NewStore();
        var first = Customer("c1");
        var second = first with { Name = "second" };

        var counts = Import(store, s =>
        {
            s.Add(first);
            s.Add(second);
            s.Add(second);
            s.Add(Activity("a1", "c1", T0, name: "/first"));
            s.Add(Activity("a1", "c1", T0, name: "/second"));
        });

        AssertCounts(counts, EntityKind.Customers, 1, 1, 1);
        AssertCounts(counts, EntityKind.Activities, 1, 0, 1);
        Assert.Equal("second", Assert.Single(store.Customers()).Name);
        Assert.Equal("/first", Assert.Single(store.Activities()).Name);
    }

    [Fact]
    public void Dispose_WithoutCommit_RollsEverythingBack()
    {
        var store = NewStore();
        Import(store, s => s.Add(Customer("c1")));

        using (var session = store.BeginImport())
        {
            AddOneOfEach(session);
            session.Add(Customer("c1") with { Name = "changed" });
            for (var i = 0; i < 30_000; i++)
            {
                session.Add(Activity($"bulk{i}", "c1", T0));
            }
        }

        Assert.Equal("株式会社テスト c1", Assert.Single(store.Customers()).Name);
        Assert.Empty(store.Orders());
        Assert.Empty(store.Activities());
        Assert.Empty(store.Subscriptions());
        Assert.Empty(store.Tickets());
        Assert.Empty(store.Surveys());
        Assert.Empty(store.Touches());
        Assert.Empty(store.ChurnEvents());
        Assert.Equal(1, Import(store, AddOneOfEach).Inserted[EntityKind.Activities]);
    }

    [Fact]
    public void Add_AfterCommit_Throws()
    {
        var store = NewStore();
        using var session = store.BeginImport();
        session.Commit();

        Assert.Throws<InvalidOperationException>(() => session.Add(Customer("c1")));
        Assert.Throws<InvalidOperationException>(() => session.Commit());
    }

    [Fact]
    public void Commit_Committed_IsSeenByAnotherConnection()
    {
        var store = NewStore();
        Import(store, AddOneOfEach);

        using var other = Reopen();

        Assert.Single(other.Activities());
        Assert.Equal(3, Assert.Single(other.Orders()).Lines.Count);
    }
}
