using static Kizuki.Lifetime.SpecialFunctions;

namespace Kizuki.Lifetime;

/// <summary>
/// The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): while active a customer buys at a Poisson rate
/// λ ~ Gamma(r, α) and stays active for an exponential time with rate μ ~ Gamma(s, β).
/// </summary>
/// <remarks>
/// The likelihood follows Fader &amp; Hardie's note (2005): its second term A₀ is a difference of two ₂F₁ values,
/// taken with the larger of α and β in the denominator of the argument so that z stays in [0, 1), and combined in
/// log space so that large frequencies neither overflow nor underflow.
/// </remarks>
/// <param name="R">Shape r of the purchase-rate distribution.</param>
/// <param name="Alpha">Scale α of the purchase-rate distribution.</param>
/// <param name="S">Shape s of the dropout-rate distribution.</param>
/// <param name="Beta">Scale β of the dropout-rate distribution.</param>
/// <param name="LogLikelihood">The maximised log-likelihood (0 when built from known parameters).</param>
/// <param name="Period">Time unit.</param>
public sealed partial record ParetoNbdModel(double R, double Alpha, double S, double Beta, double LogLikelihood, TimePeriod Period) : IPurchaseModel
{
    internal const string Name = "Pareto/NBD";

    /// <summary>Where the fit sits: <see cref="FitLimit.NoDropout"/> when S = 0 (then β has no effect), otherwise <see cref="FitLimit.None"/>.</summary>
    public FitLimit Limit => S == 0 ? FitLimit.NoDropout : FitLimit.None;

    /// <summary>A note for the user in Japanese and English when the fit is at a limit; null otherwise.</summary>
    public string? Note => Limit == FitLimit.NoDropout ? NoDropoutLimit.Note : null;

    /// <summary>
    /// Fits the model to the summaries by maximum likelihood; when the data show no dropout (the likelihood rises as the
    /// mean dropout rate s / β → 0), at that limit, the NBD: S = 0, Beta = 1 (no effect) and <see cref="Limit"/> = <see cref="FitLimit.NoDropout"/>.
    /// </summary>
    /// <exception cref="LifetimeFitException">The data cannot identify the model, not even at the no-dropout limit.</exception>
    public static ParetoNbdModel Fit(IReadOnlyList<CustomerSummary> summaries, TimePeriod period, LifetimeFitOptions? options = null)
    {
        var data = SummaryData.From(summaries);
        LikelihoodFit.RequireRepeaters(Name, data);
        var meanAge = NoDropoutLimit.MeanAge(data);
        double[][] starts = [[1, meanAge / 4, 1, meanAge / 4], [0.5, meanAge / 4, 0.5, meanAge / 3], [2, meanAge, 2, meanAge]];
        var (p, ll, atLimit) = NoDropoutLimit.Maximise(Name, ["r", "alpha", "s", "beta"],
            (q, gradient) => LogLikelihoodWithGradient(data, q[0], q[1], q[2], q[3], gradient), starts, data, options ?? LifetimeFitOptions.Default);
        return atLimit
            ? new ParetoNbdModel(p[0], p[1], 0, NoDropoutLimit.UnidentifiedScale, ll, period)
            : new ParetoNbdModel(p[0], p[1], p[2], p[3], ll, period);
    }

    /// <summary>The log-likelihood of the summaries under the given parameters.</summary>
    public static double LogLikelihoodOf(IReadOnlyList<CustomerSummary> summaries, double r, double alpha, double s, double beta) =>
        LogLikelihoodOf(SummaryData.From(summaries), r, alpha, s, beta);

    internal static double LogLikelihoodOf(SummaryData data, double r, double alpha, double s, double beta)
    {
        var total = 0.0;
        var head = (r * Math.Log(alpha)) + (s * Math.Log(beta));
        for (var g = 0; g < data.Frequencies.Length; g++)
        {
            var x = data.Frequencies[g];
            var groupSum = 0.0;
            var logShare = Math.Log(s / (r + s + x));
            for (var i = data.GroupStart[g]; i < data.GroupStart[g + 1]; i++)
            {
                var alive = AliveTerm(r, alpha, s, beta, x, data.Age[i]);
                var dead = logShare + LogA0(r, alpha, s, beta, x, data.Recency[i], data.Age[i]);
                groupSum += data.Weight[i] * LogSumExp(alive, dead);
            }

            total += groupSum + ((LogRising(r, x) + head) * data.GroupWeight[g]);
        }

        return total;
    }

    /// <summary>ln of 1 / ((α + T)^(r+x) (β + T)^s): the term of a customer still alive at T.</summary>
    private static double AliveTerm(double r, double alpha, double s, double beta, int x, double age) =>
        -((r + x) * Math.Log(alpha + age)) - (s * Math.Log(beta + age));

    /// <summary>ln A₀ of Fader &amp; Hardie's note; −∞ when t_x = T.</summary>
    internal static double LogA0(double r, double alpha, double s, double beta, int x, double recency, double age)
    {
        var k = r + s + x;
        double Part(double y) => alpha >= beta
            ? Math.Log(Hypergeometric.F21(k, s + 1, k + 1, (alpha - beta) / (alpha + y))) - (k * Math.Log(alpha + y))
            : Math.Log(Hypergeometric.F21(k, r + x, k + 1, (beta - alpha) / (beta + y))) - (k * Math.Log(beta + y));
        return LogDiffExp(Part(recency), Part(age));
    }

    /// <inheritdoc/>
    public double ProbabilityAlive(int frequency, double recency, double age)
    {
        if (S == 0)
        {
            return 1;
        }

        var ratio = Math.Log(S / (R + S + frequency)) + LogA0(R, Alpha, S, Beta, frequency, recency, age)
            - AliveTerm(R, Alpha, S, Beta, frequency, age);
        return 1 / (1 + Math.Exp(ratio));
    }

    /// <inheritdoc/>
    public double ConditionalExpectedPurchases(double horizon, int frequency, double recency, double age)
    {
        if (horizon <= 0)
        {
            return 0;
        }

        if (S == 0)
        {
            return NoDropoutLimit.ConditionalExpectedPurchases(R, Alpha, horizon, frequency, age);
        }

        var scale = (R + frequency) * (Beta + age) / (Alpha + age);
        return scale * LifetimeShare(S, Beta + age, horizon) * ProbabilityAlive(frequency, recency, age);
    }

    /// <inheritdoc/>
    public double ExpectedPurchases(double horizon) =>
        horizon <= 0 ? 0 : S == 0 ? NoDropoutLimit.ExpectedPurchases(R, Alpha, horizon) : R * Beta / Alpha * LifetimeShare(S, Beta, horizon);

    /// <summary>[1 − (b / (b + t))^(s−1)] / (s − 1), and its limit ln((b + t) / b) at s = 1.</summary>
    private static double LifetimeShare(double s, double b, double t)
    {
        var logRatio = Math.Log(b / (b + t));
        var m = s - 1;
        return Math.Abs(m * logRatio) < 1e-8 ? -logRatio * (1 + (m * logRatio / 2)) : -double.ExpM1(m * logRatio) / m;
    }
}
