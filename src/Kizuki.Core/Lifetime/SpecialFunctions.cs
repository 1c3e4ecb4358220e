namespace Kizuki.Lifetime;

/// <summary>Log-gamma and related functions the lifetime models need, accurate to about 1e-15 relative.</summary>
internal static class SpecialFunctions
{
    // Lanczos approximation, g = 7, n = 9 (Numerical Recipes / Godfrey coefficients).
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>ln |Γ(x)| for any real x that is not a non-positive integer.</summary>
    public static double LogGamma(double x) => LogGammaSigned(x).Log;

    /// <summary>ln |Γ(x)| and the sign of Γ(x); the log is +∞ at the poles (non-positive integers).</summary>
    public static (double Log, int Sign) LogGammaSigned(double x)
    {
        if (x <= 0 && x == Math.Floor(x))
        {
            return (double.PositiveInfinity, 1);
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
            var sin = Math.Sin(Math.PI * x);
            var (log, _) = LogGammaSigned(1 - x);
            return (Math.Log(Math.PI / Math.Abs(sin)) - log, sin < 0 ? -1 : 1);
        }

        if (x > 15)
        {
            // Stirling's series, exact to double precision here.
            var inv = 1 / x;
            var inv2 = inv * inv;
            var series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 / 1188))));
            return (((x - 0.5) * Math.Log(x)) - x + HalfLogTwoPi + series, 1);
        }

        x -= 1;
        var sum = Lanczos[0];
        var t = x + 7.5;
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        return (HalfLogTwoPi + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum), 1);
    }

    /// <summary>The digamma function ψ(x) = d ln Γ(x) / dx for x &gt; 0, accurate to about 1e-14.</summary>
    /// <remarks>Shifts x above 10 by ψ(x) = ψ(x + 1) − 1/x, then sums the asymptotic series.</remarks>
    public static double Digamma(double x)
    {
        var shift = 0.0;
        while (x < 10)
        {
            shift -= 1 / x;
            x += 1;
        }

        var inv2 = 1 / (x * x);
        var series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132)))));
        return shift + Math.Log(x) - (0.5 / x) - series;
    }

    /// <summary>ln B(a, b) for positive a and b.</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ln Γ(r + k) − ln Γ(r) for a non-negative integer k, exact through the product for small k.</summary>
    public static double LogRising(double r, int k)
    {
        if (k > 32)
        {
            return LogGamma(r + k) - LogGamma(r);
        }

        var product = 1.0;
        for (var i = 0; i < k; i++)
        {
            product *= r + i;
        }

        return Math.Log(product);
    }

    /// <summary>ln(e^a + e^b) without overflow.</summary>
    public static double LogSumExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a > b ? a + Math.Log(1 + Math.Exp(b - a)) : b + Math.Log(1 + Math.Exp(a - b));
    }

    /// <summary>ln(e^a − e^b) for a ≥ b; −∞ when they are equal.</summary>
    public static double LogDiffExp(double a, double b) =>
        b >= a ? double.NegativeInfinity : a + Math.Log(-double.ExpM1(b - a));
}
