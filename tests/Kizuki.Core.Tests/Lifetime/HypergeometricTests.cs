using Kizuki.Lifetime;

namespace Kizuki.Tests.Lifetime;

public sealed class HypergeometricTests
{
    /// <summary>Reference values from mpmath.hyp2f1 at 30 digits, chosen to cover every branch.</summary>
    [Theory]
    [InlineData(0.5, 0.5, 1.5, 0.25, 1.0471975511965977)] // direct series
    [InlineData(1, 1, 2, 0.95, 3.1534023932147266)] // 1 − z transformation, c − a − b = 0 (perturbed)
    [InlineData(1, 1, 2, 0.9999, 9.2112614981261054)] // the same, very close to 1
    [InlineData(0.2425945, 2.4258881, 2.2188080, 0.946, 2.3802562795772493)] // BG/NBD E[X(78)], c − a − b < 0
    [InlineData(26.5534, 27.6061, 27.5534, 0.93, 5.3289095854146959e+30)] // large parameters, divergent at 1
    [InlineData(3.2, 1.7, 2.1, -5, 0.014047189874876442)] // negative z, Pfaff transformation
    [InlineData(1.5, 2.5, 4.0, 0.999, 25.648290580560703)] // integer c − a − b near 1
    [InlineData(0.3, 0.7, 1.0, 0.97, 1.8289621641084634)]
    [InlineData(2.5, 1.5, 5.5, 0.95, 3.1564217094563259)] // c − a − b = 1.5
    public void F21_KnownValues_MatchToTenDigits(double a, double b, double c, double z, double expected)
    {
        var actual = Hypergeometric.F21(a, b, c, z);
        Assert.True(Math.Abs(actual - expected) <= 1e-10 * Math.Abs(expected), $"2F1({a}, {b}; {c}; {z}) = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.6)]
    [InlineData(0.91)]
    [InlineData(0.999999)]
    [InlineData(-0.5)]
    [InlineData(-40)]
    public void F21_ClosedForms_Agree(double z)
    {
        // 2F1(1, 1; 2; z) = −ln(1 − z) / z and 2F1(a, b; b; z) = (1 − z)^(−a).
        Assert.Equal(-Math.Log(1 - z) / z, Hypergeometric.F21(1, 1, 2, z), 1e-9 * Math.Abs(Math.Log(1 - z) / z));
        Assert.Equal(Math.Pow(1 - z, -0.37), Hypergeometric.F21(0.37, 2.2, 2.2, z), 1e-9 * Math.Pow(1 - z, -0.37));
    }

    [Theory]
    [InlineData(0.3, 1.6, 0.0)]
    [InlineData(0.3, 1.6, 0.05)]
    [InlineData(27.2, 1.6, 0.5)]
    [InlineData(4.2, 30.5, 0.89)]
    [InlineData(5e-3, 1e-2, 0.9)]
    public void ShiftedSeriesWithDerivatives_MatchesF21AndItsCentralDifferences(double k, double b, double z)
    {
        var (value, dk, db, dz) = Hypergeometric.ShiftedSeriesWithDerivatives(k, b, z);
        Assert.Equal(Hypergeometric.F21(k, b, k + 1, z), value, 1e-12 * value);
        const double h = 1e-6;
        var numericK = (Hypergeometric.Series(k * (1 + h), b, (k * (1 + h)) + 1, z) - Hypergeometric.Series(k * (1 - h), b, (k * (1 - h)) + 1, z)) / (2 * h * k);
        var numericB = (Hypergeometric.Series(k, b * (1 + h), k + 1, z) - Hypergeometric.Series(k, b * (1 - h), k + 1, z)) / (2 * h * b);
        var numericZ = (Hypergeometric.Series(k, b, k + 1, z + 1e-7) - Hypergeometric.Series(k, b, k + 1, Math.Max(0, z - 1e-7))) / (z + 1e-7 - Math.Max(0, z - 1e-7));
        Assert.Equal(numericK, dk, 1e-6 * Math.Max(1, Math.Abs(numericK)));
        Assert.Equal(numericB, db, 1e-6 * Math.Max(1, Math.Abs(numericB)));
        Assert.Equal(numericZ, dz, 1e-5 * Math.Max(1, Math.Abs(numericZ)));
    }

    [Fact]
    public void F21_ZAtOrAboveOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.F21(1, 1, 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.F21(1, 1, -2, 0.5));
    }

    [Theory]
    [InlineData(0.5, 0.5723649429247001)]
    [InlineData(1, 0)]
    [InlineData(4.5, 2.453736570842442)]
    [InlineData(30.25, 72.104204742007994)]
    [InlineData(-0.5, 1.2655121234846454)]
    public void LogGamma_KnownValues_Match(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 1e-12 * Math.Max(1, Math.Abs(expected)));
    }
}
