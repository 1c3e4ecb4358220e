namespace Kizuki.Modeling.Linear;

/// <summary>Newton's method (IRLS) for L2-penalised, weighted logistic regression in the expanded space.</summary>
/// <remarks>
/// Rows are encoded on the fly (sparse: one term per categorical column), so memory stays at one Hessian per chunk.
/// The chunk layout depends only on the row count, and chunk sums are added in order, so the result is the same on
/// every machine whatever its core count. A step that raises the objective is halved until it does not.
/// </remarks>
internal sealed class NewtonSolver
{
    private const int RowsPerChunk = 4096;
    private const int MaxChunks = 8;

    private readonly LinearEncoding _encoding;
    private readonly DesignMatrix _x;
    private readonly double[] _y;
    private readonly double[]? _w;
    private readonly int _size;

    public NewtonSolver(LinearEncoding encoding, DesignMatrix x, double[] y, double[]? weights)
    {
        _encoding = encoding;
        _x = x;
        _y = y;
        _w = weights;
        _size = encoding.ExpandedCount + 1;
    }

    /// <summary>Fits; returns the expanded coefficients with the intercept last.</summary>
    public (double[] Beta, int Iterations, bool Converged, double Objective) Solve(LogisticRegressionOptions options)
    {
        var beta = new double[_size];
        beta[_size - 1] = StartingIntercept();
        var state = Evaluate(beta, options.Lambda);
        var converged = false;
        var iterations = 0;
        while (iterations < options.MaxIterations && !converged)
        {
            iterations++;
            var step = Cholesky.Solve(state.Hessian, state.Gradient, _size);
            var t = 1.0;
            var candidate = new double[_size];
            Pass next;
            while (true)
            {
                for (var i = 0; i < _size; i++)
                {
                    candidate[i] = beta[i] - (t * step[i]);
                }

                next = Evaluate(candidate, options.Lambda);
                if (next.Objective <= state.Objective + (1e-12 * Math.Abs(state.Objective)) || t < 1e-8)
                {
                    break;
                }

                t /= 2;
            }

            var largestMove = 0.0;
            var largestCoefficient = 1.0;
            for (var i = 0; i < _size; i++)
            {
                largestMove = Math.Max(largestMove, Math.Abs(candidate[i] - beta[i]));
                largestCoefficient = Math.Max(largestCoefficient, Math.Abs(candidate[i]));
            }

            converged = largestMove <= options.Tolerance * largestCoefficient;
            beta = candidate;
            state = next;
        }

        return (beta, iterations, converged, state.Objective);
    }

    private double StartingIntercept()
    {
        double positive = 0, total = 0;
        for (var r = 0; r < _y.Length; r++)
        {
            var w = _w is null ? 1.0 : _w[r];
            positive += w * _y[r];
            total += w;
        }

        return LogisticFunction.Logit(Math.Clamp(positive / total, 1e-6, 1 - 1e-6));
    }

    private Pass Evaluate(double[] beta, double lambda)
    {
        var rows = _x.Rows;
        var chunks = Math.Clamp((rows + RowsPerChunk - 1) / RowsPerChunk, 1, MaxChunks);
        var parts = new Pass[chunks];
        Parallel.For(0, chunks, k =>
        {
            var start = (int)((long)rows * k / chunks);
            var end = (int)((long)rows * (k + 1) / chunks);
            parts[k] = Accumulate(beta, start, end);
        });

        var total = parts[0];
        for (var k = 1; k < chunks; k++)
        {
            total.Add(parts[k]);
        }

        var n = _size;
        for (var i = 0; i < n - 1; i++)
        {
            total.Objective += 0.5 * lambda * beta[i] * beta[i];
            total.Gradient[i] += lambda * beta[i];
            total.Hessian[(i * n) + i] += lambda;
        }

        total.Hessian[(n * n) - 1] += 1e-12;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                total.Hessian[(i * n) + j] = total.Hessian[(j * n) + i];
            }
        }

        return total;
    }

    private Pass Accumulate(double[] beta, int start, int end)
    {
        var n = _size;
        var pass = new Pass(new double[n], new double[n * n]);
        var index = new int[_encoding.MaxNonZero + 1];
        var value = new double[_encoding.MaxNonZero + 1];
        var intercept = n - 1;
        var hessian = pass.Hessian;
        var gradient = pass.Gradient;
        double objective = 0;
        for (var r = start; r < end; r++)
        {
            var w = _w is null ? 1.0 : _w[r];
            if (w == 0)
            {
                continue;
            }

            var count = _encoding.Encode(_x.Row(r), index, value);
            index[count] = intercept;
            value[count++] = 1.0;
            var z = 0.0;
            for (var a = 0; a < count; a++)
            {
                z += beta[index[a]] * value[a];
            }

            var p = LogisticFunction.Sigmoid(z);
            objective += w * LogisticFunction.LogLoss(z, _y[r]);
            var g = w * (p - _y[r]);
            var h = w * p * (1 - p);
            for (var a = 0; a < count; a++)
            {
                gradient[index[a]] += g * value[a];
                var row = index[a] * n;
                var hv = h * value[a];
                for (var b = a; b < count; b++)
                {
                    hessian[row + index[b]] += hv * value[b];
                }
            }
        }

        pass.Objective = objective;
        return pass;
    }

    private sealed class Pass(double[] gradient, double[] hessian)
    {
        public double Objective { get; set; }

        public double[] Gradient { get; } = gradient;

        public double[] Hessian { get; } = hessian;

        public void Add(Pass other)
        {
            Objective += other.Objective;
            for (var i = 0; i < Gradient.Length; i++)
            {
                Gradient[i] += other.Gradient[i];
            }

            for (var i = 0; i < Hessian.Length; i++)
            {
                Hessian[i] += other.Hessian[i];
            }
        }
    }
}
