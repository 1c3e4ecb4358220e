using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Builtin;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Builtin;

public sealed class PurchaseFeaturesTests
{
    private static readonly long T = Millis.Of(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private static double[] Evaluate(CustomerHistory history, long asOf)
    {
        var group = new PurchaseFeatures();
        var numbers = new double[group.Definitions.Count];
        group.Evaluate(history, asOf, new FeatureRow(numbers, new string?[numbers.Length], 0));
        return numbers;
    }

    private static double Value(double[] values, string name) =>
        values[PurchaseFeatures.All.Select((d, i) => (d, i)).Single(p => p.d.Name == name).i];

    private static CustomerHistory WithOrders(params (double DaysAgo, double Amount, OrderStatus Status)[] orders)
    {
        var history = new CustomerHistory("K1");
        foreach (var (daysAgo, amount, status) in orders)
        {
            history.Orders.Add(new OrderEvent(T - (long)(daysAgo * Millis.Day), amount, status, false));
        }

        return history;
    }

    [Fact]
    public void Evaluate_Windows_CountExactBoundaries()
    {
        // exactly 30 days before T counts in the 30-day window; an order at T does not count at all.
        var values = Evaluate(WithOrders((30, 100, OrderStatus.Completed), (30.001, 50, OrderStatus.Completed), (0, 999, OrderStatus.Completed)), T);
        Assert.Equal(1, Value(values, "orders_30d"));
        Assert.Equal(100, Value(values, "spend_30d"));
        Assert.Equal(2, Value(values, "orders_90d"));
        Assert.Equal(150, Value(values, "spend_90d"));
        Assert.Equal(30, Value(values, "days_since_last_order"), 9);
    }

    [Fact]
    public void Evaluate_NoOrders_RecencyUnknownCountsZero()
    {
        var values = Evaluate(new CustomerHistory("K1"), T);
        Assert.True(double.IsNaN(Value(values, "days_since_last_order")));
        Assert.Equal(0, Value(values, "orders_365d"));
        Assert.True(double.IsNaN(Value(values, "mean_order_gap_days")));
        Assert.True(double.IsNaN(Value(values, "spend_change_90d")));
    }

    [Fact]
    public void Evaluate_ReturnsAndCancellations_CountedApartFromPurchases()
    {
        var values = Evaluate(WithOrders((10, 100, OrderStatus.Returned), (20, 100, OrderStatus.Cancelled), (40, 300, OrderStatus.Completed)), T);
        Assert.Equal(1, Value(values, "returned_orders_180d"));
        Assert.Equal(1, Value(values, "cancelled_orders_180d"));
        Assert.Equal(1, Value(values, "orders_90d"));
        Assert.Equal(40, Value(values, "days_since_last_order"), 9);
    }

    [Fact]
    public void Evaluate_ThreeFallingMonths_CountsThreeMonthsOfDecline()
    {
        // spend per 30-day period, latest first: 100, 200, 300, 400, then nothing before (0 < 400 stops the run).
        var values = Evaluate(WithOrders((15, 100, OrderStatus.Completed), (45, 200, OrderStatus.Completed),
            (75, 300, OrderStatus.Completed), (105, 400, OrderStatus.Completed)), T);
        Assert.Equal(3, Value(values, "months_of_decline"));
        Assert.Equal(-0.5, Value(values, "spend_change_mom"), 12);
        Assert.Equal(30, Value(values, "mean_order_gap_days"), 9);
        Assert.Equal(15.0 / 30, Value(values, "order_overdue_ratio"), 12);
    }

    [Fact]
    public void Evaluate_SamePeriodLastYear_ComparesNinetyDayWindows()
    {
        var values = Evaluate(WithOrders((10, 1, OrderStatus.Completed), (370, 1, OrderStatus.Completed), (400, 1, OrderStatus.Completed),
            (450, 1, OrderStatus.Completed), (460, 1, OrderStatus.Completed)), T);
        Assert.Equal(1.0 / 3, Value(values, "orders_vs_last_year_90d"), 12);
    }

    [Fact]
    public void Evaluate_MonthlySpreadOverSixPeriods_IsPopulationStandardDeviation()
    {
        var values = Evaluate(WithOrders((5, 600, OrderStatus.Completed)), T);
        Assert.Equal(100, Value(values, "monthly_spend_mean_6m"), 9);
        Assert.Equal(Math.Sqrt((500.0 * 500 + 5 * 100 * 100) / 6), Value(values, "monthly_spend_std_6m"), 9);
    }

    [Fact]
    public void Evaluate_EventsAtOrAfterAsOf_ChangeNothing()
    {
        var history = WithOrders((5, 100, OrderStatus.Completed), (50, 200, OrderStatus.Completed));
        var before = Evaluate(history, T);
        history.Orders.Add(new OrderEvent(T, 5000, OrderStatus.Completed, true));
        history.Orders.Add(new OrderEvent(T + Millis.Day, 5000, OrderStatus.Returned, true));
        Assert.Equal(before, Evaluate(history, T));
    }
}
