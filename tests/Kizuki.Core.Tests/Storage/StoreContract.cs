using Kizuki.Domain;
using Kizuki.Storage;
using static Kizuki.Tests.Storage.StoreSamples;

namespace Kizuki.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IStore"/> must show; each engine's test class derives from this one.
/// Every test works on a fresh, empty database.
/// </summary>
public abstract partial class StoreContract : IDisposable
{
    private readonly List<IStore> opened = [];

    /// <summary>Opens a store on a fresh, empty database, without migrating it.</summary>
    private protected abstract IStore OpenUnmigrated();

    /// <summary>The schema version this program brings the engine's database to.</summary>
    private protected abstract int LatestVersion { get; }

    /// <summary>Opens the same database again, as a second process would.</summary>
    private protected abstract IStore Reopen();

    public void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        DisposeDatabase();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes the database after the test.</summary>
    private protected abstract void DisposeDatabase();

    private protected IStore NewStore()
    {
        var store = Track(OpenUnmigrated());
        store.Migrate();
        return store;
    }

    private protected IStore Track(IStore store)
    {
        opened.Add(store);
        return store;
    }

    private static WriteCounts Import(IStore store, Action<IImportSession> add)
    {
        using var session = store.BeginImport();
        add(session);
        return session.Commit();
    }

    [Fact]
    public void Migrate_FreshDatabase_ReachesLatestVersion()
    {
        using var store = OpenUnmigrated();
        Assert.Equal(0, store.SchemaVersion);

        store.Migrate();

        Assert.Equal(LatestVersion, store.SchemaVersion);
    }

    [Fact]
    public void Migrate_Twice_ChangesNothingAndKeepsData()
    {
        var store = NewStore();
        Import(store, s => s.Add(Customer("c1")));

        store.Migrate();
        using var again = Reopen();
        again.Migrate();

        Assert.Equal(LatestVersion, again.SchemaVersion);
        Assert.Single(again.Customers());
    }

    [Fact]
    public void Customers_RoundTrip_ReturnEveryField()
    {
        var store = NewStore();
        var full = Customer("c1") with { SignupAt = T0InTokyo };
        var bare = BareCustomer("c2");

        Import(store, s =>
        {
            s.Add(full);
            s.Add(bare);
        });

        var read = store.Customers().ToList();
        Assert.Equal(2, read.Count);
        StoreAssert.Equal(full, read[0]);
        StoreAssert.Equal(bare, read[1]);
        Assert.Empty(read[1].Attributes);
    }

    [Fact]
    public void Orders_RoundTrip_ReturnEveryFieldWithLinesAndExactAmounts()
    {
        var store = NewStore();
        var withLines = Order("o1", "c1", T0InTokyo);
        var bare = BareOrder("o2", "c1", T0.AddDays(1), 1234.50m);
        var separate = BareOrder("o3", "c1", T0.AddDays(2), 0.01m);

        Import(store, s =>
        {
            s.Add(withLines);
            s.Add(bare);
            s.Add(separate);
            s.AddLine("o3", 2, new OrderLine("B", null, 3m, 1.10m));
            s.AddLine("o3", 1, new OrderLine("A", "飲料", 1.5m, 99999999999.99m));
        });

        var read = store.Orders().ToList();
        var expectedSeparate = separate with { Lines = [new("A", "飲料", 1.5m, 99999999999.99m), new("B", null, 3m, 1.10m)] };
        StoreAssert.Equal([withLines, bare, expectedSeparate], read);
        StoreAssert.Exact(1234.56m, read[0].Amount.Amount);
        StoreAssert.Exact(1234.50m, read[1].Amount.Amount);
        StoreAssert.Exact(500.25m, read[0].Lines[0].UnitPrice!.Value);
        Assert.Empty(read[1].Lines);
    }

    [Fact]
    public void Subscriptions_RoundTrip_ReturnEveryField()
    {
        var store = NewStore();
        var full = Subscription("s1", "c1", T0InTokyo);
        var bare = BareSubscription("s2", "c1", T0.AddDays(1));

        Import(store, s =>
        {
            s.Add(bare);
            s.Add(full);
        });

        Assert.Equal([full, bare], store.Subscriptions());
        StoreAssert.Exact(49.99m, store.Subscriptions().First().RecurringAmount.Amount);
        Assert.All(store.Subscriptions(), s => Assert.Equal(TimeSpan.Zero, s.StartedAt.Offset));
    }

    [Fact]
    public void Activities_RoundTrip_ReturnEveryField()
    {
        var store = NewStore();
        var full = Activity("a1", "c1", T0InTokyo);
        var bare = Activity("a2", "c1", T0.AddMinutes(1), ActivityTypes.Login, null, null);

        Import(store, s =>
        {
            s.Add(bare);
            s.Add(full);
        });

        Assert.Equal([full, bare], store.Activities());
        Assert.Equal(TimeSpan.Zero, store.Activities().First().OccurredAt.Offset);
    }

    [Fact]
    public void Tickets_RoundTrip_ReturnEveryField()
    {
        var store = NewStore();
        var full = Ticket("t1", "c1", T0);
        var bare = BareTicket("t2", "c1", T0.AddDays(1));

        Import(store, s =>
        {
            s.Add(full);
            s.Add(bare);
        });

        Assert.Equal([full, bare], store.Tickets());
    }

    [Fact]
    public void SurveysTouchesChurnEvents_RoundTrip_ReturnEveryField()
    {
        var store = NewStore();
        var survey = Survey("v1", "c1", T0);
        var csat = new SurveyResponse("v2", "c1", T0.AddDays(1), SurveyKind.Csat, 5, null);
        var touch = Touch("h1", "c1", T0);
        var contacted = Touch("h2", "c1", T0.AddDays(1), isControl: false);
        var churn = ChurnEvent("x1", "c1", T0);
        var silent = new ChurnEvent("x2", "c1", T0.AddDays(1), null, null);

        Import(store, s =>
        {
            s.Add(csat);
            s.Add(survey);
            s.Add(contacted);
            s.Add(touch);
            s.Add(silent);
            s.Add(churn);
        });

        Assert.Equal([survey, csat], store.Surveys());
        Assert.Equal([touch, contacted], store.Touches());
        Assert.Equal([churn, silent], store.ChurnEvents());
    }

    [Fact]
    public void Times_SubMillisecond_AreKeptToTheMillisecondInUtc()
    {
        var store = NewStore();
        var precise = new DateTimeOffset(2024, 4, 1, 9, 30, 15, 123, TimeSpan.FromHours(9)).AddTicks(4567);

        Import(store, s => s.Add(Activity("a1", "c1", precise)));

        var read = Assert.Single(store.Activities()).OccurredAt;
        Assert.Equal(new DateTimeOffset(2024, 4, 1, 0, 30, 15, 123, TimeSpan.Zero), read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }
}
