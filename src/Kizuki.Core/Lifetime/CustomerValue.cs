namespace Kizuki.Lifetime;

/// <summary>Customer lifetime value: expected future purchases times expected spend, discounted step by step.</summary>
/// <remarks>
/// The horizon is cut into steps of <see cref="ClvOptions.StepDays"/>; the purchases expected in step k are
/// E[Y(t_k)] − E[Y(t_{k−1})], valued at the Gamma-Gamma spend and discounted by (1 + rate)^k, where the rate is
/// per step. This is the discrete version of the discounted expected residual transactions of the literature.
/// </remarks>
public static class CustomerValue
{
    /// <summary>The discounted value of a customer with this history.</summary>
    public static double Clv(IPurchaseModel purchases, GammaGammaModel? spend, CustomerSummary customer, ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var perOrder = spend is null ? (customer.Frequency > 0 ? customer.MeanRepeatSpend : 0) : spend.ExpectedSpend(customer.Frequency, customer.MeanRepeatSpend);
        if (!double.IsFinite(perOrder))
        {
            return double.NaN;
        }

        var unit = TimePeriods.DaysPer(purchases.Period);
        var steps = (int)Math.Ceiling(options.HorizonDays / options.StepDays);
        var value = 0.0;
        var previous = 0.0;
        for (var k = 1; k <= steps; k++)
        {
            var t = Math.Min(k * options.StepDays, options.HorizonDays) / unit;
            var expected = purchases.ConditionalExpectedPurchases(t, customer.Frequency, customer.Recency, customer.Age);
            value += (expected - previous) * perOrder / Math.Pow(1 + options.DiscountRate, k);
            previous = expected;
        }

        return value;
    }
}

/// <summary>How customer lifetime value is computed.</summary>
/// <param name="HorizonDays">How far ahead to value purchases, in days. Default 365.</param>
/// <param name="StepDays">Length of one discounting step, in days. Default 30.</param>
/// <param name="DiscountRate">Discount rate per step (0.01 = 1% a month with 30-day steps). Default 0.01.</param>
public sealed record ClvOptions(double HorizonDays = 365, double StepDays = 30, double DiscountRate = 0.01)
{
    /// <summary>The defaults.</summary>
    public static readonly ClvOptions Default = new();

    /// <summary>Throws naming the option when a value is out of range.</summary>
    public void Validate()
    {
        if (!(HorizonDays > 0) || double.IsInfinity(HorizonDays))
        {
            throw new ArgumentOutOfRangeException(nameof(HorizonDays), HorizonDays, "HorizonDays must be positive and finite.");
        }

        if (!(StepDays > 0) || StepDays > HorizonDays)
        {
            throw new ArgumentOutOfRangeException(nameof(StepDays), StepDays, "StepDays must be positive and at most HorizonDays.");
        }

        if (!(DiscountRate >= 0) || DiscountRate >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DiscountRate), DiscountRate, "DiscountRate must be in [0, 1).");
        }
    }
}
