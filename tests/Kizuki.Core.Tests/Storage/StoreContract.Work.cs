using Kizuki.Domain;
using Kizuki.Storage;
using static Kizuki.Tests.Storage.StoreSamples;

namespace Kizuki.Tests.Storage;

/// <summary>The work store (alerts, alert state, tasks) on each engine: the same database as the store.</summary>
public abstract partial class StoreContract
{
    private IWorkStore NewWorkStore(out IStore store)
    {
        store = NewStore();
        // The test cluster trusts local connections, so the password-free location is a working URL.
        return WorkStores.For(store, store.Engine == StoreEngine.Postgres ? store.Location : null);
    }

    [Fact]
    public void Raise_NewAlerts_OpensOneTaskEachAndIgnoresRepeats()
    {
        using var work = NewWorkStore(out _);
        var alert = new StoredAlert(StoredAlert.IdOf("c1", "quiet", T0), "quiet", "c1", "high", T0, 0.7, "login_frequency", "{}", false);

        var first = work.Raise([alert], T0);
        var again = work.Raise([alert], T0.AddMinutes(1));

        var task = Assert.Single(first);
        Assert.Empty(again);
        Assert.Equal(WorkTaskStatus.Open, task.Status);
        Assert.Equal("c1", task.CustomerId);
        Assert.Equal(alert, Assert.Single(work.Alerts(T0.AddDays(-1), 10)));
        Assert.Equal(T0, work.LastFired("quiet", "c1"));
    }

    [Fact]
    public void TryFire_InsideCooldown_RefusesAndOutsideFires()
    {
        using var work = NewWorkStore(out _);

        Assert.True(work.TryFire("r", "c1", T0, TimeSpan.FromDays(7)));
        Assert.False(work.TryFire("r", "c1", T0.AddDays(3), TimeSpan.FromDays(7)));
        Assert.True(work.TryFire("r", "c1", T0.AddDays(8), TimeSpan.FromDays(7)));
        Assert.Equal(T0.AddDays(8), work.LastFired("r", "c1"));
    }

    [Fact]
    public void Update_SavedWithNote_BecomesTrainingOutcome()
    {
        using var work = NewWorkStore(out _);
        var opened = work.Raise([new StoredAlert(StoredAlert.IdOf("c2", "r", T0), "r", "c2", "medium", T0, null, null, null, true)], T0);
        var id = Assert.Single(opened).Id;

        var updated = work.Update(id, new WorkTaskChange(WorkTaskStatus.Saved, "sato", "電話で解決"), "sato", T0.AddDays(1));

        Assert.NotNull(updated);
        Assert.Equal(WorkTaskStatus.Saved, updated.Status);
        Assert.Equal("sato", updated.Owner);
        Assert.Contains("電話で解決", updated.Notes, StringComparison.Ordinal);
        Assert.Null(work.Update(id + 999, new WorkTaskChange(WorkTaskStatus.Lost), "sato", T0));
        var outcome = Assert.Single(work.Outcomes());
        Assert.False(outcome.Churned);
        Assert.Equal("c2", outcome.CustomerId);
        Assert.Single(work.Tasks(WorkTaskStatus.Saved, "sato"));
        Assert.Empty(work.Tasks(WorkTaskStatus.Open));
    }

    [Fact]
    public void Known_StoredAndUnknownIds_ReturnsOnlyStored()
    {
        using var work = NewWorkStore(out var store);
        Import(store, s => s.Add(Activity("a1", "c1", T0)));

        var known = ((IEventLedger)work).Known(EntityKind.Activities, ["a1", "a2"]);

        Assert.Equal(["a1"], known);
    }
}
