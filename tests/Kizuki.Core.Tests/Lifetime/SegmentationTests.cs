using Kizuki.Features.History;
using Kizuki.Lifetime;

namespace Kizuki.Tests.Lifetime;

public sealed class SegmentationTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static CustomerOrders Orders(string id, params (int DaysBefore, double Amount)[] orders) =>
        new(id, orders.OrderByDescending(o => o.DaysBefore).Select(o => Millis.Of(AsOf.AddDays(-o.DaysBefore))).ToArray(),
            orders.OrderByDescending(o => o.DaysBefore).Select(o => o.Amount).ToArray());

    [Theory]
    [InlineData(1, 5000, 0, 10, CpmSegment.FirstTime)]
    [InlineData(1, 5000, 0, 400, CpmSegment.FirstTimeLapsed)]
    [InlineData(3, 10000, 100, 10, CpmSegment.Toddler)]
    [InlineData(3, 50000, 100, 10, CpmSegment.Trendy)]
    [InlineData(3, 10000, 500, 10, CpmSegment.Steady)]
    [InlineData(8, 90000, 500, 10, CpmSegment.Loyal)]
    [InlineData(8, 90000, 500, 181, CpmSegment.LoyalLapsed)]
    public void SegmentOf_DefaultThresholds_FollowTheCpmGrid(int orders, double spend, double tenure, double silent, CpmSegment expected)
    {
        Assert.Equal(expected, CpmSegmentation.SegmentOf(orders, spend, tenure, silent, new CpmSettings()));
    }

    [Fact]
    public void SegmentNames_AllSegments_HaveJapaneseAndEnglishNames()
    {
        Assert.Equal("優良顧客", SegmentNames.Of(RfmSegment.Champions, "ja"));
        Assert.Equal("離反予備軍", SegmentNames.Of(RfmSegment.AtRisk, "ja"));
        Assert.Equal("よちよち離脱客", SegmentNames.Of(CpmSegment.ToddlerLapsed, "ja"));
        Assert.Equal("Steady (lapsed)", SegmentNames.Of(CpmSegment.SteadyLapsed, "en"));
        Assert.Equal(8, Enum.GetValues<RfmSegment>().Select(s => SegmentNames.Of(s, "ja")).Distinct().Count());
        Assert.Equal(10, Enum.GetValues<CpmSegment>().Select(s => SegmentNames.Of(s, "en")).Distinct().Count());
    }

    [Fact]
    public void Score_Quintiles_SplitDistinctValuesEvenlyAndTiesShareAScore()
    {
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], RfmScoring.Scores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], null, true));
        Assert.Equal([1, 1, 1, 4, 5], RfmScoring.Scores([1, 1, 1, 2, 3], null, true));
    }

    [Fact]
    public void Score_Thresholds_ScoreRecencyDownAndFrequencyUp()
    {
        var settings = new RfmSettings { RecencyDays = [30, 90, 180, 365], Frequency = [2, 3, 5, 10], Monetary = [1000, 5000, 10000, 50000] };
        var scores = RfmScoring.Score([Orders("A", (5, 20000), (40, 20000), (60, 20000), (80, 20000), (100, 20000)), Orders("B", (400, 500))], AsOf, settings);
        Assert.Equal((5, 4, 5, RfmSegment.Champions), (scores[0].R, scores[0].F, scores[0].M, scores[0].Segment));
        Assert.Equal((1, 1, 1, RfmSegment.Lost), (scores[1].R, scores[1].F, scores[1].M, scores[1].Segment));
        Assert.Equal(400, scores[1].RecencyDays, 6);
        Assert.Equal(0, scores[1].Frequency); // its order is outside the 365-day look-back
    }

    [Fact]
    public void Validate_ThresholdsNotAscending_NamesTheSetting()
    {
        var error = Assert.Throws<InvalidDataException>(() => new RfmSettings { Frequency = [1, 3, 2, 4] }.Validate());
        Assert.Contains("lifetime.rfm.frequency", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_TwoDates_CountsMovesAndNewcomers()
    {
        var table = SegmentMigration.Between(
            [("A", CpmSegment.FirstTime), ("B", CpmSegment.Toddler)],
            [("A", CpmSegment.Toddler), ("B", CpmSegment.ToddlerLapsed), ("C", CpmSegment.FirstTime)]);
        Assert.Equal(1, table[CpmSegment.FirstTime, CpmSegment.Toddler]);
        Assert.Equal(1, table[CpmSegment.Toddler, CpmSegment.ToddlerLapsed]);
        Assert.Equal(1, table[null, CpmSegment.FirstTime]);
        Assert.Equal(0, table[CpmSegment.Loyal, CpmSegment.Loyal]);
    }

    [Fact]
    public void DeclineSignal_FallingOrdersAndHalfOfLastYear_AreFlagged()
    {
        // Four 30-day periods, oldest first: 4, 3, 2, 1 orders (6 in the last 90 days); 15 orders in the same 90 days a year ago.
        var recent = new List<(int, double)>();
        recent.AddRange(Enumerable.Range(0, 4).Select(i => (100 + i, 1.0)));
        recent.AddRange(Enumerable.Range(0, 3).Select(i => (70 + i, 1.0)));
        recent.AddRange(Enumerable.Range(0, 2).Select(i => (40 + i, 1.0)));
        recent.Add((10, 1.0));
        recent.AddRange(Enumerable.Range(0, 15).Select(i => (370 + (i * 5), 1.0)));
        var signal = DeclineSignal.Of(Orders("A", [.. recent]), AsOf);
        Assert.Equal([1, 2, 3, 4], signal.MonthlyOrders);
        Assert.True(signal.FallingThreeMonths);
        Assert.Equal(6, signal.OrdersLast90Days);
        Assert.Equal(15, signal.OrdersSamePeriodLastYear);
        Assert.True(signal.BelowHalfOfLastYear);

        var steady = DeclineSignal.Of(Orders("B", (10, 1), (40, 1), (70, 1), (100, 1)), AsOf);
        Assert.False(steady.FallingThreeMonths);
        Assert.False(steady.BelowHalfOfLastYear);
    }

    [Fact]
    public void Summarise_InstantsInTokyo_CountLocalDaysAndStopBeforeTheAsOf()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var asOf = new DateTimeOffset(2026, 1, 11, 0, 0, 0, TimeSpan.FromHours(9));
        // 2026-01-01 23:30 and 2026-01-02 08:00 Tokyo are different local days; the order at the as-of is excluded.
        long[] times = [Millis.Of(new DateTimeOffset(2026, 1, 1, 23, 30, 0, TimeSpan.FromHours(9))), Millis.Of(new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.FromHours(9))), Millis.Of(asOf)];
        var summary = new CustomerOrders("A", times, [1, 2, 3]).Summarise(asOf, tokyo, TimePeriod.Day)!.Value;
        Assert.Equal(1, summary.Frequency);
        Assert.Equal(1, summary.Recency);
        Assert.Equal(9, summary.Age); // first day 01-01, last covered day 01-10
        Assert.Equal(2, summary.MeanRepeatSpend);
    }
}
