using static Kizuki.Lifetime.SpecialFunctions;

namespace Kizuki.Lifetime;

/// <summary>Where a purchase model's fit sits: inside the parameter space, or at the limit the data push it to.</summary>
public enum FitLimit
{
    /// <summary>An interior maximum: every parameter identified.</summary>
    None,

    /// <summary>
    /// The data show no dropout: the likelihood keeps rising as the mean dropout (a / (a + b), or s / β) goes to zero, so the
    /// model is fitted at that limit, which is the NBD (a = 0 or s = 0; b or β then has no effect and is not identified).
    /// </summary>
    NoDropout,
}

/// <summary>
/// The no-dropout limit shared by BG/NBD and Pareto/NBD: the negative binomial distribution (NBD) model of Ehrenberg, where
/// a customer buys forever at a Poisson rate λ ~ Gamma(r, α).
/// </summary>
/// <remarks>
/// <para><b>Identification policy.</b> When the full model's maximum fails its checks (a parameter at its bound, or a flat
/// likelihood), the NBD is fitted as well. BG/NBD at a = 0 and Pareto/NBD at s = 0 have exactly the NBD's likelihood (the
/// dropout terms vanish, b and β drop out), and either model tends to it as its mean dropout goes to zero (a → 0 or b → ∞;
/// s → 0 or β → ∞, i.e. μ → 0). So when the NBD's maximum is at least the full model's best value (within 1e-3 + 1e-7 |ℓ|),
/// the supremum is that limit and the fit is accepted there, with r and α maximised and checked (bounds, curvature) as any
/// fit, and a = 0 (s = 0) recorded. Any other failure (rates running to infinity, i.e. homogeneous customers; too few
/// repeat buyers) keeps its message.</para>
/// <para>In the limit P(alive) = 1 and the conditional expectations are the NBD's closed forms, computed directly here
/// rather than from the general formulas, whose ratios become 0/0.</para>
/// </remarks>
internal static class NoDropoutLimit
{
    /// <summary>The note a fit at the limit carries, in Japanese.</summary>
    public const string NoteJapanese = "離脱が識別できません: 離脱なし (NBD) の極限で推定しました";

    /// <summary>The note a fit at the limit carries, in English.</summary>
    public const string NoteEnglish = "dropout not identified: fitted at the no-dropout (NBD) limit";

    /// <summary>The note a fit at the limit carries, in Japanese and English.</summary>
    public const string Note = NoteJapanese + " / " + NoteEnglish;

    /// <summary>The value recorded for b (BG/NBD) or β (Pareto/NBD) at the limit, where it has no effect; any positive value would do.</summary>
    public const double UnidentifiedScale = 1;

    /// <summary>
    /// Maximises the full model's likelihood; when that fails and the NBD limit is the supremum, returns the NBD's r and α
    /// with <c>AtLimit</c> true (Parameters then hold two values). Otherwise throws the full model's reason.
    /// </summary>
    public static (double[] Parameters, double LogLikelihood, bool AtLimit) Maximise(string model, string[] names,
        LogLikelihoodWithGradient logLikelihood, IReadOnlyList<double[]> starts, SummaryData data, LifetimeFitOptions options)
    {
        var optimum = LikelihoodFit.Search(model, names, logLikelihood, starts, options);
        if (optimum.Problem is null)
        {
            return (optimum.Parameters, optimum.LogLikelihood, false);
        }

        (double[] Parameters, double LogLikelihood) limit;
        try
        {
            var meanAge = MeanAge(data);
            limit = LikelihoodFit.Maximise(model + " (NBD)", ["r", "alpha"], (q, gradient) => LogLikelihoodWithGradient(data, q[0], q[1], gradient),
                [[1, meanAge / 4], [0.25, meanAge / 8], [2, meanAge]], options);
        }
        catch (LifetimeFitException)
        {
            throw new LifetimeFitException(optimum.Problem);
        }

        var tolerance = 1e-3 + (1e-7 * Math.Abs(optimum.LogLikelihood));
        if (!(limit.LogLikelihood >= optimum.LogLikelihood - tolerance))
        {
            throw new LifetimeFitException(optimum.Problem);
        }

        return (limit.Parameters, limit.LogLikelihood, true);
    }

    /// <summary>The mean age T over the customers.</summary>
    public static double MeanAge(SummaryData data) => data.Age.Zip(data.Weight, (t, w) => t * w).Sum() / data.Customers;

    /// <summary>The NBD log-likelihood Σ ln[Γ(r + x) / Γ(r) · α^r / (α + T)^(r + x)] and its gradient in (ln r, ln α).</summary>
    public static double LogLikelihoodWithGradient(SummaryData data, double r, double alpha, double[] gradient)
    {
        double total = 0, gr = 0, gAlpha = 0;
        var logAlpha = Math.Log(alpha);
        for (var g = 0; g < data.Frequencies.Length; g++)
        {
            var x = data.Frequencies[g];
            var weightOfGroup = data.GroupWeight[g];
            var harmonic = 0.0;
            for (var i = 0; i < x; i++)
            {
                harmonic += 1 / (r + i);
            }

            total += (LogRising(r, x) + (r * logAlpha)) * weightOfGroup;
            gr += (harmonic + logAlpha) * weightOfGroup;
            gAlpha += r / alpha * weightOfGroup;
            for (var i = data.GroupStart[g]; i < data.GroupStart[g + 1]; i++)
            {
                var weight = data.Weight[i];
                var logAlphaT = Math.Log(alpha + data.Age[i]);
                total -= weight * (r + x) * logAlphaT;
                gr -= weight * logAlphaT;
                gAlpha -= weight * (r + x) / (alpha + data.Age[i]);
            }
        }

        gradient[0] = gr * r;
        gradient[1] = gAlpha * alpha;
        return total;
    }

    /// <summary>E[X(t)] = r t / α: expected purchases of a new customer in <paramref name="horizon"/> periods.</summary>
    public static double ExpectedPurchases(double r, double alpha, double horizon) => horizon <= 0 ? 0 : r * horizon / alpha;

    /// <summary>E[Y(t) | x, T] = (r + x) t / (α + T): the posterior mean rate times the horizon (recency does not matter).</summary>
    public static double ConditionalExpectedPurchases(double r, double alpha, double horizon, int frequency, double age) =>
        horizon <= 0 ? 0 : (r + frequency) * horizon / (alpha + age);

    /// <summary>P(no purchase in H | x, T) = ((α + T) / (α + T + H))^(r + x): the Gamma(r + x, α + T) rate draws no event.</summary>
    public static double ProbabilityNoPurchase(double r, double alpha, double horizon, int frequency, double age) =>
        horizon <= 0 ? 1 : Math.Exp((r + frequency) * Math.Log((alpha + age) / (alpha + age + horizon)));

    /// <summary>P(X(t) = n) = Γ(r + n) / (Γ(r) n!) (α / (α + t))^r (t / (α + t))^n.</summary>
    public static double ProbabilityOfPurchases(double r, double alpha, double horizon, int count) =>
        Math.Exp(LogRising(r, count) - LogGamma(count + 1) + (r * Math.Log(alpha / (alpha + horizon))) + (count * Math.Log(horizon / (alpha + horizon))));
}
