using Kizuki.Lifetime;

namespace Kizuki.Tests.Lifetime;

public sealed class CustomerValueTests
{
    private static readonly BgNbdModel Model = new(0.243, 4.414, 0.793, 2.426, 0, TimePeriod.Week);
    private static readonly GammaGammaModel Spend = new(6.25, 3.74, 15.44, 0);
    private static readonly CustomerSummary Customer = new("1", 2, 30.43, 38.86, 20, default);

    [Fact]
    public void Clv_NoDiscount_IsExpectedPurchasesTimesExpectedSpend()
    {
        var clv = CustomerValue.Clv(Model, Spend, Customer, new ClvOptions(HorizonDays: 273, StepDays: 7, DiscountRate: 0));
        var expected = Model.ConditionalExpectedPurchases(39, 2, 30.43, 38.86) * Spend.ExpectedSpend(2, 20);
        Assert.Equal(expected, clv, 9);
    }

    [Fact]
    public void Clv_HigherDiscountRate_IsLower()
    {
        var low = CustomerValue.Clv(Model, Spend, Customer, new ClvOptions(DiscountRate: 0.01));
        var high = CustomerValue.Clv(Model, Spend, Customer, new ClvOptions(DiscountRate: 0.05));
        Assert.True(high < low);
        Assert.True(high > 0);
    }

    [Fact]
    public void Validate_DiscountRateOutOfRange_NamesTheOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ClvOptions(DiscountRate: 1.5).Validate());
        Assert.Equal("DiscountRate", error.ParamName);
    }
}
