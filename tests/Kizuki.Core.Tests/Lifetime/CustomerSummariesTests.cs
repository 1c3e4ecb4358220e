using Kizuki.Lifetime;

namespace Kizuki.Tests.Lifetime;

public sealed class CustomerSummariesTests
{
    [Fact]
    public void FromPurchases_Cdnow_MatchesThePublishedSummaryFile()
    {
        var path = Path.Combine(Kizuki.Tests.Modeling.LightGbm.LightGbmTestData.SharedData(), "cdnow", "cdnow_customers_summary_with_transactions.csv");
        var published = File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => (X: int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
                Tx: double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture),
                T: double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture),
                M: double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)));
        var ours = Cdnow.Summaries;
        Assert.Equal(2357, ours.Count);
        foreach (var s in ours)
        {
            var p = published[int.Parse(s.CustomerId, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)];
            Assert.Equal(p.X, s.Frequency);
            Assert.Equal(p.Tx, s.Recency, 0.006);
            Assert.Equal(p.T, s.Age, 0.006);
            Assert.Equal(p.M, s.MeanRepeatSpend, 0.006);
        }
    }

    [Fact]
    public void FromPurchases_SameDayOrders_CountAsOneTransaction()
    {
        var day = new DateOnly(2026, 1, 1);
        Purchase[] purchases =
        [
            new("A", day.AddDays(10), 30), new("A", day, 10), new("A", day.AddDays(10), 20), new("A", day.AddDays(3), 5),
            new("B", day.AddDays(50), 1), new("A", day.AddDays(40), 999),
        ];
        var summaries = CustomerSummaries.FromPurchases(purchases, day.AddDays(20), TimePeriod.Day);
        var a = Assert.Single(summaries);
        Assert.Equal("A", a.CustomerId);
        Assert.Equal(2, a.Frequency);
        Assert.Equal(10, a.Recency);
        Assert.Equal(20, a.Age);
        Assert.Equal((5 + 30 + 20) / 2.0, a.MeanRepeatSpend);
        Assert.Equal(day, a.FirstPurchase);
    }

    [Fact]
    public void FromPurchases_Weeks_DividesDaysBySeven()
    {
        var day = new DateOnly(2026, 1, 1);
        var s = CustomerSummaries.FromPurchases([new("A", day, 1), new("A", day.AddDays(7), 1)], day.AddDays(14), TimePeriod.Week).Single();
        Assert.Equal(1, s.Recency);
        Assert.Equal(2, s.Age);
    }
}
