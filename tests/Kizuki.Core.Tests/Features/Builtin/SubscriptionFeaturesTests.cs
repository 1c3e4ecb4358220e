using Kizuki.Features;
using Kizuki.Features.Builtin;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Builtin;

public sealed class SubscriptionFeaturesTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private static (double[] Numbers, string?[] Categories) Evaluate(CustomerHistory history, DateTimeOffset asOf)
    {
        var group = new SubscriptionFeatures();
        var numbers = new double[group.Definitions.Count];
        var categories = new string?[numbers.Length];
        group.Evaluate(history, Millis.Of(asOf), new FeatureRow(numbers, categories, 0));
        return (numbers, categories);
    }

    private static int At(string name) => SubscriptionFeatures.All.Select((d, i) => (d, i)).Single(p => p.d.Name == name).i;

    private static CustomerHistory With(params SubscriptionEvent[] subscriptions)
    {
        var history = new CustomerHistory("K1");
        foreach (var s in subscriptions)
        {
            history.Subscriptions.Add(s);
        }

        return history;
    }

    [Fact]
    public void Evaluate_MonthlyContract_CountsRenewalsAndDaysToNext()
    {
        var history = With(new SubscriptionEvent(Millis.Of(Start), Millis.Never, 5000, 1, 3, "Standard"));
        var (n, c) = Evaluate(history, new DateTimeOffset(2025, 4, 20, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(3, n[At("renewals")]); // Feb 15, Mar 15, Apr 15
        Assert.Equal(25, n[At("days_to_renewal")], 9); // May 15
        Assert.Equal("Standard", c[At("plan")]);
        Assert.Equal(5000, n[At("monthly_recurring_amount")]);
        Assert.Equal(3, n[At("seats")]);
        Assert.Equal(1, n[At("has_running_subscription")]);
    }

    [Fact]
    public void Evaluate_AnnualContract_MonthlyAmountIsAmountPerMonthAndRenewalIsAYearOn()
    {
        var history = new CustomerHistory("K1");
        HistoryBuilder.Add(history, new Kizuki.Domain.Subscription("S1", "K1", "Annual", Start, null, null,
            Kizuki.Domain.Money.Yen(120_000), 12, 1, null, null));
        var (n, _) = Evaluate(history, new DateTimeOffset(2025, 12, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(10_000, n[At("monthly_recurring_amount")], 9);
        Assert.Equal(31, n[At("days_to_renewal")], 9);
        Assert.Equal(0, n[At("renewals")]);
        Assert.Equal(12, n[At("billing_cycle_months")]);
    }

    [Fact]
    public void Evaluate_EndInTheFuture_IsNotKnownYet()
    {
        var end = Millis.Of(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var history = With(new SubscriptionEvent(Millis.Of(Start), end, 5000, 1, 1, "Standard"));
        Assert.Equal(1, Evaluate(history, new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero)).Numbers[At("has_running_subscription")]);
        var after = Evaluate(history, new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, after.Numbers[At("has_running_subscription")]);
        Assert.Null(after.Categories[At("plan")]);
        Assert.True(double.IsNaN(after.Numbers[At("days_to_renewal")]));
    }

    [Fact]
    public void Evaluate_CheaperFollowUpContract_CountsADowngrade()
    {
        var switchAt = Millis.Of(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var history = With(
            new SubscriptionEvent(Millis.Of(Start), switchAt, 9000, 1, 5, "Enterprise"),
            new SubscriptionEvent(switchAt, Millis.Never, 3000, 1, 2, "Starter"));
        var (n, c) = Evaluate(history, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, n[At("downgrades_365d")]);
        Assert.Equal("Starter", c[At("plan")]);
        Assert.Equal(3000, n[At("monthly_recurring_amount")]);
        Assert.Equal((Millis.Of(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)) - Millis.Of(Start)) / (double)Millis.Day,
            n[At("subscription_tenure_days")], 9);
    }

    [Fact]
    public void Evaluate_NoSubscription_UnknownsAreEmpty()
    {
        var (n, c) = Evaluate(new CustomerHistory("K1"), Start);
        Assert.True(double.IsNaN(n[At("subscription_tenure_days")]));
        Assert.Equal(0, n[At("has_running_subscription")]);
        Assert.Null(c[At("plan")]);
    }
}
