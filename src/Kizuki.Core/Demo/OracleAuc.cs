using System.Globalization;
using Kizuki.Features.History;
using Kizuki.Features.Labels;
using Kizuki.Modeling.Evaluation;

namespace Kizuki.Demo;

/// <summary>
/// The best ranking any model could reach on the demo: the generator's true churn hazards, turned into each customer's
/// true probability of churning in the prediction window, scored against what really happened.
/// </summary>
/// <remarks>
/// Only <c>kizuki demo</c> reads the ground truth, to show how close the model comes; the product never does. The true
/// probability of churning in [T, T + window) is 1 − Π (1 − h_m)^f_m over the calendar months m the window touches, where
/// h_m is the month's hazard and f_m the share of the month inside the window.
/// </remarks>
internal static class OracleAuc
{
    /// <summary>The oracle's ROC-AUC on the rows of one cutoff of a training set, or NaN when a class is missing.</summary>
    public static double Compute(string hazardFile, TrainingSet set, long cutoff)
    {
        var hazards = Read(hazardFile);
        var window = set.Definition.Window;
        var scores = new List<double>();
        var labels = new List<double>();
        for (var r = 0; r < set.RowCount; r++)
        {
            if (set.Cutoffs[r] != cutoff)
            {
                continue;
            }

            scores.Add(hazards.TryGetValue(set.CustomerIds[r], out var months) ? Probability(months, cutoff, cutoff + window) : 0);
            labels.Add(set.Labels[r]);
        }

        return labels.Count == 0 ? double.NaN : BinaryMetrics.RocAuc([.. scores], [.. labels]);
    }

    private static double Probability(List<(long Start, long End, double Hazard)> months, long from, long to)
    {
        var logSurvival = 0.0;
        foreach (var (start, end, hazard) in months)
        {
            var overlap = Math.Min(end, to) - Math.Max(start, from);
            if (overlap > 0)
            {
                logSurvival += Math.Log(1 - Math.Min(hazard, 0.999999)) * overlap / (end - start);
            }
        }

        return 1 - Math.Exp(logSurvival);
    }

    private static Dictionary<string, List<(long Start, long End, double Hazard)>> Read(string path)
    {
        var result = new Dictionary<string, List<(long, long, double)>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var parts = line.Split(',');
            if (parts.Length < 3)
            {
                continue;
            }

            var start = DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture);
            var months = MonthsOf(result, parts[0]);
            months.Add((Millis.Of(start), Millis.Of(start.AddMonths(1)), double.Parse(parts[2], CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private static List<(long, long, double)> MonthsOf(Dictionary<string, List<(long, long, double)>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }
}
