using static Kizuki.Lifetime.SpecialFunctions;

namespace Kizuki.Lifetime;

/// <summary>The Pareto/NBD log-likelihood together with its analytic gradient, which the fit's quasi-Newton steps follow.</summary>
public sealed partial record ParetoNbdModel
{
    /// <summary>
    /// The log-likelihood at (r, α, s, β) and its gradient with respect to (ln r, ln α, ln s, ln β), the space the fit searches.
    /// </summary>
    /// <remarks>
    /// A₀ = ₂F₁(k, b; k + 1; z) terms are differentiated through their series (see
    /// <see cref="Hypergeometric.ShiftedSeriesWithDerivatives"/>). Where a row's z exceeds <see cref="Hypergeometric.SeriesLimit"/>
    /// (one of α, β far above the other and a short history), the value comes from the 1 − z transformation and that row's
    /// ln A₀ is differentiated by central differences instead; near the optimum of real data no row takes that branch.
    /// </remarks>
    internal static double LogLikelihoodWithGradient(SummaryData data, double r, double alpha, double s, double beta, double[] gradient)
    {
        Span<double> g = stackalloc double[4];
        Span<double> dA = stackalloc double[4];
        Span<double> dD = stackalloc double[4];
        var total = 0.0;
        double logAlpha = Math.Log(alpha), logBeta = Math.Log(beta);
        var head = (r * logAlpha) + (s * logBeta);
        for (var grp = 0; grp < data.Frequencies.Length; grp++)
        {
            var x = data.Frequencies[grp];
            var k = r + s + x;
            var logShare = Math.Log(s / k);
            var groupWeight = data.GroupWeight[grp];
            var harmonic = 0.0;
            for (var i = 0; i < x; i++)
            {
                harmonic += 1 / (r + i);
            }

            total += (LogRising(r, x) + head) * groupWeight;
            g[0] += (harmonic + logAlpha) * groupWeight;
            g[1] += r / alpha * groupWeight;
            g[2] += logBeta * groupWeight;
            g[3] += s / beta * groupWeight;
            for (var i = data.GroupStart[grp]; i < data.GroupStart[grp + 1]; i++)
            {
                double age = data.Age[i], recency = data.Recency[i], weight = data.Weight[i];
                double logAlphaT = Math.Log(alpha + age), logBetaT = Math.Log(beta + age);
                var alive = -((r + x) * logAlphaT) - (s * logBetaT);
                dA[0] = -logAlphaT;
                dA[1] = -(r + x) / (alpha + age);
                dA[2] = -logBetaT;
                dA[3] = -s / (beta + age);
                var logA0 = LogA0WithGradient(r, alpha, s, beta, x, recency, age, dD);
                if (double.IsNegativeInfinity(logA0))
                {
                    total += weight * alive;
                    for (var j = 0; j < 4; j++)
                    {
                        g[j] += weight * dA[j];
                    }

                    continue;
                }

                var dead = logShare + logA0;
                dD[0] -= 1 / k;
                dD[2] += (1 / s) - (1 / k);
                total += weight * LogSumExp(alive, dead);
                var pDead = 1 / (1 + Math.Exp(alive - dead));
                for (var j = 0; j < 4; j++)
                {
                    g[j] += weight * (((1 - pDead) * dA[j]) + (pDead * dD[j]));
                }
            }
        }

        gradient[0] = g[0] * r;
        gradient[1] = g[1] * alpha;
        gradient[2] = g[2] * s;
        gradient[3] = g[3] * beta;
        return total;
    }

    /// <summary>ln A₀ and its gradient in (r, α, s, β) written to <paramref name="gradient"/>; −∞ (gradient zero) when t_x = T.</summary>
    internal static double LogA0WithGradient(double r, double alpha, double s, double beta, int x, double recency, double age, Span<double> gradient)
    {
        gradient.Clear();
        var limit = Hypergeometric.SeriesLimit;
        var spread = Math.Abs(alpha - beta);
        if (spread / (Math.Max(alpha, beta) + recency) > limit)
        {
            return LogA0WithDifferenceGradient(r, alpha, s, beta, x, recency, age, gradient);
        }

        Span<double> atRecency = stackalloc double[4];
        Span<double> atAge = stackalloc double[4];
        var first = PartWithGradient(r, alpha, s, beta, x, recency, atRecency);
        var second = PartWithGradient(r, alpha, s, beta, x, age, atAge);
        if (second >= first)
        {
            return double.NegativeInfinity;
        }

        // ln(e^P₁ − e^P₂) = P₁ + ln(1 − w) with w = e^(P₂ − P₁); its derivative is (∂P₁ − w ∂P₂) / (1 − w).
        var w = Math.Exp(second - first);
        var oneMinusW = -double.ExpM1(second - first);
        for (var j = 0; j < 4; j++)
        {
            gradient[j] = (atRecency[j] - (w * atAge[j])) / oneMinusW;
        }

        return first + Math.Log(oneMinusW);
    }

    /// <summary>ln ₂F₁(k, b; k + 1; z) − k ln(m + y) for one end y of the dropout interval, with its gradient in (r, α, s, β).</summary>
    private static double PartWithGradient(double r, double alpha, double s, double beta, int x, double y, Span<double> gradient)
    {
        var k = r + s + x;
        if (alpha >= beta)
        {
            var m = alpha + y;
            var (f, fk, fb, fz) = Hypergeometric.ShiftedSeriesWithDerivatives(k, s + 1, (alpha - beta) / m);
            var logM = Math.Log(m);
            gradient[0] = (fk / f) - logM;
            gradient[1] = (fz / f * (beta + y) / (m * m)) - (k / m);
            gradient[2] = ((fk + fb) / f) - logM;
            gradient[3] = -fz / f / m;
            return Math.Log(f) - (k * logM);
        }
        else
        {
            var m = beta + y;
            var (f, fk, fb, fz) = Hypergeometric.ShiftedSeriesWithDerivatives(k, r + x, (beta - alpha) / m);
            var logM = Math.Log(m);
            gradient[0] = ((fk + fb) / f) - logM;
            gradient[1] = -fz / f / m;
            gradient[2] = (fk / f) - logM;
            gradient[3] = (fz / f * (alpha + y) / (m * m)) - (k / m);
            return Math.Log(f) - (k * logM);
        }
    }

    /// <summary>ln A₀ by the general ₂F₁, differentiated by central differences of relative step 1e-6 in each parameter.</summary>
    private static double LogA0WithDifferenceGradient(double r, double alpha, double s, double beta, int x, double recency, double age, Span<double> gradient)
    {
        var value = LogA0(r, alpha, s, beta, x, recency, age);
        if (double.IsNegativeInfinity(value))
        {
            return value;
        }

        const double h = 1e-6;
        Span<double> p = [r, alpha, s, beta];
        for (var j = 0; j < 4; j++)
        {
            var keep = p[j];
            p[j] = keep * (1 + h);
            var up = LogA0(p[0], p[1], p[2], p[3], x, recency, age);
            p[j] = keep * (1 - h);
            var down = LogA0(p[0], p[1], p[2], p[3], x, recency, age);
            p[j] = keep;
            gradient[j] = (up - down) / (2 * h * keep);
        }

        return value;
    }
}
