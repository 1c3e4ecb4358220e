using System.Globalization;
using Kizuki.Lifetime;
using Kizuki.Tests.Modeling.LightGbm;

namespace Kizuki.Tests.Lifetime;

/// <summary>The CDNOW 1/10 sample of the shared data, read from its raw file and summarised as in the literature.</summary>
internal static class Cdnow
{
    /// <summary>The calibration's last day: 1997-09-30 (39 weeks from 1997-01-01).</summary>
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);

    private static readonly Lazy<IReadOnlyList<Purchase>> Raw = new(Read);
    private static readonly Lazy<IReadOnlyList<CustomerSummary>> Weekly = new(() => CustomerSummaries.FromPurchases(Raw.Value, CalibrationEnd, TimePeriod.Week));

    /// <summary>Every purchase of the sample (customer = sample id).</summary>
    public static IReadOnlyList<Purchase> Purchases => Raw.Value;

    /// <summary>The 2,357 customers summarised in weeks at 1997-09-30.</summary>
    public static IReadOnlyList<CustomerSummary> Summaries => Weekly.Value;

    private static List<Purchase> Read()
    {
        var path = Path.Combine(LightGbmTestData.SharedData(), "cdnow", "CDNOW_sample.txt");
        var result = new List<Purchase>();
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 5)
            {
                result.Add(new Purchase(f[1], DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture),
                    double.Parse(f[4], CultureInfo.InvariantCulture)));
            }
        }

        return result;
    }
}
