using static Kizuki.Lifetime.SpecialFunctions;

namespace Kizuki.Lifetime;

/// <summary>
/// The BG/NBD model (Fader, Hardie &amp; Lee 2005): while active a customer buys at a Poisson rate λ ~ Gamma(r, α),
/// and after each purchase drops out with probability p ~ Beta(a, b).
/// </summary>
/// <param name="R">Shape r of the purchase-rate distribution.</param>
/// <param name="Alpha">Scale α of the purchase-rate distribution (in periods).</param>
/// <param name="A">Beta parameter a of the dropout probability.</param>
/// <param name="B">Beta parameter b of the dropout probability.</param>
/// <param name="LogLikelihood">The maximised log-likelihood (0 when built from known parameters).</param>
/// <param name="Period">Time unit.</param>
public sealed partial record BgNbdModel(double R, double Alpha, double A, double B, double LogLikelihood, TimePeriod Period) : IPurchaseModel
{
    internal const string Name = "BG/NBD";

    /// <summary>Where the fit sits: <see cref="FitLimit.NoDropout"/> when A = 0 (then B has no effect), otherwise <see cref="FitLimit.None"/>.</summary>
    public FitLimit Limit => A == 0 ? FitLimit.NoDropout : FitLimit.None;

    /// <summary>A note for the user in Japanese and English when the fit is at a limit; null otherwise.</summary>
    public string? Note => Limit == FitLimit.NoDropout ? NoDropoutLimit.Note : null;

    /// <summary>
    /// Fits the model to the summaries by maximum likelihood; when the data show no dropout (the likelihood rises as
    /// a → 0), at that limit, the NBD: A = 0, B = 1 (no effect) and <see cref="Limit"/> = <see cref="FitLimit.NoDropout"/>.
    /// </summary>
    /// <exception cref="LifetimeFitException">The data cannot identify the model, not even at the no-dropout limit.</exception>
    public static BgNbdModel Fit(IReadOnlyList<CustomerSummary> summaries, TimePeriod period, LifetimeFitOptions? options = null)
    {
        var data = SummaryData.From(summaries);
        LikelihoodFit.RequireRepeaters(Name, data);
        var meanAge = NoDropoutLimit.MeanAge(data);
        double[][] starts = [[1, meanAge / 4, 1, 1], [0.25, meanAge / 8, 0.8, 2.5], [2, meanAge, 0.5, 5]];
        var (p, ll, atLimit) = NoDropoutLimit.Maximise(Name, ["r", "alpha", "a", "b"],
            (q, gradient) => LogLikelihoodWithGradient(data, q[0], q[1], q[2], q[3], gradient), starts, data, options ?? LifetimeFitOptions.Default);
        return atLimit
            ? new BgNbdModel(p[0], p[1], 0, NoDropoutLimit.UnidentifiedScale, ll, period)
            : new BgNbdModel(p[0], p[1], p[2], p[3], ll, period);
    }

    /// <summary>The log-likelihood of the summaries under the given parameters.</summary>
    public static double LogLikelihoodOf(IReadOnlyList<CustomerSummary> summaries, double r, double alpha, double a, double b) =>
        LogLikelihoodOf(SummaryData.From(summaries), r, alpha, a, b);

    internal static double LogLikelihoodOf(SummaryData data, double r, double alpha, double a, double b)
    {
        var total = 0.0;
        var logA = Math.Log(a);
        var rLogAlpha = r * Math.Log(alpha);
        for (var g = 0; g < data.Frequencies.Length; g++)
        {
            var x = data.Frequencies[g];
            var constant = LogRising(r, x) + rLogAlpha + LogRising(b, x) - LogRising(a + b, x);
            var dropTerm = x > 0 ? logA - Math.Log(b + x - 1) : double.NegativeInfinity;
            var groupSum = 0.0;
            for (var i = data.GroupStart[g]; i < data.GroupStart[g + 1]; i++)
            {
                var alive = -(r + x) * Math.Log(alpha + data.Age[i]);
                var value = x > 0 ? LogSumExp(alive, dropTerm - ((r + x) * Math.Log(alpha + data.Recency[i]))) : alive;
                groupSum += data.Weight[i] * value;
            }

            total += groupSum + (constant * data.GroupWeight[g]);
        }

        return total;
    }

