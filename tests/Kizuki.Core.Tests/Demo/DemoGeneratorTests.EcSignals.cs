using Kizuki.Demo;
using Kizuki.Domain;

namespace Kizuki.Tests.Demo;

/// <summary>Each shop churn mechanism leaves its signal in the data, and churn is recorded only where a shop would record it.</summary>
public sealed partial class DemoGeneratorTests
{
    [Fact]
    public void Generate_EcPurchaseDeclineChurners_BuyFarLessBeforeLeaving()
    {
        var d = data.Ec;
        var churners = OrderRatio(d, d.Churners(ChurnMechanism.PurchaseDecline, days: 240));
        var retained = OrderRatio(d, d.Retained(days: 240));
        Assert.True(churners < 0.5, $"completed orders per day, last 60 days / days 240–150 before = {churners:F2}");
        Assert.InRange(retained, 0.7, 1.5);
    }

    [Fact]
    public void Generate_EcSatisfactionDropChurners_GiveLowCsat()
    {
        var d = data.Ec;
        var churners = SurveysBefore(d, d.Churners(ChurnMechanism.SatisfactionDrop), 90);
        var retained = SurveysBefore(d, d.Retained(), 120);
        Assert.True(churners.Count >= 15, $"only {churners.Count} answers");
        Assert.All(churners.Concat(retained), s => Assert.Equal(SurveyKind.Csat, s.Kind));
        var (churnerMean, retainedMean) = (churners.Average(s => s.Score), retained.Average(s => s.Score));
        Assert.True(churnerMean < retainedMean - 1.0, $"CSAT {churnerMean:F2} vs {retainedMean:F2}");
    }

    [Fact]
    public void Generate_EcCancellationResearchChurners_VisitCancellationPages()
    {
        var d = data.Ec;
        static bool IsCancelPage(Activity a) =>
            a.Type == ActivityTypes.PageView && a.Name is "/mypage/teiki/cancel" or "/faq/teiki-kaiyaku" or "/mypage/withdraw" or "/faq/withdraw";
        Assert.True(ShareWithActivity(d, d.Churners(ChurnMechanism.CancellationResearch), IsCancelPage, 60) > 0.6);
        Assert.True(ShareWithActivity(d, d.Retained(), IsCancelPage, 60) < 0.2);
    }

    [Fact]
    public void Generate_EcPriceSensitiveChurners_NameACompetitorAndHuntForDeals()
    {
        var d = data.Ec;
        var churners = d.Churners(ChurnMechanism.PriceSensitivity, days: 0).ToList();
        var teiki = churners.Where(r => d.Subscriptions[r.CustomerId].Any()).ToList();
        Assert.NotEmpty(teiki);
        Assert.All(teiki, r => Assert.NotNull(Assert.Single(d.Subscriptions[r.CustomerId]).Competitor));
        Assert.All(teiki, r => Assert.NotNull(d.Session.ChurnEvents.Single(c => c.CustomerId == r.CustomerId).Competitor));
        static bool IsDeal(Activity a) => a.Type == ActivityTypes.PageView && a.Name is "/sale" or "/coupon" or "/faq/price";
        Assert.True(ShareWithActivity(d, d.Churners(ChurnMechanism.PriceSensitivity), IsDeal, 90) > 3 * ShareWithActivity(d, d.Retained(), IsDeal, 90));
    }

    [Fact]
    public void Generate_EcChurn_RecordedOnlyForTeikiCancellations()
    {
        var d = data.Ec;
        var churnEvents = d.Session.ChurnEvents.ToDictionary(c => c.CustomerId);
        foreach (var row in d.Truth.Values)
        {
            var subscription = d.Subscriptions[row.CustomerId].SingleOrDefault();
            if (row.ChurnedAt is not { } churnedAt)
            {
                Assert.False(churnEvents.ContainsKey(row.CustomerId));
                Assert.Null(subscription?.EndedAt);
                continue;
            }

            Assert.DoesNotContain(d.Orders[row.CustomerId], o => o.OrderedAt > churnedAt);
            if (subscription is null)
            {
                Assert.False(churnEvents.ContainsKey(row.CustomerId), "one-off buyers just go silent");
            }
            else
            {
                Assert.Equal(churnedAt, subscription.EndedAt);
                Assert.Equal(churnedAt, churnEvents[row.CustomerId].OccurredAt);
            }
        }

        Assert.Contains(d.Truth.Values, r => r.ChurnedAt is not null && !d.Subscriptions[r.CustomerId].Any());
        Assert.True(d.Session.Orders.Count(o => o.IsRecurring) > 1000);
        Assert.Contains(d.Session.Orders, o => o.Status == OrderStatus.Cancelled);
        Assert.Contains(d.Session.Orders, o => o.Status == OrderStatus.Returned);
        Assert.All(d.Session.Orders, o => Assert.NotEmpty(o.Lines));
    }

    [Fact]
    public void Generate_EcOrders_PeakInDecemberAndDipInJanuary()
    {
        var d = data.Ec;
        var byMonth = d.Session.Orders.Where(o => !o.IsRecurring)
            .GroupBy(o => o.OrderedAt.ToOffset(d.Options.HistoryEnd.Offset).Month).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byMonth[12] > 1.5 * byMonth[1], $"December {byMonth[12]} vs January {byMonth[1]}");
    }

    [Fact]
    public void Generate_EcActivity_HasPageViewsEmailOpensAndClicks()
    {
        var types = data.Ec.Session.Activities.GroupBy(a => a.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(types[ActivityTypes.PageView] > types[ActivityTypes.EmailOpen]);
        Assert.True(types[ActivityTypes.EmailOpen] > 3 * types[ActivityTypes.EmailClick]);
        Assert.True(data.Ec.Session.Touches.Count(t => t.IsControl) > 20);
        Assert.True(data.Ec.Session.Touches.Count(t => !t.IsControl) > 2 * data.Ec.Session.Touches.Count(t => t.IsControl));
    }

    [Theory]
    [InlineData(DemoScenario.Saas)]
    [InlineData(DemoScenario.Ec)]
    public void Generate_TicketTexts_AreVariedInJapaneseAndEnglish(DemoScenario scenario)
    {
        var tickets = data.Get(scenario).Session.Tickets;
        var japanese = tickets.Count(t => t.Body.Any(c => c is >= '\u3040' and <= '\u30ff'));
        var english = tickets.Count - japanese;
        Assert.True(japanese > tickets.Count / 2, $"{japanese} Japanese of {tickets.Count}");
        Assert.True(english >= 20, $"{english} English tickets");
        Assert.True(tickets.Select(t => t.Body).Distinct(StringComparer.Ordinal).Count() > tickets.Count / 3);
        Assert.Contains(tickets, t => t.Channel == TicketChannel.Phone);
        Assert.Contains(tickets, t => t.Status == TicketStatus.Closed && t.Satisfaction is not null);
    }

    private static double OrderRatio(DemoData d, IEnumerable<TruthRow> rows)
    {
        var list = rows.ToList();
        Assert.True(list.Count >= 20, $"only {list.Count} customers to compare");
        double Count(TruthRow r, int from, int to) => d.Orders[r.CustomerId].Count(o => o.Status == OrderStatus.Completed
            && o.OrderedAt >= d.Reference(r).AddDays(-from) && o.OrderedAt < d.Reference(r).AddDays(-to));
        return list.Sum(r => Count(r, 60, 0)) / 60 / (list.Sum(r => Count(r, 240, 150)) / 90);
    }
}
