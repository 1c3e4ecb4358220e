using System.Globalization;
using Kizuki.Modeling;

namespace Kizuki.Tests.Modeling.LightGbm;

/// <summary>The public IBM Telco churn file as a design matrix: numbers stay numbers, text columns become category codes.</summary>
internal static class TelcoMatrix
{
    private static readonly string[] Numeric = ["SeniorCitizen", "tenure", "MonthlyCharges", "TotalCharges"];

    public static (DesignMatrix X, double[] Y) Load()
    {
        var path = Path.Combine(LightGbmTestData.SharedData(), "telco", "WA_Fn-UseC_-Telco-Customer-Churn.csv");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Telco file is missing at {path}.", path);
        }

        // The file has no quoted fields; a plain split is enough for this fixture.
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var target = Array.IndexOf(header, "Churn");
        var used = Enumerable.Range(0, header.Length).Where(c => c != target && header[c] != "customerID").ToArray();
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();

        var columns = new List<ModelColumn>();
        var codes = new List<Dictionary<string, int>?>();
        foreach (var c in used)
        {
            if (Numeric.Contains(header[c]))
            {
                columns.Add(new ModelColumn(header[c]));
                codes.Add(null);
            }
            else
            {
                var categories = rows.Select(r => r[c]).Distinct().Order(StringComparer.Ordinal).ToArray();
                columns.Add(new ModelColumn(header[c], categories));
                codes.Add(categories.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i));
            }
        }

        var values = new double[rows.Length * columns.Count];
        var y = new double[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var k = 0; k < used.Length; k++)
            {
                var cell = rows[r][used[k]].Trim();
                values[(r * columns.Count) + k] = codes[k] is { } map
                    ? map[rows[r][used[k]]]
                    : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;
            }

            y[r] = rows[r][target].Trim() == "Yes" ? 1 : 0;
        }

        return (new DesignMatrix(columns, values), y);
    }
}
