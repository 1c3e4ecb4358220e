using Kizuki.Features;
using Kizuki.Features.Builtin;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Builtin;

public sealed class TicketFeaturesTests
{
    private static readonly long T = Millis.Of(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private static double[] Evaluate(CustomerHistory history, long asOf)
    {
        var group = new TicketFeatures();
        var numbers = new double[group.Definitions.Count];
        Array.Fill(numbers, -12345);
        group.Evaluate(history, asOf, new FeatureRow(numbers, new string?[numbers.Length], 0));
        return numbers;
    }

    private static double Value(CustomerHistory history, string name, long? asOf = null) =>
        Evaluate(history, asOf ?? T)[TicketFeatures.All.Select((d, i) => (d, i)).Single(p => p.d.Name == name).i];

    private static long DaysAgo(double days) => T - (long)Math.Round(days * Millis.Day);

    private static TicketEvent Ticket(double openedDaysAgo, double? closedDaysAgo = null, int satisfaction = 0,
        double sentiment = double.NaN, double churnIntent = double.NaN) =>
        new(DaysAgo(openedDaysAgo), closedDaysAgo is { } c ? DaysAgo(c) : Millis.Never, satisfaction, sentiment, churnIntent);

    private static CustomerHistory With(params TicketEvent[] tickets)
    {
        var history = new CustomerHistory("K1");
        foreach (var ticket in tickets)
        {
            history.Tickets.Add(ticket);
        }

        return history;
    }

    [Fact]
    public void Evaluate_Counts_UseExactWindows()
    {
        var history = With(Ticket(0), Ticket(10, 9), Ticket(30, 29), Ticket(30.01, 29), Ticket(90, 80), Ticket(90.01, 80));
        Assert.Equal(2, Value(history, "tickets_30d"));
        Assert.Equal(4, Value(history, "tickets_90d"));
    }

    [Theory]
    [InlineData(new double[] { 10, 20, 40, 70, 80, 89 }, 0)]
    [InlineData(new double[] { 10, 20, 25, 40 }, 2.5)]
    [InlineData(new double[] { 40, 50, 60, 70 }, -1)]
    [InlineData(new double[0], 0)]
    public void Evaluate_TicketTrend_ComparesLast30DaysWithThe60BeforePer30(double[] openedDaysAgo, double expected)
    {
        var history = With([.. openedDaysAgo.Select(d => Ticket(d, d - 1))]);
        Assert.Equal(expected, Value(history, "ticket_trend"), 9);
    }

    [Fact]
    public void Evaluate_OpenTickets_OpenUnlessClosedBeforeAsOf()
    {
        // closed 5 days ago; closing exactly at T; never closed; closed 400 days ago.
        var history = With(Ticket(10, 5), Ticket(3, 0), Ticket(2), Ticket(500, 400));
        Assert.Equal(2, Value(history, "open_tickets"));
        Assert.Equal(1, Value(history, "open_tickets", DaysAgo(6)));
        Assert.Equal(1, Value(history, "open_tickets", DaysAgo(450)));
    }

    [Fact]
    public void Evaluate_TicketOpenedBeyondHorizon_IsNotCountedOpen()
    {
        var history = With(Ticket(731), Ticket(729));
        Assert.Equal(1, Value(history, "open_tickets"));
    }

    [Fact]
    public void Evaluate_ClosedTickets_MeanDaysToCloseOverThoseClosedBeforeAsOf()
    {
        var history = With(Ticket(20, 18), Ticket(10, 6), Ticket(5), Ticket(3, 0), Ticket(181, 100));
        Assert.Equal(3, Value(history, "mean_days_to_close_180d"), 9);
    }

    [Fact]
    public void Evaluate_NoClosedTicket_MeanDaysToCloseUnknown()
    {
        var history = With(Ticket(5), Ticket(3, 0));
        Assert.True(double.IsNaN(Value(history, "mean_days_to_close_180d")));
    }

    [Fact]
    public void Evaluate_Satisfaction_KnownOnlyAfterClosing()
    {
        var history = With(Ticket(20, 10, satisfaction: 1), Ticket(30, 25, satisfaction: 2), Ticket(40, 35, satisfaction: 3), Ticket(50, 45));
        Assert.Equal(2, Value(history, "low_satisfaction_tickets_180d"));
        Assert.Equal(1, Value(history, "low_satisfaction_tickets_180d", DaysAgo(11)));
    }

    [Fact]
    public void Evaluate_UnscoredTickets_TextFeaturesUnknown()
    {
        var history = With(Ticket(5), Ticket(10, 8));
        Assert.True(double.IsNaN(Value(history, "negative_ticket_share_90d")));
        Assert.True(double.IsNaN(Value(history, "churn_intent_tickets_90d")));
    }

    [Fact]
    public void Evaluate_ScoredTickets_ShareAndCountOverScoredOnly()
    {
        var history = With(Ticket(5, sentiment: -0.5, churnIntent: 0.9), Ticket(10, sentiment: 0.3, churnIntent: 0.5),
            Ticket(20), Ticket(30, sentiment: 0, churnIntent: 0.1), Ticket(100, sentiment: -1, churnIntent: 1));
        Assert.Equal(1 / 3.0, Value(history, "negative_ticket_share_90d"), 9);
        Assert.Equal(2, Value(history, "churn_intent_tickets_90d"));
    }

    [Fact]
    public void Evaluate_NoTickets_CountsZeroAndRatesUnknown()
    {
        var values = Evaluate(new CustomerHistory("K1"), T);
        Assert.Equal(new[] { 0, 0, 0, 0, double.NaN, 0, double.NaN, double.NaN }, values);
    }

    [Fact]
    public void Evaluate_TicketsOpenedAtOrAfterAsOf_ChangeNothing()
    {
        var history = With(Ticket(20, 10, satisfaction: 1, sentiment: -0.4, churnIntent: 0.7), Ticket(50), Ticket(5, 2));
        var before = Evaluate(history, T);
        history.Tickets.Add(Ticket(0, -1, satisfaction: 1, sentiment: -1, churnIntent: 1));
        history.Tickets.Add(Ticket(-2));
        Assert.Equal(before, Evaluate(history, T));
    }

    [Fact]
    public void Definitions_All_AreSupportFeaturesWithUniqueNames()
    {
        Assert.Equal(TicketFeatures.All.Count, TicketFeatures.All.Select(d => d.Name).Distinct().Count());
        Assert.All(TicketFeatures.All, d => Assert.Equal(BusinessField.Support, d.Field));
    }
}
