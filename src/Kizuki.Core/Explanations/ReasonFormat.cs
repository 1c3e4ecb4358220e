using System.Globalization;

namespace Kizuki.Explanations;

/// <summary>How numbers, amounts, dates and points appear in reasons: formatted for Japan, identical in both languages where possible.</summary>
/// <param name="Currency">ISO 4217 code of amounts; JPY shows as 円 / ¥ with no minor unit.</param>
/// <param name="Zone">The zone dates are shown in (Asia/Tokyo by default).</param>
internal sealed record ReasonFormat(string Currency, TimeZoneInfo Zone)
{
    /// <summary>Japanese yen in Japan's time zone.</summary>
    public static ReasonFormat Japan { get; } = new("JPY", TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    /// <summary>A count or measure: thousands separators, at most <paramref name="decimals"/> decimals (12,345 / 2.5).</summary>
    public static string Number(double value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var format = decimals == 0 ? "#,0" : "#,0." + new string('#', decimals);
        var text = (rounded == 0 ? 0.0 : rounded).ToString(format, CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>An amount in Japanese: 12,345円 (JPY) or 12,345 USD.</summary>
    public string AmountJa(double value) => Currency == "JPY" ? Number(value, 0) + "円" : Number(value, 2) + " " + Currency;

    /// <summary>An amount in English: ¥12,345 (JPY) or 12,345 USD.</summary>
    public string AmountEn(double value) => Currency == "JPY" ? "¥" + Number(value, 0) : Number(value, 2) + " " + Currency;

    /// <summary>A date in Japanese: 2026年10月13日 (local date in the zone).</summary>
    public string DateJa(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Year}年{local.Month}月{local.Day}日");
    }

    /// <summary>A date in English: 2026-10-13 (local date in the zone).</summary>
    public string DateEn(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Probability points with their sign, in Japanese: +18pt, -2.5pt.</summary>
    public static string PointsJa(double points) => Signed(points) + "pt";

    /// <summary>Probability points with their sign, in English: +18 pts, -2.5 pts, +1 pt.</summary>
    public static string PointsEn(double points) => Signed(points) + (Math.Abs(Math.Round(points, 1)) == 1 ? " pt" : " pts");

    /// <summary>A share in percent: 0.625 → 63%.</summary>
    public static string Percent(double share) => Number(share * 100, 0) + "%";

    private static string Signed(double points)
    {
        var rounded = Math.Round(points, 1, MidpointRounding.AwayFromZero);
        return (rounded < 0 ? "-" : "+") + Number(Math.Abs(rounded), 1);
    }
}
