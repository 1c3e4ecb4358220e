using Kizuki.Domain;
using Kizuki.Storage;
using static Kizuki.Tests.Storage.StoreSamples;

namespace Kizuki.Tests.Storage;

public abstract partial class StoreContract
{
    [Fact]
    public void Reads_AnyInsertOrder_AreOrderedByCustomerTimeAndId()
    {
        var store = NewStore();
        Import(store, s =>
        {
            s.Add(Activity("a9", "c2", T0));
            s.Add(Activity("a3", "c1", T0.AddHours(2)));
            s.Add(Activity("a2", "c1", T0.AddHours(1)));
            s.Add(Activity("a1", "c1", T0.AddHours(1)));
            s.Add(Activity("a0", "c10", T0));
            s.Add(BareOrder("o2", "c2", T0));
            s.Add(BareOrder("o1", "c2", T0));
            s.Add(BareOrder("o0", "c1", T0.AddDays(1)));
            s.Add(Customer("c2"));
            s.Add(Customer("c10"));
            s.Add(Customer("c1"));
        });

        Assert.Equal(["a1", "a2", "a3", "a0", "a9"], store.Activities().Select(a => a.Id));
        Assert.Equal(["o0", "o1", "o2"], store.Orders().Select(o => o.Id));
        Assert.Equal(["c1", "c10", "c2"], store.Customers().Select(c => c.Id));
    }

    [Fact]
    public void Reads_CustomerFilter_ReturnOnlyThatCustomer()
    {
        var store = NewStore();
        Import(store, s =>
        {
            foreach (var c in new[] { "c1", "c2" })
            {
                s.Add(Customer(c));
                s.Add(Order("o-" + c, c, T0));
                s.Add(Subscription("s-" + c, c, T0));
                s.Add(Activity("a-" + c, c, T0));
                s.Add(Ticket("t-" + c, c, T0));
                s.Add(Survey("v-" + c, c, T0));
                s.Add(Touch("h-" + c, c, T0));
                s.Add(ChurnEvent("x-" + c, c, T0));
            }
        });

        Assert.Equal("c2", Assert.Single(store.Customers("c2")).Id);
        Assert.Equal("o-c2", Assert.Single(store.Orders("c2")).Id);
        Assert.Equal(2, Assert.Single(store.Orders("c2")).Lines.Count);
        Assert.Equal("s-c2", Assert.Single(store.Subscriptions("c2")).Id);
        Assert.Equal("a-c2", Assert.Single(store.Activities("c2")).Id);
        Assert.Equal("t-c2", Assert.Single(store.Tickets("c2")).Id);
        Assert.Equal("v-c2", Assert.Single(store.Surveys("c2")).Id);
        Assert.Equal("h-c2", Assert.Single(store.Touches("c2")).Id);
        Assert.Equal("x-c2", Assert.Single(store.ChurnEvents("c2")).Id);
        Assert.Empty(store.Activities("nobody"));
        Assert.Equal(2, store.Activities().Count());
    }

    [Fact]
    public void Reads_FiftyThousandActivities_StreamBackInOrder()
    {
        const int count = 50_000;
        var store = NewStore();
        var written = Enumerable.Range(0, count)
            .Select(i => Activity($"a{i:D6}", $"c{i % 97:D3}", T0.AddSeconds(i * 7 % 86_400), ActivityTypes.BuiltIn[i % 5],
                i % 3 == 0 ? null : $"/p/{i % 11}", i % 2 == 0 ? i / 4.0 : null))
            .ToList();

        var counts = Import(store, s => written.ForEach(s.Add));

        Assert.Equal(count, counts.Inserted[EntityKind.Activities]);
        var expected = written
            .OrderBy(a => a.CustomerId, StringComparer.Ordinal)
            .ThenBy(a => a.OccurredAt)
            .ThenBy(a => a.Id, StringComparer.Ordinal);
        Assert.Equal(expected, store.Activities());
        Assert.Equal(written.Count(a => a.CustomerId == "c042"), store.Activities("c042").Count());

        var again = Import(store, s =>
        {
            written.ForEach(s.Add);
            s.Add(Activity("new1", "c001", T0));
            s.Add(Activity("new2", "c001", T0));
        });
        Assert.Equal((2L, 0L, (long)count), (again.Inserted[EntityKind.Activities], again.Updated[EntityKind.Activities],
            again.Unchanged[EntityKind.Activities]));
    }

    [Fact]
    public void BeginImport_BeforeCommit_NothingIsVisible()
    {
        var store = NewStore();
        using var session = store.BeginImport();
        session.Add(Customer("c1"));
        session.Add(Activity("a1", "c1", T0));

        Assert.Empty(store.Customers());
        Assert.Empty(store.Activities());

        session.Commit();
        Assert.Single(store.Activities());
    }
}
