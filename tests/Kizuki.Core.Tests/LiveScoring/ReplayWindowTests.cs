using Kizuki.Domain;
using Kizuki.LiveScoring;
using Kizuki.Storage;

namespace Kizuki.Tests.LiveScoring;

/// <summary>A replayed window is point-in-time honest: nothing after its start is known before it.</summary>
public sealed class ReplayWindowTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2026, 10, 29, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = From.AddDays(3);
    private readonly string directory = Directory.CreateTempSubdirectory("kizuki-replay-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private ReplayWindow Read()
    {
        using var store = StoreFactory.Open(directory);
        store.Migrate();
        using (var session = store.BeginImport())
        {
            session.Add(new Customer("old", "古い顧客", From.AddDays(-400), CustomerSegment.Unknown, Customer.NoAttributes));
            session.Add(new Customer("new", "新しい顧客", From.AddDays(1), CustomerSegment.Unknown, Customer.NoAttributes));
            // Ended inside the window: running before it, its end an event.
            session.Add(new Subscription("S1", "old", "pro", From.AddDays(-300), null, From.AddDays(2), Money.Yen(5000), 1, 3, "price", "rival"));
            // Ended before the window: history as stored.
            session.Add(new Subscription("S0", "old", "basic", From.AddDays(-390), null, From.AddDays(-301), Money.Yen(3000), 1, 1, null, null));
            // Opened and closed inside the window: two events.
            session.Add(new Ticket("T1", "old", From.AddHours(5), From.AddHours(30), TicketChannel.Mail, "件名", "本文", TicketStatus.Closed, 2));
            // Opened before, closed after the window: open in the history, nothing in the window.
            session.Add(new Ticket("T2", "old", From.AddDays(-1), Until.AddDays(1), TicketChannel.Chat, "件名", "本文", TicketStatus.Closed, 5));
            session.Add(new Activity("A0", "old", From.AddDays(-2), ActivityTypes.Login, null, null));
            session.Add(new Activity("A1", "new", From.AddDays(1).AddHours(1), ActivityTypes.Login, null, null));
            session.Add(new Activity("A2", "old", Until.AddHours(1), ActivityTypes.Login, null, null));
            session.Add(new Touch("X0", "old", From.AddDays(-10), "winback", "email", false));
            session.Commit();
        }

        return ReplayWindow.Read(store, From, Until);
    }

    [Fact]
    public void Read_ContractEndingInWindow_RunsInHistoryAndEndsAsEvent()
    {
        var window = Read();

        var before = window.History.OfType<Subscription>().Single(s => s.Id == "S1");
        var after = window.Events.OfType<Subscription>().Single(s => s.Id == "S1");
        Assert.Null(before.EndedAt);
        Assert.Null(before.CancellationReason);
        Assert.Equal(From.AddDays(2), after.EndedAt);
        Assert.Equal("price", after.CancellationReason);
        Assert.Equal(From.AddDays(-301), window.History.OfType<Subscription>().Single(s => s.Id == "S0").EndedAt);
    }

    [Fact]
    public void Read_TicketsChangingInWindow_OpenFirstAndCloseAsEvents()
    {
        var window = Read();

        var t1 = window.Events.OfType<Ticket>().Where(t => t.Id == "T1").ToList();
        Assert.Equal([null, From.AddHours(30)], t1.Select(t => t.ClosedAt));
        Assert.Equal([TicketStatus.Open, TicketStatus.Closed], t1.Select(t => t.Status));
        var t2 = Assert.Single(window.History.OfType<Ticket>());
        Assert.Equal(("T2", (DateTimeOffset?)null, (int?)null), (t2.Id, t2.ClosedAt, t2.Satisfaction));
        Assert.DoesNotContain(window.Events.OfType<Ticket>(), t => t.Id == "T2");
    }

    [Fact]
    public void Read_Window_HoldsOnlyItsEventsInTimeOrderWithSignupsAsEvents()
    {
        var window = Read();

        Assert.Equal(["new"], window.Events.OfType<Customer>().Select(c => c.Id));
        Assert.Equal(["old"], window.History.OfType<Customer>().Select(c => c.Id));
        Assert.Equal(["A1"], window.Events.OfType<Activity>().Select(a => a.Id));
        Assert.Contains(window.History, r => r is Touch { Id: "X0" });
        Assert.All(window.Events, r => Assert.InRange(LiveEvents.TimeOf(r), From, Until.AddTicks(-1)));
        Assert.All(window.History.Where(r => r is not Customer), r => Assert.True(LiveEvents.TimeOf(r) < From));
        var times = window.Events.Select(LiveEvents.TimeOf).ToList();
        Assert.Equal(times.Order(), times);
        Assert.True(window.Events.ToList().FindIndex(r => r is Customer) < window.Events.ToList().FindIndex(r => r is Activity));
    }
}
