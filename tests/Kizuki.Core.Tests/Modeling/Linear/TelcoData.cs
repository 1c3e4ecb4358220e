using System.Globalization;
using System.Runtime.CompilerServices;
using Kizuki.Modeling;

namespace Kizuki.Tests.Modeling.Linear;

/// <summary>The IBM Telco churn CSV from ../shared/data beside the repository root, encoded simply for models.</summary>
internal static class TelcoData
{
    private static readonly string[] NumericColumns = ["SeniorCitizen", "tenure", "MonthlyCharges", "TotalCharges"];

    /// <summary>
    /// The CSV under ../shared/data beside the repository root. The root is the first directory holding Kizuki.slnx above
    /// the test binaries, or, when they are built elsewhere (--artifacts-path), above this source file.
    /// </summary>
    public static string FilePath => Locate();

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        var root = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Path.GetDirectoryName(sourceFile))
            ?? throw new InvalidOperationException($"No directory holding Kizuki.slnx above {AppContext.BaseDirectory} or {sourceFile}.");
        var path = Path.Combine(root.Parent!.FullName, "shared", "data", "telco", "WA_Fn-UseC_-Telco-Customer-Churn.csv");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The Telco CSV is missing; expected it at {path}.", path);
    }

    private static DirectoryInfo? FindRoot(string? start)
    {
        var directory = start is null ? null : new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kizuki.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.Parent is null ? null : directory;
    }

    /// <summary>Numeric columns as numbers (blank TotalCharges as NaN), other columns as category codes, Churn Yes → 1.</summary>
    public static (DesignMatrix X, double[] Y) Load()
    {
        var lines = File.ReadAllLines(FilePath);
        var header = lines[0].Split(',');
        var target = Array.IndexOf(header, "Churn");
        var used = Enumerable.Range(0, header.Length).Where(c => c != target && header[c] != "customerID").ToArray();
        var categories = used.Select(_ => new List<string>()).ToArray();
        var values = new List<double>();
        var y = new List<double>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(',');
            for (var k = 0; k < used.Length; k++)
            {
                var text = fields[used[k]].Trim();
                if (NumericColumns.Contains(header[used[k]]))
                {
                    values.Add(text.Length == 0 ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture));
                    continue;
                }

                var code = categories[k].IndexOf(text);
                if (code < 0)
                {
                    code = categories[k].Count;
                    categories[k].Add(text);
                }

                values.Add(code);
            }

            y.Add(fields[target] == "Yes" ? 1 : 0);
        }

        var columns = used.Select((c, k) => NumericColumns.Contains(header[c]) ? new ModelColumn(header[c]) : new ModelColumn(header[c], categories[k])).ToArray();
        return (new DesignMatrix(columns, [.. values]), [.. y]);
    }
}
