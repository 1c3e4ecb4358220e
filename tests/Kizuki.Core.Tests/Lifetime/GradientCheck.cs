namespace Kizuki.Tests.Lifetime;

/// <summary>Compares a likelihood's analytic gradient in log-parameters with central differences of its value.</summary>
internal static class GradientCheck
{
    /// <summary>
    /// Asserts that <paramref name="analytic"/> at <paramref name="parameters"/> agrees with the central difference of
    /// <paramref name="value"/> in the logs of the parameters (step 1e-5) to 1e-5 relative, or 1e-4 absolute for small components.
    /// </summary>
    public static void AssertMatchesCentralDifference(Func<double[], double[], double> analytic, Func<double[], double> value, params double[] parameters)
    {
        var gradient = new double[parameters.Length];
        var atPoint = analytic(parameters, gradient);
        Assert.Equal(value(parameters), atPoint, 1e-9 * Math.Abs(atPoint));
        const double h = 1e-5;
        for (var j = 0; j < parameters.Length; j++)
        {
            var up = (double[])parameters.Clone();
            var down = (double[])parameters.Clone();
            up[j] *= Math.Exp(h);
            down[j] *= Math.Exp(-h);
            var numeric = (value(up) - value(down)) / (2 * h);
            Assert.True(Math.Abs(gradient[j] - numeric) <= Math.Max(1e-4, 1e-5 * Math.Abs(numeric)),
                $"∂ℓ/∂ln p[{j}] at ({string.Join(", ", parameters)}): analytic {gradient[j]:R}, central difference {numeric:R}");
        }
    }
}