    /// <summary>The log-likelihood and its gradient with respect to (ln r, ln α, ln a, ln b).</summary>
    internal static double LogLikelihoodWithGradient(SummaryData data, double r, double alpha, double a, double b, double[] gradient)
    {
        double total = 0, gr = 0, gAlpha = 0, ga = 0, gb = 0;
        double logA = Math.Log(a), logAlpha = Math.Log(alpha);
        for (var g = 0; g < data.Frequencies.Length; g++)
        {
            var x = data.Frequencies[g];
            var weightOfGroup = data.GroupWeight[g];
            total += (LogRising(r, x) + (r * logAlpha) + LogRising(b, x) - LogRising(a + b, x)) * weightOfGroup;
            double harmonicR = 0, harmonicB = 0, harmonicAb = 0;
            for (var i = 0; i < x; i++)
            {
                harmonicR += 1 / (r + i);
                harmonicB += 1 / (b + i);
                harmonicAb += 1 / (a + b + i);
            }

            gr += (harmonicR + logAlpha) * weightOfGroup;
            gAlpha += r / alpha * weightOfGroup;
            ga -= harmonicAb * weightOfGroup;
            gb += (harmonicB - harmonicAb) * weightOfGroup;
            var dropTerm = x > 0 ? logA - Math.Log(b + x - 1) : double.NegativeInfinity;
            for (var i = data.GroupStart[g]; i < data.GroupStart[g + 1]; i++)
            {
                var weight = data.Weight[i];
                var logAlphaT = Math.Log(alpha + data.Age[i]);
                var alive = -(r + x) * logAlphaT;
                if (x == 0)
                {
                    total += weight * alive;
                    gr -= weight * logAlphaT;
                    gAlpha -= weight * r / (alpha + data.Age[i]);
                    continue;
                }

                var logAlphaTx = Math.Log(alpha + data.Recency[i]);
                var drop = dropTerm - ((r + x) * logAlphaTx);
                total += weight * LogSumExp(alive, drop);
                var pDrop = 1 / (1 + Math.Exp(alive - drop));
                var pAlive = 1 - pDrop;
                gr -= weight * ((pAlive * logAlphaT) + (pDrop * logAlphaTx));
                gAlpha -= weight * (r + x) * ((pAlive / (alpha + data.Age[i])) + (pDrop / (alpha + data.Recency[i])));
                ga += weight * pDrop / a;
                gb -= weight * pDrop / (b + x - 1);
            }
        }

        gradient[0] = gr * r;
        gradient[1] = gAlpha * alpha;
        gradient[2] = ga * a;
        gradient[3] = gb * b;
        return total;
    }

    /// <inheritdoc/>
    public double ProbabilityAlive(int frequency, double recency, double age)
    {
        if (frequency == 0 || A == 0)
        {
            return 1;
        }

        var logOdds = Math.Log(A) - Math.Log(B + frequency - 1) + ((R + frequency) * (Math.Log(Alpha + age) - Math.Log(Alpha + recency)));
        return 1 / (1 + Math.Exp(logOdds));
    }

    /// <inheritdoc/>
    public double ConditionalExpectedPurchases(double horizon, int frequency, double recency, double age)
    {
        if (horizon <= 0)
        {
            return 0;
        }

        if (A == 0)
        {
            return NoDropoutLimit.ConditionalExpectedPurchases(R, Alpha, horizon, frequency, age);
        }

        var x = frequency;
        var z = horizon / (Alpha + age + horizon);
        var tail = Math.Pow((Alpha + age) / (Alpha + age + horizon), R + x) * Hypergeometric.F21(R + x, B + x, A + B + x - 1, z);
        var numerator = (A + B + x - 1) / (A - 1) * (1 - tail);
        return numerator * ProbabilityAlive(frequency, recency, age);
    }

    /// <inheritdoc/>
    public double ExpectedPurchases(double horizon)
    {
        if (horizon <= 0 || A == 0)
        {
            return NoDropoutLimit.ExpectedPurchases(R, Alpha, horizon);
        }

        var tail = Math.Pow(Alpha / (Alpha + horizon), R) * Hypergeometric.F21(R, B, A + B - 1, horizon / (Alpha + horizon));
        return (A + B - 1) / (A - 1) * (1 - tail);
    }

    /// <summary>P(X(t) = n): the probability that a new customer makes exactly n repeat purchases in t periods.</summary>
    public double ProbabilityOfPurchases(double horizon, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (A == 0)
        {
            return NoDropoutLimit.ProbabilityOfPurchases(R, Alpha, horizon, count);
        }

        var logBase = LogBeta(A, B);
        var logShare = Math.Log(horizon / (Alpha + horizon));
        var logKeep = R * Math.Log(Alpha / (Alpha + horizon));
        var first = Math.Exp(LogBeta(A, B + count) - logBase + LogRising(R, count) - LogGamma(count + 1) + logKeep + (count * logShare));
        if (count == 0)
        {
            return first;
        }

        var sum = 0.0;
        for (var j = 0; j < count; j++)
        {
            sum += Math.Exp(LogRising(R, j) - LogGamma(j + 1) + logKeep + (j * logShare));
        }

        return first + (Math.Exp(LogBeta(A + 1, B + count - 1) - logBase) * (1 - sum));
    }
}
