using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.History;
using Kizuki.Features.Live;

namespace Kizuki.Tests.Features.Live;

public sealed class LiveFeatureEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static Order Order(string id, double daysAfterT0, decimal amount) =>
        new(id, "K1", T0.AddDays(daysAfterT0), Money.Yen(amount), OrderStatus.Completed, false, Kizuki.Domain.Order.NoLines);

    [Fact]
    public void Apply_OrdersOutOfOrderWithinLateness_GiveTheSameFeaturesAsInOrder()
    {
        var context = new FeatureContext(new FeatureSettings());
        var inOrder = new LiveFeatureEvaluator(context);
        var shuffled = new LiveFeatureEvaluator(context);
        var orders = Enumerable.Range(0, 40).Select(i => Order($"O{i}", i * 3.5, 1000 + i)).ToList();
        foreach (var o in orders)
        {
            inOrder.Apply(o);
        }

        // swap neighbours: each arrives at most a few days late
        for (var i = 0; i + 1 < orders.Count; i += 2)
        {
            Assert.True(shuffled.Apply(orders[i + 1]));
            Assert.True(shuffled.Apply(orders[i]));
        }

        var asOf = T0.AddDays(150);
        Assert.Equal(inOrder.Evaluate("K1", asOf).Numbers, shuffled.Evaluate("K1", asOf).Numbers);
    }

    [Fact]
    public void Apply_EventLaterThanLateness_IsRefusedAndCounted()
    {
        var live = new LiveFeatureEvaluator(new FeatureContext(new FeatureSettings { LatenessDays = 7 }));
        Assert.True(live.Apply(Order("O1", 30, 100)));
        Assert.True(live.Apply(Order("O2", 23, 100)));
        Assert.False(live.Apply(Order("O3", 22.9, 100)));
        Assert.Equal(1, live.RefusedLate);
    }

    [Fact]
    public void Apply_TicketClosedLater_ReplacesTheOpenVersion()
    {
        var context = new FeatureContext(new FeatureSettings());
        var live = new LiveFeatureEvaluator(context);
        var open = new Ticket("T1", "K1", T0, null, TicketChannel.Mail, "s", "b", TicketStatus.Open, null);
        live.Apply(open);
        live.Apply(open with { ClosedAt = T0.AddDays(2), Status = TicketStatus.Closed, Satisfaction = 2 });
        Assert.Equal(1, live.History("K1").Tickets.Count);
        Assert.Equal(2, live.History("K1").Tickets[0].Satisfaction);
    }

    [Fact]
    public void Apply_YearsOfEvents_MemoryStaysWithinRetention()
    {
        var live = new LiveFeatureEvaluator(new FeatureContext(new FeatureSettings { RetentionDays = 800 }));
        for (var day = 0; day < 3000; day++)
        {
            live.Apply(new Activity($"A{day}", "K1", T0.AddDays(day), ActivityTypes.Login, null, null));
        }

        var kept = live.History("K1").Activities;
        Assert.InRange(kept.Count, 800, 800 + 31);
        Assert.True(kept.TimeAt(0) >= Millis.Of(T0.AddDays(2999 - 800 - 31)));
    }

    [Fact]
    public void Evaluate_UnknownCustomer_GivesTheFeaturesOfAnEmptyHistory()
    {
        var context = new FeatureContext(new FeatureSettings());
        var live = new LiveFeatureEvaluator(context);
        var values = live.Evaluate("nobody", T0);
        Assert.Equal(context.Catalog.Count, values.Numbers.Length);
        Assert.Equal(0, live.CustomerCount);
    }
}
