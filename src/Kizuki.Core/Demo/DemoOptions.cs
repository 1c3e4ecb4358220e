using System.Globalization;

namespace Kizuki.Demo;

/// <summary>The kind of business the demo generator imitates.</summary>
public enum DemoScenario
{
    /// <summary>A B2B subscription software company: contracts, logins, feature use, tickets, NPS.</summary>
    Saas,
    /// <summary>A mail-order shop (通販): one-off buyers and 定期購入 subscribers, orders, emails, CSAT.</summary>
    Ec,
}

/// <summary>Names of demo scenarios as users type them (<c>saas</c>, <c>ec</c>).</summary>
public static class DemoScenarios
{
    /// <summary>The command-line name of a scenario.</summary>
    public static string Name(DemoScenario scenario) => scenario == DemoScenario.Ec ? "ec" : "saas";

    /// <summary>Parses a command-line name, ignoring case.</summary>
    public static bool TryParse(string? name, out DemoScenario scenario)
    {
        switch (name?.Trim().ToUpperInvariant())
        {
            case "SAAS":
                scenario = DemoScenario.Saas;
                return true;
            case "EC":
                scenario = DemoScenario.Ec;
                return true;
            default:
                scenario = DemoScenario.Saas;
                return false;
        }
    }
}

/// <summary>What the demo generator produces: which business, how many customers, which random seed, which period.</summary>
/// <remarks>
/// The defaults make a demo reproducible anywhere: the history ends at a fixed instant, never at the clock,
/// so the same options give the same data on every machine and every day.
/// </remarks>
public sealed record DemoOptions
{
    /// <summary>The smallest number of customers allowed.</summary>
    public const int MinCustomers = 100;

    /// <summary>The largest number of customers allowed.</summary>
    public const int MaxCustomers = 1_000_000;

    /// <summary>The shortest history allowed, in months.</summary>
    public const int MinHistoryMonths = 6;

    /// <summary>The longest history allowed, in months.</summary>
    public const int MaxHistoryMonths = 60;

    /// <summary>The default end of the history: 2026-11-01 00:00 Japan time (2026-10-31T15:00Z).</summary>
    public static readonly DateTimeOffset DefaultHistoryEnd = new(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(9));

    /// <summary>The business imitated. Default <see cref="DemoScenario.Saas"/>.</summary>
    public DemoScenario Scenario { get; init; } = DemoScenario.Saas;

    /// <summary>Number of customers, from 100 to 1,000,000. Default 10,000.</summary>
    public int Customers { get; init; } = 10_000;

    /// <summary>Random seed; the same options give identical records in the same order. Default 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>
    /// The instant the history ends (exclusive): nothing is dated at or after it. Default
    /// <see cref="DefaultHistoryEnd"/>. Its offset is the business's time zone; give a local midnight.
    /// </summary>
    public DateTimeOffset HistoryEnd { get; init; } = DefaultHistoryEnd;

    /// <summary>Months of history before <see cref="HistoryEnd"/>, from 6 to 60. Default 24.</summary>
    public int HistoryMonths { get; init; } = 24;

    /// <summary>The first instant of the history: <see cref="HistoryEnd"/> minus <see cref="HistoryMonths"/> calendar months.</summary>
    public DateTimeOffset HistoryStart => HistoryEnd.AddMonths(-HistoryMonths);

    /// <summary>Checks every option; throws naming the option and its allowed range, in Japanese and English.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public void Validate()
    {
        if (Customers is < MinCustomers or > MaxCustomers)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Customers),
                Customers,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"customers (顧客数) は {MinCustomers:N0} から {MaxCustomers:N0} の範囲で指定してください。 / customers must be between {MinCustomers:N0} and {MaxCustomers:N0}; got {Customers:N0}."));
        }

        if (HistoryMonths is < MinHistoryMonths or > MaxHistoryMonths)
        {
            throw new ArgumentOutOfRangeException(
                nameof(HistoryMonths),
                HistoryMonths,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"historyMonths (履歴の月数) は {MinHistoryMonths} から {MaxHistoryMonths} の範囲で指定してください。 / historyMonths must be between {MinHistoryMonths} and {MaxHistoryMonths}; got {HistoryMonths}."));
        }

        if (!Enum.IsDefined(Scenario))
        {
            throw new ArgumentOutOfRangeException(
                nameof(Scenario),
                Scenario,
                "scenario (シナリオ) は saas または ec を指定してください。 / scenario must be saas or ec.");
        }
    }
}
