using Kizuki.Features;
using Kizuki.Features.History;
using Kizuki.Features.Labels;
using static Kizuki.Tests.Features.Labels.LabelHistories;

namespace Kizuki.Tests.Features.Labels;

public sealed partial class TrainingSetBuilderTests
{
    private static readonly FeatureCatalog Catalog = new([new OrdersAndPlan()]);
    private static readonly ChurnDefinition Contract = new() { Kind = ChurnKind.Contractual };
    private static readonly long[] Cutoffs = [Day(0), Day(30), Day(60)];
    private static readonly long DataEnd = Day(150);

    /// <summary>Histories given out of id order: B churns at day 40, A stays, C starts at day 45, D is gone before day 0.</summary>
    private static CustomerHistory[] Histories() =>
    [
        Customer("B").Subscribed(-200, 40, "lite").Ordered(-10).Ordered(20),
        Customer("A").Subscribed(-100, null, "pro").Ordered(-50),
        Customer("C").Subscribed(45, null, "pro").Ordered(50),
        Customer("D").Subscribed(-300, -20),
    ];

    [Fact]
    public void Build_SeveralCutoffs_RowsOrderedByCutoffThenCustomer()
    {
        var set = new TrainingSetBuilder(Catalog, Contract).Build(Histories(), Cutoffs, DataEnd);

        Assert.Equal(new[] { "A", "B", "A", "B", "A", "C" }, set.CustomerIds);
        Assert.Equal(new[] { Day(0), Day(0), Day(30), Day(30), Day(60), Day(60) }, set.Cutoffs.ToArray());
    }

    [Fact]
    public void Build_LabelsAndChurnTimes_FollowTheDefinitionAtEachCutoff()
    {
        var set = new TrainingSetBuilder(Catalog, Contract).Build(Histories(), Cutoffs, DataEnd);

        Assert.Equal(new byte[] { 0, 1, 0, 1, 0, 0 }, set.Labels.ToArray());
        Assert.Equal(new[] { Millis.Never, Day(40), Millis.Never, Day(40), Millis.Never, Millis.Never }, set.ChurnedAt.ToArray());
    }

    [Fact]
    public void Build_Features_ComputedAtEachRowsCutoff()
    {
        var set = new TrainingSetBuilder(Catalog, Contract).Build(Histories(), Cutoffs, DataEnd);

        Assert.Equal(new[] { 1.0, 1, 1, 2, 1, 1 }, set.Numbers("orders_before").ToArray());
        Assert.Equal(new string?[] { "pro", "lite", "pro", "lite", "pro", "pro" }, set.Categories("plan").ToArray());
        Assert.Equal(set.Numbers(0).ToArray(), set.Numbers("orders_before").ToArray());
    }

    [Fact]
    public void Build_CountsPerCutoff_EligibleChurnedAndRate()
    {
        var set = new TrainingSetBuilder(Catalog, Contract).Build(Histories(), Cutoffs, DataEnd);

        Assert.Equal(
            new[] { new CutoffCounts(Day(0), 2, 1), new CutoffCounts(Day(30), 2, 1), new CutoffCounts(Day(60), 2, 0) },
            set.Counts);
        Assert.Equal(0.5, set.Counts[0].Rate);
        Assert.Equal(0.0, set.Counts[2].Rate);
        Assert.Equal(Contract, set.Definition);
    }

    [Fact]
    public void Build_CutoffWithNobodyEligible_ListedWithZeroAndUnknownRate()
    {
        var set = new TrainingSetBuilder(Catalog, Contract).Build(Histories(), [Day(-500), Day(0)], DataEnd);

        Assert.Equal(new CutoffCounts(Day(-500), 0, 0), set.Counts[0]);
        Assert.True(double.IsNaN(set.Counts[0].Rate));
        Assert.Equal(2, set.RowCount);
    }

    [Fact]
    public void Build_UnorderedAndRepeatedCutoffs_SortedAndCountedOnce()
    {
        var set = new TrainingSetBuilder(Catalog, Contract).Build(Histories(), [Day(60), Day(0), Day(60), Day(30)], DataEnd);

        Assert.Equal(Cutoffs, set.Counts.Select(c => c.Cutoff));
        Assert.Equal(6, set.RowCount);
    }

    [Fact]
    public void Build_WindowPastDataEnd_ThrowsInBothLanguages()
    {
        var builder = new TrainingSetBuilder(Catalog, Contract);

        var e = Assert.Throws<ArgumentException>(() => builder.Build(Histories(), [Day(0), Day(61)], DataEnd));

        Assert.Contains("data end", e.Message, StringComparison.Ordinal);
        Assert.Contains("予測期間", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, builder.Build(Histories(), [Day(60)], DataEnd).Counts[0].Eligible);
    }

    [Fact]
    public void Build_SameInputTwice_SameOutput()
    {
        var builder = new TrainingSetBuilder(Catalog, Contract);

        var first = builder.Build(Histories(), Cutoffs, DataEnd);
        var second = builder.Build(Histories().Reverse(), Cutoffs, DataEnd);

        Assert.Equal(first.CustomerIds, second.CustomerIds);
        Assert.Equal(first.Labels.ToArray(), second.Labels.ToArray());
        Assert.Equal(first.Numbers(0).ToArray(), second.Numbers(0).ToArray());
    }

    [Fact]
    public void Numbers_CategoricalFeature_Throws()
    {
        var set = new TrainingSetBuilder(Catalog, Contract).Build(Histories(), Cutoffs, DataEnd);

        Assert.Throws<ArgumentException>(() => set.Numbers("plan").Count);
        Assert.Throws<ArgumentException>(() => set.Categories("orders_before").Count);
        Assert.Throws<ArgumentException>(() => set.Numbers("nothing").Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => set.Numbers(2).Count);
    }

    [Fact]
    public void Constructor_AutoDefinition_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TrainingSetBuilder(Catalog, new ChurnDefinition()));
    }

    /// <summary>A small group: completed orders before T, and the plan of the latest subscription started before T.</summary>
    private sealed class OrdersAndPlan : IFeatureGroup
    {
        public IReadOnlyList<FeatureDefinition> Definitions { get; } =
        [
            new("orders_before", "注文数", "Orders", BusinessField.Purchases, FeatureKind.Numeric, "注文数", "Orders before T"),
            new("plan", "プラン", "Plan", BusinessField.Subscription, FeatureKind.Categorical, "プラン", "Plan"),
        ];

        public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
        {
            output.Set(0, history.Orders.Before(asOf).Length);
            var started = history.Subscriptions.Before(asOf);
            output.SetCategory(1, started.IsEmpty ? null : started[^1].Plan);
        }
    }
}
