using System.Globalization;
using Kizuki.Demo;
using Kizuki.Domain;

namespace Kizuki.Tests.Demo;

/// <summary>Each SaaS churn mechanism leaves its signal in the data, weeks before the churn.</summary>
public sealed partial class DemoGeneratorTests
{
    private static readonly string[] ResearchPages = ["/account/cancel", "/help/cancellation"];

    [Fact]
    public void Generate_SaasLoginDeclineChurners_LogInFarLessInTheMonthBeforeChurn()
    {
        var d = data.Saas;
        static bool IsLogin(Activity a) => a.Type == ActivityTypes.Login;
        var churners = WindowRatio(d, d.Churners(ChurnMechanism.LoginDecline), IsLogin);
        var retained = WindowRatio(d, d.Retained(), IsLogin);
        Assert.True(churners < 0.4, $"login decline churners: last 30 days / days 90–60 before = {churners:F2}");
        Assert.InRange(retained, 0.7, 1.5);
    }

    [Fact]
    public void Generate_SaasFeatureAbandonmentChurners_StopUsingKeyFeaturesButStillLogIn()
    {
        var d = data.Saas;
        static bool IsKeyFeature(Activity a) => a.Type == ActivityTypes.FeatureUse && SaasScenario.KeyFeatureNames.Contains(a.Name);
        var churners = d.Churners(ChurnMechanism.FeatureAbandonment).ToList();
        var keyFeatures = WindowRatio(d, churners, IsKeyFeature);
        var logins = WindowRatio(d, churners, a => a.Type == ActivityTypes.Login);
        Assert.True(keyFeatures < 0.35, $"key feature use, last 30 days / days 90–60 before = {keyFeatures:F2}");
        Assert.True(logins > 0.5, $"logins, last 30 days / days 90–60 before = {logins:F2}");
        Assert.InRange(WindowRatio(d, d.Retained(), IsKeyFeature), 0.7, 1.5);
    }

    [Fact]
    public void Generate_SaasSilentChurners_ShowNoWarning()
    {
        var d = data.Saas;
        static bool IsLogin(Activity a) => a.Type == ActivityTypes.Login;
        var silent = WindowRatio(d, d.Churners(ChurnMechanism.Silent, days: 90), IsLogin);
        var declining = WindowRatio(d, d.Churners(ChurnMechanism.LoginDecline, days: 90), IsLogin);
        Assert.True(silent > 0.6 && silent > 2 * declining, $"silent {silent:F2} vs login decline {declining:F2}");
    }

    [Theory]
    [InlineData(DemoScenario.Saas)]
    [InlineData(DemoScenario.Ec)]
    public void Generate_SupportFrictionChurners_RaiseMoreUnhappyTicketsWithIntent(DemoScenario scenario)
    {
        var d = data.Get(scenario);
        var churners = TicketsBefore(d, d.Churners(ChurnMechanism.SupportFriction), 60);
        var retained = TicketsBefore(d, d.Retained(), 60);
        Assert.True(churners.PerCustomer > 5 * retained.PerCustomer, $"{churners.PerCustomer:F2} vs {retained.PerCustomer:F2} tickets per customer");
        Assert.True(Share(churners.Tickets, IsUnhappy) > 0.6, "churners' tickets are mostly unhappy");
        Assert.True(Share(churners.Tickets, IsIntent) > 0.25, "many state an intent to cancel");
        Assert.True(Share(retained.Tickets, IsUnhappy) < 0.3, "steady customers' tickets are mostly neutral");
    }

    [Fact]
    public void Generate_SaasSatisfactionDropChurners_GiveLowNps()
    {
        var d = data.Saas;
        var churners = SurveysBefore(d, d.Churners(ChurnMechanism.SatisfactionDrop), 60);
        var retained = SurveysBefore(d, d.Retained(), 90);
        Assert.True(churners.Count >= 15, $"only {churners.Count} answers");
        Assert.All(churners.Concat(retained), s => Assert.Equal(SurveyKind.Nps, s.Kind));
        var (churnerMean, retainedMean) = (churners.Average(s => s.Score), retained.Average(s => s.Score));
        Assert.True(churnerMean < retainedMean - 2.5, $"NPS {churnerMean:F1} vs {retainedMean:F1}");
    }

    [Fact]
    public void Generate_SaasCancellationResearchChurners_VisitCancellationPages()
    {
        var d = data.Saas;
        static bool IsCancelPage(Activity a) => a.Type == ActivityTypes.PageView && ResearchPages.Contains(a.Name);
        Assert.True(ShareWithActivity(d, d.Churners(ChurnMechanism.CancellationResearch), IsCancelPage, 60) > 0.7);
        Assert.True(ShareWithActivity(d, d.Retained(), IsCancelPage, 60) < 0.05);
    }

    [Fact]
    public void Generate_SaasRenewalApproachChurners_LeaveOnAnAnnualRenewalAfterCheckingPrices()
    {
        var d = data.Saas;
        var churners = d.Churners(ChurnMechanism.RenewalApproach, days: 0).ToList();
        Assert.NotEmpty(churners);
        foreach (var row in churners)
        {
            var subscription = Assert.Single(d.Subscriptions[row.CustomerId]);
            Assert.Equal(12, subscription.BillingCycleMonths);
            var start = subscription.StartedAt.ToOffset(d.Options.HistoryEnd.Offset);
            var end = subscription.EndedAt!.Value.ToOffset(d.Options.HistoryEnd.Offset);
            Assert.Equal(TimeSpan.Zero, end.TimeOfDay);
            Assert.Equal((start.Month, start.Day), (end.Month, end.Day));
        }

        static bool IsPricing(Activity a) => a.Type == ActivityTypes.PageView && a.Name is "/pricing" or "/account/billing" or "/help/contract-renewal";
        Assert.True(ShareWithActivity(d, churners, IsPricing, 90) > 2 * ShareWithActivity(d, d.Retained(), IsPricing, 90));
    }

