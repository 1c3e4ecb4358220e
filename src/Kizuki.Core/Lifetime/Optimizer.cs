namespace Kizuki.Lifetime;

/// <summary>Unconstrained minimisers for the lifetime models' negative log-likelihoods over log-parameters.</summary>
/// <remarks>
/// Nelder–Mead finds the basin from a rough start without derivatives; BFGS with central-difference gradients
/// then polishes the optimum to the precision the literature comparisons need. Both treat a non-finite value as
/// +∞, which is how the callers express the parameter bounds.
/// </remarks>
internal static class Optimizer
{
    /// <summary>The Nelder–Mead simplex method; returns the best point and its value.</summary>
    public static (double[] Point, double Value, int Evaluations) NelderMead(
        Func<double[], double> f, double[] start, double step, int maxEvaluations, double tolerance)
    {
        var n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        var evaluations = 0;
        double Eval(double[] p)
        {
            evaluations++;
            var v = f(p);
            return double.IsFinite(v) ? v : double.PositiveInfinity;
        }

        for (var i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0)
            {
                simplex[i][i - 1] += step;
            }

            values[i] = Eval(simplex[i]);
        }

        var order = new int[n + 1];
        var centroid = new double[n];
        while (evaluations < maxEvaluations)
        {
            for (var i = 0; i <= n; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (p, q) => values[p].CompareTo(values[q]));
            int best = order[0], worst = order[n], second = order[n - 1];
            if (Math.Abs(values[worst] - values[best]) <= tolerance * (Math.Abs(values[best]) + tolerance) && Spread(simplex, best) < 1e-9)
            {
                break;
            }

            Array.Clear(centroid);
            for (var i = 0; i <= n; i++)
            {
                if (i != worst)
                {
                    for (var j = 0; j < n; j++)
                    {
                        centroid[j] += simplex[i][j] / n;
                    }
                }
            }

            var reflected = Combine(centroid, simplex[worst], -1);
            var fr = Eval(reflected);
            if (fr < values[best])
            {
                var expanded = Combine(centroid, simplex[worst], -2);
                var fe = Eval(expanded);
                (simplex[worst], values[worst]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[second])
            {
                (simplex[worst], values[worst]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[worst] ? Combine(centroid, simplex[worst], -0.5) : Combine(centroid, simplex[worst], 0.5);
                var fc = Eval(contracted);
                if (fc < Math.Min(fr, values[worst]))
                {
                    (simplex[worst], values[worst]) = (contracted, fc);
                }
                else
                {
                    for (var i = 0; i <= n; i++)
                    {
                        if (i != best)
                        {
                            simplex[i] = Combine(simplex[best], simplex[i], 0.5);
                            values[i] = Eval(simplex[i]);
                        }
                    }
                }
            }
        }

        var top = 0;
        for (var i = 1; i <= n; i++)
        {
            top = values[i] < values[top] ? i : top;
        }

        return (simplex[top], values[top], evaluations);
    }

    /// <summary>BFGS with central-difference gradients and a backtracking line search; returns the best point and its value.</summary>
    public static (double[] Point, double Value) Bfgs(Func<double[], double> f, double[] start, int maxIterations, double gradientTolerance)
    {
        var n = start.Length;
        var x = (double[])start.Clone();
        var fx = f(x);
        var g = Gradient(f, x);
        var h = Identity(n);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (Norm(g) < gradientTolerance)
            {
                break;
            }

            var d = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    d[i] -= h[i][j] * g[j];
                }
            }

            var slope = Dot(d, g);
            if (slope >= 0)
            {
                h = Identity(n);
                d = g.Select(v => -v).ToArray();
                slope = Dot(d, g);
            }

            var stepLength = 1.0;
            double[] next;
            double fn;
            while (true)
            {
                next = Combine(x, d, stepLength, additive: true);
                fn = f(next);
                if ((double.IsFinite(fn) && fn <= fx + (1e-4 * stepLength * slope)) || stepLength < 1e-12)
                {
                    break;
                }

                stepLength *= 0.5;
            }

            if (!double.IsFinite(fn) || fn > fx)
            {
                break;
            }

            var gn = Gradient(f, next);
            var s = new double[n];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                s[i] = next[i] - x[i];
                y[i] = gn[i] - g[i];
            }

            var sy = Dot(s, y);
            var improvement = fx - fn;
            (x, fx, g) = (next, fn, gn);
            if (sy > 1e-14)
            {
                UpdateInverseHessian(h, s, y, sy);
            }

            if (improvement < 1e-14 * (1 + Math.Abs(fx)) && Norm(s) < 1e-10)
            {
                break;
            }
        }

        return (x, fx);
    }

    /// <summary>The central-difference gradient.</summary>
    public static double[] Gradient(Func<double[], double> f, double[] x)
    {
        var g = new double[x.Length];
        var probe = (double[])x.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(x[i]));
            probe[i] = x[i] + h;
            var up = f(probe);
            probe[i] = x[i] - h;
            var down = f(probe);
            probe[i] = x[i];
            g[i] = (up - down) / (2 * h);
        }

        return g;
    }

    /// <summary>The finite-difference Hessian (symmetric).</summary>
    public static double[,] Hessian(Func<double[], double> f, double[] x)
    {
        var n = x.Length;
        var result = new double[n, n];
        var probe = (double[])x.Clone();
        const double h = 1e-3;
        var f0 = f(x);
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                double At(double di, double dj)
                {
                    Array.Copy(x, probe, n);
                    probe[i] += di;
                    probe[j] += dj;
                    return f(probe);
                }

                result[i, j] = i == j
                    ? (At(h, 0) - (2 * f0) + At(-h, 0)) / (h * h)
                    : (At(h, h) - At(h, -h) - At(-h, h) + At(-h, -h)) / (4 * h * h);
                result[j, i] = result[i, j];
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

    private static double[][] Identity(int n) =>
        Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => i == j ? 1.0 : 0.0).ToArray()).ToArray();

    private static double Spread(double[][] simplex, int best)
    {
        var max = 0.0;
        foreach (var p in simplex)
        {
            for (var j = 0; j < p.Length; j++)
            {
                max = Math.Max(max, Math.Abs(p[j] - simplex[best][j]));
            }
        }

        return max;
    }

    private static double[] Combine(double[] a, double[] b, double t, bool additive = false)
    {
        // additive: a + t·b; otherwise the point a + t·(b − a) on the line through a and b.
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = additive ? a[i] + (t * b[i]) : a[i] + (t * (b[i] - a[i]));
        }

        return result;
    }

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
