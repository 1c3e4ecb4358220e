using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Scoring;

namespace Kizuki.Tests.Scoring;

public sealed class ChurnScorerTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Four customers: a subscriber, a lapsed subscriber who still orders, a recent buyer, one with nothing known.</summary>
    private static FeatureTable Table()
    {
        FeatureDefinition Number(string name) => new(name, name, name, BusinessField.Purchases, FeatureKind.Numeric, "", "");
        var definitions = new[]
        {
            Number(ChurnScorer.RunningSubscriptionFeature),
            Number(ChurnScorer.MonthlyRecurringFeature),
            Number(ChurnScorer.RecentOrdersFeature),
            Number(ChurnScorer.RecentSpendFeature),
            new FeatureDefinition("plan", "plan", "plan", BusinessField.Subscription, FeatureKind.Categorical, "", ""),
        };
        double[]?[] numbers =
        [
            [1, 0, 0, double.NaN],
            [10_000, 5_000, double.NaN, double.NaN],
            [0, 3, 2, 0],
            [0, 120_000, 50_000, double.NaN],
            null,
        ];
        string?[]?[] categories = [null, null, null, null, ["pro", "lite", null, null]];
        return new FeatureTable(AsOf, definitions, ["c1", "c2", "c3", "c4"], numbers, categories, eventsRead: 0);
    }

    [Fact]
    public void ActiveRows_Contractual_OnlyRunningSubscriptions()
    {
        Assert.Equal([0], ChurnScorer.ActiveRows(Table(), "contractual"));
    }

    [Fact]
    public void ActiveRows_NonContractual_OnlyOrdersInTheLastYear()
    {
        Assert.Equal([1, 2], ChurnScorer.ActiveRows(Table(), "nonContractual"));
    }

    [Fact]
    public void RevenueBase_Contractual_IsTwelveMonthsOfRecurringAmountAndZeroWhenUnknown()
    {
        Assert.Equal([120_000.0, 60_000, 0, 0], ChurnScorer.RevenueBase(Table(), "contractual"));
    }

    [Fact]
    public void RevenueBase_NonContractual_IsSpendInTheLastYear()
    {
        Assert.Equal([0.0, 120_000, 50_000, 0], ChurnScorer.RevenueBase(Table(), "nonContractual"));
    }

    [Theory]
    [InlineData(0.25, 120_000.0, 30_000)]
    [InlineData(0.123456, 10_000.0, 1_235)]
    [InlineData(0.0, 99_999.0, 0)]
    [InlineData(0.5, 0.0, 0)]
    [InlineData(0.5, double.NaN, 0)]
    public void RevenueAtRisk_ProbabilityTimesRevenue_RoundedToWholeUnits(double probability, double revenue, int expected) =>
        Assert.Equal(expected, ChurnScorer.RevenueAtRisk(probability, revenue));
}
