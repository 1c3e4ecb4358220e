using Kizuki.Domain;
using Kizuki.Features.History;
using Kizuki.Features.Labels;
using static Kizuki.Tests.Features.Labels.LabelHistories;

namespace Kizuki.Tests.Features.Labels;

public sealed partial class LeakageProofTests
{
    private static readonly LabelBuilder Contract = new(new ChurnDefinition { Kind = ChurnKind.Contractual });
    private static readonly LabelBuilder Purchase = new(new ChurnDefinition { Kind = ChurnKind.NonContractual });

    /// <summary>Contract histories at T, each with what happens after T + 90 days planted in some way.</summary>
    public static TheoryData<string> AfterWindowPlants => new() { "renewal", "new contract", "cancellation", "order", "end after window" };

    [Theory]
    [MemberData(nameof(AfterWindowPlants))]
    public void Label_ContractEventsAfterWindow_ChangeNoLabel(string plant)
    {
        static CustomerHistory Churning() => Customer().Subscribed(-300, 30).Ordered(-5);
        static CustomerHistory Staying() => Customer().Subscribed(-300).Ordered(-5);

        var churning = Plant(Churning(), plant);
        var staying = Plant(Staying(), plant, replacesRunning: true);

        Assert.Equal(Contract.Label(Churning(), T), Contract.Label(churning, T));
        Assert.Equal(Contract.Label(Staying(), T), Contract.Label(staying, T));
        Assert.Equal(Purchase.Label(Churning(), T), Purchase.Label(churning, T));
    }

    [Fact]
    public void Label_ContractEventsInsideWindow_ChangeTheLabel()
    {
        Assert.Equal(ChurnLabel.Stayed, Contract.Label(Customer().Subscribed(-300), T));
        Assert.Equal(ChurnLabel.ChurnedOn(Day(20)), Contract.Label(Customer().Subscribed(-300, 20), T));
        Assert.Equal(ChurnLabel.ChurnedOn(Day(10)), Contract.Label(Customer().Subscribed(-300).Cancelled(10), T));
        Assert.Equal(ChurnLabel.Stayed, Contract.Label(Customer().Subscribed(-300, 20).Subscribed(15), T));
    }

    [Theory]
    [InlineData(90)]
    [InlineData(90.5)]
    [InlineData(400)]
    public void Label_OrdersAfterWindow_ChangeNoLabel(double day)
    {
        var before = Purchase.Label(Customer().Ordered(-10), T);

        Assert.Equal(ChurnLabel.ChurnedOn(Day(90)), before);
        Assert.Equal(before, Purchase.Label(Customer().Ordered(-10).Ordered(day).Cancelled(day + 1), T));
        Assert.Equal(ChurnLabel.Stayed, Purchase.Label(Customer().Ordered(-10).Ordered(80).Cancelled(day), T));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(45)]
    [InlineData(89.9)]
    public void Label_OrderInsideWindow_ChangesTheLabel(double day)
    {
        Assert.Equal(ChurnLabel.Stayed, Purchase.Label(Customer().Ordered(-10).Ordered(day), T));
        Assert.Equal(ChurnLabel.ChurnedOn(Day(day)), Purchase.Label(Customer().Ordered(-10).Ordered(day).Cancelled(day), T));
    }

    private static CustomerHistory Plant(CustomerHistory history, string plant, bool replacesRunning = false)
    {
        switch (plant)
        {
            case "renewal":
                history.Subscribed(90, null, "renewed");
                break;
            case "new contract":
                history.Subscribed(200, 300, "later");
                break;
            case "cancellation":
                history.Cancelled(90).Cancelled(120);
                break;
            case "order":
                history.Ordered(90).Ordered(95, OrderStatus.Returned);
                break;
            case "end after window" when replacesRunning:
                // The running contract's later version: it ends after the window.
                var running = history.Subscriptions[0];
                history.Subscriptions.Clear();
                history.Subscriptions.Add(running with { End = Day(100) });
                break;
            case "end after window":
                history.Subscribed(95, 100, "after");
                break;
            default:
                throw new ArgumentException("unknown plant " + plant, nameof(plant));
        }

        return history;
    }
}
