using Kizuki.Domain;
using Kizuki.Features.Labels;
using static Kizuki.Tests.Features.Labels.LabelHistories;

namespace Kizuki.Tests.Features.Labels;

public sealed partial class LabelBuilderTests
{
    [Fact]
    public void Label_OrderedBeforeAndInsideWindow_Stays()
    {
        Assert.Equal(ChurnLabel.Stayed, Purchase.Label(Customer().Ordered(-20).Ordered(40), T));
    }

    [Fact]
    public void Label_NoOrderInsideWindow_ChurnsAtCutoffPlusInactiveDays()
    {
        Assert.Equal(ChurnLabel.ChurnedOn(Day(90)), Purchase.Label(Customer().Ordered(-20), T));
    }

    [Fact]
    public void Label_OrderExactlyAtCutoff_CountsAndOrderAtWindowEndDoesNot()
    {
        Assert.Equal(ChurnLabel.Stayed, Purchase.Label(Customer().Ordered(-20).Ordered(0), T));
        Assert.Equal(ChurnLabel.ChurnedOn(Day(90)), Purchase.Label(Customer().Ordered(-20).Ordered(90), T));
    }

    [Fact]
    public void Label_ShorterInactiveSpan_OrderAfterItDoesNotSave()
    {
        var builder = new LabelBuilder(new ChurnDefinition { Kind = ChurnKind.NonContractual, InactiveDays = 30 });

        Assert.Equal(ChurnLabel.ChurnedOn(Day(30)), builder.Label(Customer().Ordered(-20).Ordered(45), T));
        Assert.Equal(ChurnLabel.Stayed, builder.Label(Customer().Ordered(-20).Ordered(29), T));
    }

    [Fact]
    public void Label_NeverOrderedBeforeCutoff_NotYetCustomerAndExcluded()
    {
        Assert.Null(Purchase.Label(Customer().Ordered(10), T));
        Assert.Null(Purchase.Label(Customer(), T));
    }

    [Fact]
    public void Label_LastOrderOlderThanGoneAfterDays_AlreadyGoneAndExcluded()
    {
        Assert.Null(Purchase.Label(Customer().Ordered(-366).Ordered(10), T));
        Assert.Equal(ChurnLabel.Stayed, Purchase.Label(Customer().Ordered(-365).Ordered(10), T));
    }

    [Fact]
    public void Label_ShorterGoneAfterDays_ExcludesEarlier()
    {
        var builder = new LabelBuilder(new ChurnDefinition { Kind = ChurnKind.NonContractual, GoneAfterDays = 180 });

        Assert.Null(builder.Label(Customer().Ordered(-200), T));
        Assert.NotNull(builder.Label(Customer().Ordered(-170), T));
    }

    [Fact]
    public void Label_OnlyCancelledOrReturnedOrders_CountForNothing()
    {
        Assert.Null(Purchase.Label(Customer().Ordered(-20, OrderStatus.Cancelled).Ordered(-10, OrderStatus.Returned), T));
        Assert.Equal(
            ChurnLabel.ChurnedOn(Day(90)),
            Purchase.Label(Customer().Ordered(-20).Ordered(-10, OrderStatus.Returned).Ordered(10, OrderStatus.Cancelled), T));
    }

    [Fact]
    public void Label_NonContractualCancellationInsideWindow_ChurnsAtTheMarkEvenAfterOrders()
    {
        Assert.Equal(ChurnLabel.ChurnedOn(Day(50)), Purchase.Label(Customer().Ordered(-20).Ordered(10).Cancelled(50), T));
        Assert.Equal(ChurnLabel.ChurnedOn(Day(60)), Purchase.Label(Customer().Ordered(-20).Cancelled(60), T));
    }

    [Fact]
    public void Label_NonContractualCancellationBeforeCutoff_GoneUnlessOrderedAfterIt()
    {
        Assert.Null(Purchase.Label(Customer().Ordered(-20).Cancelled(-10).Ordered(5), T));
        Assert.Equal(ChurnLabel.Stayed, Purchase.Label(Customer().Ordered(-40).Cancelled(-30).Ordered(-10).Ordered(5), T));
    }

    [Fact]
    public void Label_NonContractualIgnoresSubscriptions()
    {
        Assert.Null(Purchase.Label(Customer().Subscribed(-100), T));
    }
}
