using Kizuki.Domain;
using Kizuki.Storage;
using static Kizuki.Tests.Storage.StoreSamples;

namespace Kizuki.Tests.Storage;

public abstract partial class StoreContract
{
    private static readonly DateTimeOffset Now = T0.AddDays(100);

    private static QualityFinding Finding(StoreSummary summary, string code, EntityKind kind) =>
        Assert.Single(summary.Findings, f => f.Code == code && f.Kind == kind);

    [Fact]
    public void Summarise_Empty_CountsZeroAndFindsNothing()
    {
        var store = NewStore();

        var summary = store.Summarise(Now);

        Assert.Equal(Enum.GetValues<EntityKind>(), summary.Entities.Select(e => e.Kind));
        Assert.All(summary.Entities, e => Assert.Equal(new EntitySummary(e.Kind, 0, null, null), e));
        Assert.Empty(summary.Findings);
    }

    [Fact]
    public void Summarise_CleanData_CountsRangesAndFindsNothing()
    {
        var store = NewStore();
        Import(store, s =>
        {
            s.Add(Customer("c1", T0.AddDays(-10)));
            s.Add(Customer("c2", T0.AddDays(-5)));
            s.Add(Order("o1", "c1", T0));
            s.Add(Activity("a1", "c1", T0.AddDays(1)));
            s.Add(Activity("a2", "c2", T0.AddDays(3)));
            s.Add(Activity("a3", "c2", T0.AddDays(2)));
        });

        var summary = store.Summarise(Now);

        Assert.Empty(summary.Findings);
        var entities = summary.Entities.ToDictionary(e => e.Kind);
        Assert.Equal(new EntitySummary(EntityKind.Customers, 2, T0.AddDays(-10), T0.AddDays(-5)), entities[EntityKind.Customers]);
        Assert.Equal(new EntitySummary(EntityKind.Activities, 3, T0.AddDays(1), T0.AddDays(3)), entities[EntityKind.Activities]);
        Assert.Equal(new EntitySummary(EntityKind.Orders, 1, T0, T0), entities[EntityKind.Orders]);
        Assert.Equal(new EntitySummary(EntityKind.OrderLines, 2, null, null), entities[EntityKind.OrderLines]);
        Assert.Equal(TimeSpan.Zero, entities[EntityKind.Activities].From!.Value.Offset);
    }

    [Fact]
    public void Summarise_CustomerWithoutEventsOrValues_ReportsBoth()
    {
        var store = NewStore();
        Import(store, s =>
        {
            s.Add(Customer("c1"));
            s.Add(Activity("a1", "c1", T0));
            s.Add(Customer("c2"));
            s.Add(BareCustomer("c3"));
            s.Add(Customer("c4") with { Segment = CustomerSegment.Unknown });
            s.Add(Activity("a4", "c4", T0));
            s.Add(Customer("c5") with { Name = "" });
            s.Add(Subscription("s5", "c5", T0));
        });

        var summary = store.Summarise(Now);

        var silent = Finding(summary, QualityCodes.CustomersWithoutEvents, EntityKind.Customers);
        Assert.Equal(2, silent.Count);
        Assert.Equal(["c2", "c3"], silent.Examples);
        var missing = Finding(summary, QualityCodes.MissingValues, EntityKind.Customers);
        Assert.Equal(["c3", "c4", "c5"], missing.Examples);
        Assert.Equal(2, summary.Findings.Count);
    }

    [Fact]
    public void Summarise_FutureEarlyAndOrphanEvents_ReportsEachWithExamples()
    {
        var store = NewStore();
        Import(store, s =>
        {
            s.Add(Customer("c1", T0));
            s.Add(Activity("a-ok", "c1", T0.AddDays(1)));
            for (var i = 1; i <= 7; i++)
            {
                s.Add(Activity($"a-future{i}", "c1", Now.AddDays(i)));
            }

            s.Add(Activity("a-early", "c1", T0.AddDays(-1)));
            s.Add(BareOrder("o-early", "c1", T0.AddSeconds(-1)));
            s.Add(Ticket("t-orphan", "ghost", T0));
            s.Add(ChurnEvent("x-orphan", "ghost", T0));
            s.Add(Survey("v-future", "c1", Now.AddSeconds(1)));
        });

        var summary = store.Summarise(Now);

        var future = Finding(summary, QualityCodes.EventsInFuture, EntityKind.Activities);
        Assert.Equal(7, future.Count);
        Assert.Equal(["a-future1", "a-future2", "a-future3", "a-future4", "a-future5"], future.Examples);
        Assert.Equal(["v-future"], Finding(summary, QualityCodes.EventsInFuture, EntityKind.Surveys).Examples);
        Assert.Equal(["a-early"], Finding(summary, QualityCodes.EventsBeforeSignup, EntityKind.Activities).Examples);
        Assert.Equal(["o-early"], Finding(summary, QualityCodes.EventsBeforeSignup, EntityKind.Orders).Examples);
        Assert.Equal(["t-orphan"], Finding(summary, QualityCodes.UnknownCustomer, EntityKind.Tickets).Examples);
        Assert.Equal(["x-orphan"], Finding(summary, QualityCodes.UnknownCustomer, EntityKind.ChurnEvents).Examples);
        Assert.Equal(6, summary.Findings.Count);
    }

    [Fact]
    public void Summarise_SameContentUnderTwoIds_ReportsLikelyDuplicates()
    {
        var store = NewStore();
        Import(store, s =>
        {
            s.Add(Customer("c1"));
            s.Add(BareOrder("o1", "c1", T0, 500m));
            s.Add(BareOrder("o2", "c1", T0, 500m));
            s.Add(BareOrder("o3", "c1", T0, 600m));
            s.Add(Activity("a1", "c1", T0, ActivityTypes.Login, null, null));
            s.Add(Activity("a2", "c1", T0, ActivityTypes.Login, null, 3));
            s.Add(Activity("a3", "c1", T0, ActivityTypes.Login, "x", null));
            s.Add(Activity("a4", "c1", T0.AddSeconds(1), ActivityTypes.Login, null, null));
        });

        var summary = store.Summarise(Now);

        var orders = Finding(summary, QualityCodes.LikelyDuplicates, EntityKind.Orders);
        Assert.Equal(1, orders.Count);
        Assert.Equal(["o2"], orders.Examples);
        var activities = Finding(summary, QualityCodes.LikelyDuplicates, EntityKind.Activities);
        Assert.Equal(1, activities.Count);
        Assert.Equal(["a2"], activities.Examples);
        Assert.Equal(2, summary.Findings.Count);
    }
}
