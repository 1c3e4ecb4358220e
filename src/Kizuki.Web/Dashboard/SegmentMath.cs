using Kizuki.Domain;

namespace Kizuki.Web.Dashboard;

/// <summary>Observed churn by segment and by month, from customers and their churn events.</summary>
/// <remarks>
/// A customer counts as churned when the store holds a churn event for them. Missing attribute values form their own
/// "(none)" group rather than being dropped, so the cells always add up to all customers.
/// </remarks>
internal static class SegmentMath
{
    /// <summary>The label of customers without a value for the attribute.</summary>
    public const string None = "(none)";

    private static readonly string[] Builtin = ["industry", "region", "plan", "acquisitionChannel", "companySize"];

    public static IReadOnlyList<string> Attributes(ScoreSnapshot snapshot)
    {
        var custom = snapshot.Customers.Values.SelectMany(c => c.Attributes.Keys).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select(k => "attr:" + k);
        return [.. Builtin, .. custom];
    }

    public static SegmentHeatMap HeatMap(ScoreSnapshot snapshot, string rows, string columns)
    {
        var cells = new Dictionary<(string, string), int[]>();
        foreach (var customer in snapshot.Customers.Values)
        {
            var key = (Value(customer, rows), Value(customer, columns));
            if (!cells.TryGetValue(key, out var tally))
            {
                cells[key] = tally = new int[2];
            }

            tally[0]++;
            tally[1] += snapshot.Churned.ContainsKey(customer.Id) ? 1 : 0;
        }

        var rowValues = cells.Keys.Select(k => k.Item1).Distinct().Order(StringComparer.Ordinal).ToList();
        var columnValues = cells.Keys.Select(k => k.Item2).Distinct().Order(StringComparer.Ordinal).ToList();
        var list = cells.Select(c => new SegmentCell(c.Key.Item1, c.Key.Item2, c.Value[0], c.Value[1], (double)c.Value[1] / c.Value[0]))
            .OrderBy(c => c.Row, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal).ToList();
        var total = snapshot.Customers.Count;
        var churned = snapshot.Customers.Keys.Count(snapshot.Churned.ContainsKey);
        return new SegmentHeatMap(rows, columns, rowValues, columnValues, list, total, churned, total == 0 ? 0 : (double)churned / total);
    }

    public static IReadOnlyList<ChurnMonth> Trend(ScoreSnapshot snapshot, TimeZoneInfo zone)
    {
        if (snapshot.Customers.Count == 0)
        {
            return [];
        }

        static DateOnly MonthOf(DateTimeOffset instant, TimeZoneInfo zone)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            return new DateOnly(local.Year, local.Month, 1);
        }

        var signups = snapshot.Customers.Values.GroupBy(c => MonthOf(c.SignupAt, zone)).ToDictionary(g => g.Key, g => g.Count());
        var churns = snapshot.Churned.Where(c => snapshot.Customers.ContainsKey(c.Key))
            .GroupBy(c => MonthOf(c.Value, zone)).ToDictionary(g => g.Key, g => g.Count());
        var first = signups.Keys.Min();
        var last = new[] { signups.Keys.Max(), churns.Count == 0 ? first : churns.Keys.Max() }.Max();
        var months = new List<ChurnMonth>();
        var active = 0;
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            // Active at the month's start: signed up in an earlier month and not churned before it.
            var churned = churns.GetValueOrDefault(month);
            months.Add(new ChurnMonth(month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), active, churned,
                active == 0 ? null : (double)churned / active));
            active += signups.GetValueOrDefault(month) - churned;
        }

        return months;
    }

    private static string Value(Customer customer, string attribute)
    {
        var value = attribute switch
        {
            "industry" => customer.Segment.Industry,
            "region" => customer.Segment.Region,
            "plan" => customer.Segment.Plan,
            "acquisitionChannel" => customer.Segment.AcquisitionChannel,
            "companySize" => customer.Segment.CompanySize,
            _ when attribute.StartsWith("attr:", StringComparison.Ordinal) => customer.Attributes.GetValueOrDefault(attribute[5..]),
            _ => null,
        };
        return string.IsNullOrEmpty(value) ? None : value;
    }
}

/// <summary>Churn rate by two attributes.</summary>
internal sealed record SegmentHeatMap(
    string RowAttribute, string ColumnAttribute, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns,
    IReadOnlyList<SegmentCell> Cells, int Customers, int Churned, double ChurnRate);

/// <summary>One cell: customers with both values, how many churned, and the rate.</summary>
internal sealed record SegmentCell(string Row, string Column, int Customers, int Churned, double ChurnRate);

/// <summary>One month: customers active at its start, churned in it, and the rate (null when none were active).</summary>
internal sealed record ChurnMonth(string Month, int ActiveAtStart, int Churned, double? ChurnRate);
