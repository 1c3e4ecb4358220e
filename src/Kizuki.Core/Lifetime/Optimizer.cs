namespace Kizuki.Lifetime;

/// <summary>A smooth objective that returns its value at a point and writes its gradient there.</summary>
/// <param name="point">Where to evaluate; not modified.</param>
/// <param name="gradient">Receives the gradient (same length as the point) when the value is finite.</param>
internal delegate double ObjectiveWithGradient(double[] point, double[] gradient);

/// <summary>The unconstrained minimiser for the lifetime models' negative log-likelihoods over log-parameters.</summary>
/// <remarks>
/// BFGS on analytic gradients: each model supplies its gradient, so one evaluation gives the value and the full gradient
/// and the quasi-Newton path reaches the optimum in a few dozen evaluations, where a derivative-free simplex followed by
/// finite-difference polishing needed several hundred. A non-finite value is +∞, which is how the callers express the
/// parameter bounds; the backtracking line search retreats from it.
/// </remarks>
internal static class Optimizer
{
    /// <summary>BFGS with a backtracking (Armijo) line search; returns the best point, its value and the evaluations spent.</summary>
    /// <param name="f">The objective and its gradient.</param>
    /// <param name="start">The starting point.</param>
    /// <param name="maxEvaluations">Evaluations allowed, line-search trials included.</param>
    /// <param name="gradientTolerance">Stops once the gradient's Euclidean norm is below this.</param>
    /// <param name="firstStep">Largest change of any coordinate in the first step (before curvature is known).</param>
    public static (double[] Point, double Value, int Evaluations) Bfgs(
        ObjectiveWithGradient f, double[] start, int maxEvaluations, double gradientTolerance, double firstStep = 1)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var g = new double[n];
        var fx = Finite(f(x, g));
        var evaluations = 1;
        if (double.IsPositiveInfinity(fx))
        {
            return (x, fx, evaluations);
        }

        var h = Identity(n);
        var fresh = true;
        var next = new double[n];
        var gn = new double[n];
        var d = new double[n];
        while (evaluations < maxEvaluations && Norm(g) >= gradientTolerance)
        {
            for (var i = 0; i < n; i++)
            {
                d[i] = 0;
                for (var j = 0; j < n; j++)
                {
                    d[i] -= h[i][j] * g[j];
                }
            }

            var slope = Dot(d, g);
            if (!(slope < 0))
            {
                if (fresh)
                {
                    break;
                }

                (h, fresh) = (Identity(n), true);
                continue;
            }

            var stepLength = fresh ? Math.Min(1, firstStep / MaxAbs(d)) : 1.0;
            var fn = double.PositiveInfinity;
            var accepted = false;
            while (evaluations < maxEvaluations && stepLength > 1e-14)
            {
                for (var i = 0; i < n; i++)
                {
                    next[i] = x[i] + (stepLength * d[i]);
                }

                fn = Finite(f(next, gn));
                evaluations++;
                if (fn <= fx + (1e-4 * stepLength * slope))
                {
                    accepted = true;
                    break;
                }

                // Quadratic interpolation of the step, kept within [0.1, 0.5] of the last one; halve when the value is +∞.
                var curvature = fn - fx - (slope * stepLength);
                var proposal = double.IsFinite(fn) && curvature > 0 ? -slope * stepLength * stepLength / (2 * curvature) : 0.5 * stepLength;
                stepLength = Math.Clamp(proposal, 0.1 * stepLength, 0.5 * stepLength);
            }

            if (!accepted)
            {
                if (fresh)
                {
                    break;
                }

                (h, fresh) = (Identity(n), true);
                continue;
            }

            var s = new double[n];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                s[i] = next[i] - x[i];
                y[i] = gn[i] - g[i];
            }

            var sy = Dot(s, y);
            var improvement = fx - fn;
            (x, next) = (next, x);
            (g, gn) = (gn, g);
            fx = fn;
            if (sy > 1e-14 * Norm(s) * Norm(y))
            {
                if (fresh)
                {
                    // Scale the initial inverse Hessian to the observed curvature (Nocedal & Wright, eq. 6.20).
                    var scale = sy / Dot(y, y);
                    h = Identity(n, scale);
                }

                UpdateInverseHessian(h, s, y, sy);
                fresh = false;
            }

            if (improvement <= 1e-15 * (1 + Math.Abs(fx)) && Norm(s) < 1e-12)
            {
                break;
            }
        }

        return (x, fx, evaluations);
    }

    /// <summary>The Hessian by central differences of the analytic gradient (step 1e-4), symmetrised.</summary>
    public static double[,] Hessian(ObjectiveWithGradient f, double[] x)
    {
        var n = x.Length;
        var result = new double[n, n];
        var probe = (double[])x.Clone();
        var up = new double[n];
        var down = new double[n];
        const double h = 1e-4;
        for (var j = 0; j < n; j++)
        {
            probe[j] = x[j] + h;
            f(probe, up);
            probe[j] = x[j] - h;
            f(probe, down);
            probe[j] = x[j];
            for (var i = 0; i < n; i++)
            {
                result[i, j] = (up[i] - down[i]) / (2 * h);
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                result[i, j] = result[j, i] = 0.5 * (result[i, j] + result[j, i]);
            }
        }

        return result;
    }

    /// <summary>Whether a symmetric matrix is positive definite (Cholesky succeeds).</summary>
    public static bool IsPositiveDefinite(double[,] m)
    {
        var n = m.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = m[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return false;
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }

        return true;
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : double.PositiveInfinity;

    private static void UpdateInverseHessian(double[][] h, double[] s, double[] y, double sy)
    {
        var n = s.Length;
        var hy = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                hy[i] += h[i][j] * y[j];
            }
        }

        var yhy = Dot(y, hy);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[i][j] += (((sy + yhy) * s[i] * s[j]) / (sy * sy)) - (((hy[i] * s[j]) + (s[i] * hy[j])) / sy);
            }
        }
    }

    private static double[][] Identity(int n, double scale = 1) =>
        Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => i == j ? scale : 0.0).ToArray()).ToArray();

    private static double MaxAbs(double[] a) => a.Max(Math.Abs);

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
}
