using Kizuki.Lifetime;

namespace Kizuki.Tests.Lifetime;

public sealed class SpecialFunctionsTests
{
    /// <summary>ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(x + 1) = ψ(x) + 1/x, and values from mpmath.digamma.</summary>
    [Theory]
    [InlineData(1, -0.57721566490153286)]
    [InlineData(0.5, -1.9635100260214235)]
    [InlineData(1e-6, -1000000.5772140201)]
    [InlineData(7.3, 1.9178203356379861)]
    [InlineData(250, 5.5194595845310464)]
    public void Digamma_KnownValues_MatchTo13Digits(double x, double expected)
    {
        Assert.True(Math.Abs(SpecialFunctions.Digamma(x) - expected) <= 1e-13 * Math.Max(1, Math.Abs(expected)),
            $"ψ({x}) = {SpecialFunctions.Digamma(x):R}, expected {expected:R}");
    }
}
