namespace Kizuki.Lifetime;

/// <summary>The time unit of a lifetime model: days, or weeks counted as days / 7 (as in the literature).</summary>
public enum TimePeriod
{
    /// <summary>Time in days.</summary>
    Day,
    /// <summary>Time in weeks (days / 7).</summary>
    Week,
}

/// <summary>One customer's purchase history summarised for the buy-till-you-die models at a calibration end.</summary>
/// <remarks>
/// Orders on the same day are one transaction. The first transaction starts the customer's clock and is not
/// counted: <see cref="Frequency"/> is the number of repeat transactions, <see cref="Recency"/> the time from the
/// first to the last transaction and <see cref="Age"/> the time from the first transaction to the calibration end,
/// both in the model's <see cref="TimePeriod"/>.
/// </remarks>
/// <param name="CustomerId">The customer.</param>
/// <param name="Frequency">x: repeat transactions (distinct purchase days after the first).</param>
/// <param name="Recency">t_x: time from the first to the last transaction; 0 when there was no repeat.</param>
/// <param name="Age">T: time from the first transaction to the calibration end.</param>
/// <param name="MeanRepeatSpend">Mean spend per repeat transaction (for Gamma-Gamma); 0 without repeats.</param>
/// <param name="FirstPurchase">The day of the first transaction.</param>
public readonly record struct CustomerSummary(
    string CustomerId, int Frequency, double Recency, double Age, double MeanRepeatSpend, DateOnly FirstPurchase);

/// <summary>One purchase as the lifetime models see it: who, on which local day, for how much.</summary>
/// <param name="CustomerId">The buyer.</param>
/// <param name="Day">The local calendar day of the order.</param>
/// <param name="Amount">The order's amount.</param>
public readonly record struct Purchase(string CustomerId, DateOnly Day, double Amount);

/// <summary>Converts day counts into model time.</summary>
public static class TimePeriods
{
    /// <summary>Days in one period.</summary>
    public static double DaysPer(TimePeriod period) => period switch
    {
        TimePeriod.Day => 1,
        TimePeriod.Week => 7,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "period must be Day or Week."),
    };
}
