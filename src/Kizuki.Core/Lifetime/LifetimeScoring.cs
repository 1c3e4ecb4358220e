using System.Globalization;
using System.Text;

namespace Kizuki.Lifetime;

/// <summary>One customer's lifetime score: how likely still active, how much expected, what worth.</summary>
/// <param name="Summary">Frequency, recency and age at the as-of.</param>
/// <param name="ProbabilityAlive">P(alive) at the as-of.</param>
/// <param name="ExpectedPurchases">Expected purchases over the horizon.</param>
/// <param name="ExpectedSpend">Expected spend per purchase (Gamma-Gamma, or the customer's own mean without it).</param>
/// <param name="Clv">Discounted customer lifetime value over the CLV horizon.</param>
public readonly record struct LifetimeScore(CustomerSummary Summary, double ProbabilityAlive, double ExpectedPurchases, double ExpectedSpend, double Clv)
{
    /// <summary>P(no purchase over the horizon): the churn score of a shop whose churn is "no purchase in the window".</summary>
    public double ProbabilityNoPurchase { get; init; } = double.NaN;
}

/// <summary>Scores every customer with one fitted purchase model (and an optional spend model).</summary>
public static class LifetimeScoring
{
    /// <summary>Scores the summaries; <paramref name="horizonDays"/> is the window of expected purchases.</summary>
    public static IReadOnlyList<LifetimeScore> Score(IReadOnlyList<CustomerSummary> summaries, IPurchaseModel model, GammaGammaModel? spend,
        double horizonDays, ClvOptions clv)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonDays);
        var horizon = horizonDays / TimePeriods.DaysPer(model.Period);
        var result = new LifetimeScore[summaries.Count];
        Parallel.For(0, summaries.Count, i =>
        {
            var s = summaries[i];
            var perOrder = spend?.ExpectedSpend(s.Frequency, s.MeanRepeatSpend) ?? (s.Frequency > 0 ? s.MeanRepeatSpend : 0);
            result[i] = new LifetimeScore(s, model.ProbabilityAlive(s.Frequency, s.Recency, s.Age),
                model.ConditionalExpectedPurchases(horizon, s.Frequency, s.Recency, s.Age), perOrder, CustomerValue.Clv(model, spend, s, clv))
            {
                ProbabilityNoPurchase = model.ProbabilityNoPurchase(horizon, s.Frequency, s.Recency, s.Age),
            };
        });
        return result;
    }

    /// <summary>Writes the scores as CSV (UTF-8 with BOM, CRLF) with a header naming the horizon (of expected purchases and P(no purchase)).</summary>
    public static void WriteCsv(IReadOnlyList<LifetimeScore> scores, double horizonDays, string path)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var partial = path + ".partial";
        using (var writer = new StreamWriter(partial, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            writer.NewLine = "\r\n";
            var h = horizonDays.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"customer_id,frequency,recency,age,p_alive,expected_purchases_{h}d,p_no_purchase_{h}d,expected_spend,clv");
            foreach (var s in scores)
            {
                writer.WriteLine(string.Join(',', Quote(s.Summary.CustomerId), N(s.Summary.Frequency), N(s.Summary.Recency), N(s.Summary.Age),
                    N(s.ProbabilityAlive), N(s.ExpectedPurchases), N(s.ProbabilityNoPurchase), N(s.ExpectedSpend), N(s.Clv)));
            }
        }

        File.Move(partial, path, overwrite: true);
    }

    private static string N(double value) => double.IsFinite(value) ? Math.Round(value, 6).ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
