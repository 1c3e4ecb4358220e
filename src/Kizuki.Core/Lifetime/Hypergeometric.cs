using static Kizuki.Lifetime.SpecialFunctions;

namespace Kizuki.Lifetime;

/// <summary>The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real arguments and z &lt; 1.</summary>
/// <remarks>
/// The Pareto/NBD likelihood and the BG/NBD expectations need ₂F₁ with z anywhere in [0, 1), where the plain
/// series converges ever more slowly (and at z → 1 not at all when c − a − b ≤ 0). Following the usual route
/// (Abramowitz &amp; Stegun 15.3.4–15.3.6, as recommended in Fader &amp; Hardie's note on the Pareto/NBD):
/// negative z is mapped into (0, 1) by Pfaff's transformation; z up to <see cref="SeriesLimit"/> is summed
/// directly; beyond it the 1 − z transformation turns the function into two series in 1 − z &lt; 0.1, which
/// converge in a few dozen terms. That transformation has poles when c − a − b is an integer; there the
/// function is the mean of its values at b ± δ, whose singular parts cancel, extrapolated from δ and 2δ (error O(δ⁴)).
/// </remarks>
internal static class Hypergeometric
{
    /// <summary>Largest z summed directly; beyond it the 1 − z transformation is used.</summary>
    internal const double SeriesLimit = 0.9;

    private const double IntegerTolerance = 1e-4;
    private const double Perturbation = 3e-4;
    private const int MaxTerms = 100_000;

    /// <summary>₂F₁(a, b; c; z).</summary>
    /// <exception cref="ArgumentOutOfRangeException">z ≥ 1, c is a non-positive integer, or an argument is not finite.</exception>
    public static double F21(double a, double b, double c, double z)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(c) || !double.IsFinite(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), $"2F1({a}, {b}; {c}; {z}): every argument must be finite.");
        }

        if (z >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "2F1 is defined here for z < 1 only.");
        }

        if (c <= 0 && c == Math.Floor(c))
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, "2F1 is undefined when c is zero or a negative integer.");
        }

        if (z == 0 || a == 0 || b == 0)
        {
            return 1;
        }

        if (z < 0)
        {
            // Pfaff: F(a, b; c; z) = (1 − z)^(−a) F(a, c − b; c; z / (z − 1)), with z / (z − 1) in (0, 1).
            var w = z / (z - 1);
            return Math.Pow(1 - z, -a) * Positive(a, c - b, c, w);
        }

        return Positive(a, b, c, z);
    }

    private static double Positive(double a, double b, double c, double z)
    {
        if (z <= SeriesLimit)
        {
            return Series(a, b, c, z);
        }

        var m = c - a - b;
        if (Math.Abs(m - Math.Round(m)) > IntegerTolerance)
        {
            return OneMinusZ(a, b, c, z);
        }

        // Richardson extrapolation of the symmetric means at b ± δ and b ± 2δ removes the O(δ²) term.
        var near = 0.5 * (OneMinusZ(a, b + Perturbation, c, z) + OneMinusZ(a, b - Perturbation, c, z));
        var far = 0.5 * (OneMinusZ(a, b + (2 * Perturbation), c, z) + OneMinusZ(a, b - (2 * Perturbation), c, z));
        return ((4 * near) - far) / 3;
    }

    /// <summary>The defining series Σ (a)ₖ(b)ₖ / ((c)ₖ k!) zᵏ, summed until the terms no longer change the sum.</summary>
    internal static double Series(double a, double b, double c, double z)
    {
        var sum = 1.0;
        var term = 1.0;
        for (var k = 0; k < MaxTerms; k++)
        {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            var next = sum + term;
            if (term == 0 || (next == sum && Math.Abs(term) < 1e-17 * Math.Abs(next)))
            {
                return next;
            }

            sum = next;
        }

        throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}): the series did not converge in {MaxTerms} terms.");
    }

    /// <summary>
    /// ₂F₁(k, b; k + 1; z) for 0 ≤ z ≤ <see cref="SeriesLimit"/> and its partial derivatives in k, b and z, from one pass
    /// of the series Σ k / (k + n) · (b)ₙ / n! · zⁿ (the form the Pareto/NBD likelihood takes: c = a + 1).
    /// </summary>
    /// <remarks>
    /// Every term is positive, so the sums carry no cancellation; ∂/∂k multiplies a term by n / (k (k + n)), ∂/∂b by
    /// Σⱼ₍ⱼ₍ₙ₎ 1 / (b + j) and ∂/∂z by n / z. The sum stops once the next term cannot move any of the four sums.
    /// </remarks>
    internal static (double Value, double DK, double DB, double DZ) ShiftedSeriesWithDerivatives(double k, double b, double z)
    {
        if (z == 0)
        {
            return (1, 0, 0, k * b / (k + 1));
        }

        double value = 1, dk = 0, db = 0, nTerms = 0, term = 1, harmonic = 0;
        for (var n = 1; n < MaxTerms; n++)
        {
            harmonic += 1 / (b + n - 1);
            term *= (b + n - 1) / n * z * (k + n - 1) / (k + n);
            value += term;
            dk += term * n / (k * (k + n));
            db += term * harmonic;
            nTerms += term * n;
            if (term * (n + harmonic + 1) <= 1e-17 * (1 - z) * value)
            {
                return (value, dk, db, nTerms / z);
            }
        }

        throw new ArithmeticException($"2F1({k}, {b}; {k + 1}; {z}): the series did not converge in {MaxTerms} terms.");
    }

    /// <summary>A&amp;S 15.3.6: the 1 − z transformation, valid when c − a − b is not an integer.</summary>
    private static double OneMinusZ(double a, double b, double c, double z)
    {
        var m = c - a - b;
        var y = 1 - z;
        var first = GammaRatio(c, m, c - a, c - b) * Series(a, b, 1 - m, y);
        var second = GammaRatio(c, -m, a, b) * Math.Pow(y, m) * Series(c - a, c - b, 1 + m, y);
        return first + second;
    }

    /// <summary>Γ(p) Γ(q) / (Γ(r) Γ(s)); zero when r or s is a pole of Γ.</summary>
    private static double GammaRatio(double p, double q, double r, double s)
    {
        var (lp, sp) = LogGammaSigned(p);
        var (lq, sq) = LogGammaSigned(q);
        var (lr, sr) = LogGammaSigned(r);
        var (ls, ss) = LogGammaSigned(s);
        if (double.IsPositiveInfinity(lr) || double.IsPositiveInfinity(ls))
        {
            return 0;
        }

        return sp * sq * sr * ss * Math.Exp(lp + lq - lr - ls);
    }
}
