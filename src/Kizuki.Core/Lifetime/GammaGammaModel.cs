using static Kizuki.Lifetime.SpecialFunctions;

namespace Kizuki.Lifetime;

/// <summary>
/// The Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV"): a customer's spend per transaction is
/// Gamma(p, ν) around their own mean, with ν ~ Gamma(q, γ) across customers. Fitted on repeat buyers only.
/// </summary>
/// <param name="P">Shape p of spend per transaction.</param>
/// <param name="Q">Shape q of the customers' scale distribution.</param>
/// <param name="Gamma">Scale γ of the customers' scale distribution.</param>
/// <param name="LogLikelihood">The maximised log-likelihood (0 when built from known parameters).</param>
public sealed partial record GammaGammaModel(double P, double Q, double Gamma, double LogLikelihood)
{
    internal const string Name = "Gamma-Gamma";

    /// <summary>Fits the model to the repeat buyers (x &gt; 0, positive mean spend) among the summaries.</summary>
    /// <exception cref="LifetimeFitException">Too few repeat buyers, or the data cannot identify the model.</exception>
    public static GammaGammaModel Fit(IReadOnlyList<CustomerSummary> summaries, LifetimeFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var buyers = summaries.Where(s => s.Frequency > 0 && s.MeanRepeatSpend > 0).ToArray();
        if (buyers.Length < 10)
        {
            throw new LifetimeFitException(
                $"{Name}: 金額の分かるリピート購入者が {buyers.Length} 人しかいません（10 人以上必要）。 / {Name}: only {buyers.Length} repeat buyers with a positive spend; at least 10 are needed.");
        }

        var x = buyers.Select(b => (double)b.Frequency).ToArray();
        var m = buyers.Select(b => b.MeanRepeatSpend).ToArray();
        var mean = m.Average();
        double[][] starts = [[1, 1, mean], [5, 3, mean * 2], [2, 5, mean * 5]];
        var (p, ll) = LikelihoodFit.Maximise(Name, ["p", "q", "gamma"], (q, gradient) => LogLikelihoodWithGradient(x, m, q[0], q[1], q[2], gradient),
            starts, options ?? LifetimeFitOptions.Default);
        return new GammaGammaModel(p[0], p[1], p[2], ll);
    }

    internal static double LogLikelihoodOf(double[] x, double[] m, double p, double q, double gamma)
    {
        var total = 0.0;
        var fixedPart = (q * Math.Log(gamma)) - LogGamma(q);
        for (var i = 0; i < x.Length; i++)
        {
            var px = p * x[i];
            total += LogGamma(px + q) - LogGamma(px) + fixedPart + ((px - 1) * Math.Log(m[i])) + (px * Math.Log(x[i]))
                - ((px + q) * Math.Log(gamma + (m[i] * x[i])));
        }

        return total;
    }

    /// <summary>The log-likelihood and its gradient with respect to (ln p, ln q, ln γ).</summary>
    internal static double LogLikelihoodWithGradient(double[] x, double[] m, double p, double q, double gamma, double[] gradient)
    {
        double total = 0, gp = 0, gq = 0, gGamma = 0;
        var logGamma = Math.Log(gamma);
        var fixedPart = (q * logGamma) - LogGamma(q);
        var digammaQ = Digamma(q);
        for (var i = 0; i < x.Length; i++)
        {
            var px = p * x[i];
            double logM = Math.Log(m[i]), logX = Math.Log(x[i]), logSpend = Math.Log(gamma + (m[i] * x[i]));
            var digammaPxq = Digamma(px + q);
            total += LogGamma(px + q) - LogGamma(px) + fixedPart + ((px - 1) * logM) + (px * logX) - ((px + q) * logSpend);
            gp += x[i] * (digammaPxq - Digamma(px) + logM + logX - logSpend);
            gq += digammaPxq - digammaQ + logGamma - logSpend;
            gGamma += (q / gamma) - ((px + q) / (gamma + (m[i] * x[i])));
        }

        gradient[0] = gp * p;
        gradient[1] = gq * q;
        gradient[2] = gGamma * gamma;
        return total;
    }

    /// <summary>The log-likelihood of the repeat buyers among the summaries under the given parameters.</summary>
    public static double LogLikelihoodOf(IReadOnlyList<CustomerSummary> summaries, double p, double q, double gamma)
    {
        var buyers = summaries.Where(s => s.Frequency > 0 && s.MeanRepeatSpend > 0).ToArray();
        return LogLikelihoodOf(buyers.Select(b => (double)b.Frequency).ToArray(), buyers.Select(b => b.MeanRepeatSpend).ToArray(), p, q, gamma);
    }

    /// <summary>Expected spend per transaction of a customer with <paramref name="frequency"/> repeat transactions averaging <paramref name="meanSpend"/>.</summary>
    /// <remarks>Customers without repeats get the population mean pγ / (q − 1) (infinite when q ≤ 1, reported as NaN).</remarks>
    public double ExpectedSpend(int frequency, double meanSpend)
    {
        if (frequency <= 0 || !(meanSpend > 0))
        {
            return Q > 1 ? P * Gamma / (Q - 1) : double.NaN;
        }

        return (Gamma + (meanSpend * frequency)) * P / ((P * frequency) + Q - 1);
    }
}
