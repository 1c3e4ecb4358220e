using Kizuki.Features.History;
using Kizuki.Features.Labels;
using static Kizuki.Tests.Features.Labels.LabelHistories;

namespace Kizuki.Tests.Features.Labels;

public sealed partial class LabelBuilderTests
{
    private static readonly LabelBuilder Contract = new(new ChurnDefinition { Kind = ChurnKind.Contractual });
    private static readonly LabelBuilder Purchase = new(new ChurnDefinition { Kind = ChurnKind.NonContractual });

    [Fact]
    public void Constructor_AutoKind_ThrowsNamingResolve()
    {
        var e = Assert.Throws<ArgumentException>(() => new LabelBuilder(new ChurnDefinition()));
        Assert.Contains("Resolve", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidDefinition_ThrowsNamingSetting()
    {
        var e = Assert.Throws<InvalidDataException>(() => new LabelBuilder(new ChurnDefinition { Kind = ChurnKind.Contractual, WindowDays = 0 }));
        Assert.Contains("windowDays", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_ContractRunningThroughWindow_Stays()
    {
        var label = Contract.Label(Customer().Subscribed(-100), T);

        Assert.Equal(new ChurnLabel(false, null), label);
        Assert.Equal(0, label!.Value.Value);
    }

    [Fact]
    public void Label_ContractEndsInsideWindow_ChurnsAtItsEnd()
    {
        var label = Contract.Label(Customer().Subscribed(-100, 30), T);

        Assert.Equal(ChurnLabel.ChurnedOn(Day(30)), label);
        Assert.Equal(1, label!.Value.Value);
    }

    [Fact]
    public void Label_ContractEndsAtWindowEnd_StaysBecauseItRunsAtTPlusWindow()
    {
        Assert.Equal(ChurnLabel.Stayed, Contract.Label(Customer().Subscribed(-100, 90), T));
        var endsJustBefore = Customer();
        endsJustBefore.Subscriptions.Add(new SubscriptionEvent(Day(-100), Day(90) - 1, 3000, 1, 1, "basic"));

        Assert.Equal(ChurnLabel.ChurnedOn(Day(90) - 1), Contract.Label(endsJustBefore, T));
    }

    [Fact]
    public void Label_ContractEndsExactlyAtCutoff_EligibleAndChurnedAtCutoff()
    {
        Assert.Equal(ChurnLabel.ChurnedOn(T), Contract.Label(Customer().Subscribed(-100, 0), T));
    }

    [Fact]
    public void Label_RenewalStartsBeforeOldEnds_Stays()
    {
        var history = Customer().Subscribed(-300, 30, "basic").Subscribed(20, null, "basic");

        Assert.Equal(ChurnLabel.Stayed, Contract.Label(history, T));
    }

    [Fact]
    public void Label_ChainOfRenewalsCoveringWindow_Stays()
    {
        var history = Customer().Subscribed(-300, 10).Subscribed(10, 50).Subscribed(50);

        Assert.Equal(ChurnLabel.Stayed, Contract.Label(history, T));
    }

    [Fact]
    public void Label_RenewalNextDay_StaysWithDefaultGraceAndChurnsWithoutGrace()
    {
        var history = Customer().Subscribed(-300, 30).Subscribed(31);
        var strict = new LabelBuilder(new ChurnDefinition { Kind = ChurnKind.Contractual, RenewalGraceDays = 0 });

        Assert.Equal(ChurnLabel.Stayed, Contract.Label(history, T));
        Assert.Equal(ChurnLabel.ChurnedOn(Day(30)), strict.Label(history, T));
    }

    [Fact]
    public void Label_NewContractAfterGap_ChurnsWhenTheFirstEnds()
    {
        var history = Customer().Subscribed(-300, 30).Subscribed(45);

        Assert.Equal(ChurnLabel.ChurnedOn(Day(30)), Contract.Label(history, T));
    }

    [Fact]
    public void Label_RenewalStartingAtWindowEnd_IsNotSeenAndContractChurns()
    {
        var history = Customer().Subscribed(-300, 89.5).Subscribed(90);

        Assert.Equal(ChurnLabel.ChurnedOn(Day(89.5)), Contract.Label(history, T));
    }

    [Fact]
    public void Label_OverlappingContracts_ChurnOnlyWhenTheLastEnds()
    {
        Assert.Equal(ChurnLabel.ChurnedOn(Day(60)), Contract.Label(Customer().Subscribed(-300, 20).Subscribed(-200, 60), T));
        Assert.Equal(ChurnLabel.Stayed, Contract.Label(Customer().Subscribed(-300, 20).Subscribed(-200), T));
    }

    [Fact]
    public void Label_ContractEndedBeforeCutoff_AlreadyGoneAndExcluded()
    {
        Assert.Null(Contract.Label(Customer().Subscribed(-300, -10), T));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    public void Label_ContractStartsAtOrAfterCutoff_NotYetCustomerAndExcluded(double startDay)
    {
        Assert.Null(Contract.Label(Customer().Subscribed(startDay), T));
    }

    [Fact]
    public void Label_NoContractAtAll_Excluded()
    {
        Assert.Null(Contract.Label(Customer().Ordered(-10), T));
    }

    [Fact]
    public void Label_CancellationRecordedInsideWindow_ChurnsAtTheMark()
    {
        Assert.Equal(ChurnLabel.ChurnedOn(Day(15)), Contract.Label(Customer().Subscribed(-300).Cancelled(15), T));
        Assert.Equal(ChurnLabel.ChurnedOn(Day(15)), Contract.Label(Customer().Subscribed(-300, 40).Cancelled(15), T));
        Assert.Equal(ChurnLabel.ChurnedOn(Day(40)), Contract.Label(Customer().Subscribed(-300, 40).Cancelled(70), T));
    }

    [Fact]
    public void Label_CancellationRecordedAtWindowEnd_Stays()
    {
        Assert.Equal(ChurnLabel.Stayed, Contract.Label(Customer().Subscribed(-300).Cancelled(90), T));
    }

    [Fact]
    public void Label_CancellationRecordedBeforeCutoff_GoneUnlessAContractStartedAfterIt()
    {
        Assert.Null(Contract.Label(Customer().Subscribed(-300).Cancelled(-5), T));
        Assert.Equal(ChurnLabel.Stayed, Contract.Label(Customer().Subscribed(-300, -50).Cancelled(-40).Subscribed(-20), T));
    }
}