    [Fact]
    public void Generate_SaasPriceSensitiveChurners_NameACompetitorAndAreMostlyOnStarter()
    {
        var d = data.Saas;
        var churners = d.Churners(ChurnMechanism.PriceSensitivity, days: 0).ToList();
        Assert.All(churners, row => Assert.NotNull(Assert.Single(d.Subscriptions[row.CustomerId]).Competitor));
        var starter = churners.Count(row => d.Customers[row.CustomerId].Segment.Plan == "Starter") / (double)churners.Count;
        var starterOverall = d.Session.Customers.Count(c => c.Segment.Plan == "Starter") / (double)d.Session.Customers.Count;
        Assert.True(starter > starterOverall + 0.2, $"{starter:F2} vs {starterOverall:F2}");
        static bool IsCompare(Activity a) => a.Type == ActivityTypes.PageView && a.Name!.StartsWith("/compare/", StringComparison.Ordinal);
        Assert.True(ShareWithActivity(d, d.Churners(ChurnMechanism.PriceSensitivity), IsCompare, 90) > 0.5);
    }

    [Fact]
    public void Generate_SaasChurners_SubscriptionEndsAtChurnTime()
    {
        var d = data.Saas;
        foreach (var row in d.Truth.Values)
        {
            var subscription = Assert.Single(d.Subscriptions[row.CustomerId]);
            Assert.Equal(row.ChurnedAt, subscription.EndedAt);
            if (row.ChurnedAt is null)
            {
                Assert.True(subscription.RenewsAt >= d.Options.HistoryEnd);
                Assert.Null(subscription.CancellationReason);
            }
            else
            {
                Assert.Null(subscription.RenewsAt);
            }
        }
    }

    [Fact]
    public void Generate_SaasRecoveredCustomers_ShowTheSignalWeakerThanChurners()
    {
        var d = data.Saas;
        var months = ActiveMonths(d, "support_friction");
        double Rate(bool churned) => months.Where(m => (d.Truth[m.Customer].ChurnedAt is not null) == churned && (churned || d.Truth[m.Customer].Recovered))
            .Select(m => d.Tickets[m.Customer].Count(t => t.OpenedAt >= m.From && t.OpenedAt < m.To)).DefaultIfEmpty().Average();
        var churnedRate = Rate(churned: true);
        var recoveredRate = Rate(churned: false);
        var baseline = TicketsBefore(d, d.Retained(), 30).PerCustomer;
        Assert.True(recoveredRate > 2 * baseline, $"recovered {recoveredRate:F2} vs baseline {baseline:F2} tickets a month");
        Assert.True(recoveredRate < churnedRate, $"recovered {recoveredRate:F2} vs churned {churnedRate:F2} tickets a month");
    }

    private static double WindowRatio(DemoData d, IEnumerable<TruthRow> rows, Func<Activity, bool> match)
    {
        var list = rows.ToList();
        Assert.True(list.Count >= 20, $"only {list.Count} customers to compare");
        double recent = list.Sum(r => d.CountActivities(r, match, 30, 0));
        double earlier = list.Sum(r => d.CountActivities(r, match, 90, 60));
        return recent / earlier;
    }

    private static double ShareWithActivity(DemoData d, IEnumerable<TruthRow> rows, Func<Activity, bool> match, int days)
    {
        var list = rows.ToList();
        Assert.True(list.Count >= 20, $"only {list.Count} customers to compare");
        return list.Count(r => d.CountActivities(r, match, days, 0) > 0) / (double)list.Count;
    }

    private static (List<Ticket> Tickets, double PerCustomer) TicketsBefore(DemoData d, IEnumerable<TruthRow> rows, int days)
    {
        var list = rows.ToList();
        Assert.True(list.Count >= 20, $"only {list.Count} customers to compare");
        var tickets = list.SelectMany(r => d.Tickets[r.CustomerId].Where(t =>
            t.OpenedAt >= d.Reference(r).AddDays(-days) && t.OpenedAt < d.Reference(r))).ToList();
        return (tickets, tickets.Count / (double)list.Count);
    }

    private static List<SurveyResponse> SurveysBefore(DemoData d, IEnumerable<TruthRow> rows, int days) =>
        [.. rows.SelectMany(r => d.Surveys[r.CustomerId].Where(s =>
            s.RespondedAt >= d.Reference(r).AddDays(-days) && s.RespondedAt < d.Reference(r)))];

    private static List<(string Customer, DateTimeOffset From, DateTimeOffset To)> ActiveMonths(DemoData d, string mechanism) =>
        [.. File.ReadLines(d.Result.HazardTruthFile).Skip(1).Select(l => l.Split(',')).Where(f => f[3] == mechanism).Select(f =>
        {
            var from = DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture);
            return (f[0], from, from.AddMonths(1));
        })];

    private static double Share<T>(List<T> items, Func<T, bool> match) => items.Count == 0 ? 0 : items.Count(match) / (double)items.Count;

    private static bool IsIntent(Ticket t) => DemoTexts.IntentPhrases.Any(p => t.Body.Contains(p, StringComparison.Ordinal));

    private static bool IsUnhappy(Ticket t) => IsIntent(t) || DemoTexts.ComplaintPhrases
        .Select(p => p.Split("{n}")[0])
        .Where(stem => stem.Length >= 4)
        .Any(stem => t.Body.Contains(stem, StringComparison.Ordinal));
}
