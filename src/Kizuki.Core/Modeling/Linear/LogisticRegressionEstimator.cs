namespace Kizuki.Modeling.Linear;

/// <summary>L2-regularised logistic regression fitted by Newton's method on standardised, one-hot expanded inputs.</summary>
/// <remarks>
/// Numeric columns are standardised with the training mean and standard deviation of their non-missing values; a missing
/// value becomes 0 (the mean) and, when training had missing values in that column, sets a missing-indicator term.
/// Categorical codes are one-hot encoded with no level dropped (the penalty handles the collinearity); a code unseen in
/// training, too rare, or missing sets no indicator. Row weights scale each row's log loss; the standardisation and the
/// reference means of contributions use the unweighted rows (the customers as they are). The validation data is not
/// used: the fit is convex and has no early stopping.
/// </remarks>
internal sealed class LogisticRegressionEstimator(LogisticRegressionOptions? options = null) : IChurnEstimator
{
    /// <summary>The estimator kind, <c>logistic</c>.</summary>
    public const string KindName = "logistic";

    /// <summary>The hyperparameters.</summary>
    public LogisticRegressionOptions Options { get; } = options ?? new LogisticRegressionOptions();

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    IChurnModel IChurnEstimator.Fit(DesignMatrix x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights, (DesignMatrix X, double[] Y)? validation)
        => Fit(x, y, weights);

    /// <summary>Fits a model (see <see cref="IChurnEstimator.Fit"/>).</summary>
    public LogisticRegressionModel Fit(DesignMatrix x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        Options.Validate();
        var (labels, rowWeights) = ValidateData(x, y, weights);
        var encoding = LinearEncoding.Learn(x, Options.MinCategoryCount);
        var solver = new NewtonSolver(encoding, x, labels, rowWeights);
        var (beta, iterations, converged, objective) = solver.Solve(Options);
        var expanded = beta.AsSpan(0, encoding.ExpandedCount).ToArray();
        var reference = ReferenceMeans(encoding, x);
        var fit = new LogisticFitSummary(x.Rows, iterations, converged, objective, Options.Lambda);
        return new LogisticRegressionModel(x.Columns, encoding, beta[^1], expanded, reference, fit);
    }

    private static (double[] Labels, double[]? Weights) ValidateData(DesignMatrix x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights)
    {
        if (y.Length != x.Rows)
        {
            throw new ArgumentException($"{y.Length} labels for {x.Rows} rows.", nameof(y));
        }

        if (!weights.IsEmpty && weights.Length != x.Rows)
        {
            throw new ArgumentException($"{weights.Length} weights for {x.Rows} rows.", nameof(weights));
        }

        double positive = 0, negative = 0;
        for (var r = 0; r < y.Length; r++)
        {
            var w = weights.IsEmpty ? 1.0 : weights[r];
            if (!(w >= 0 && double.IsFinite(w)))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, $"Row {r}: a weight must be finite and at least 0.");
            }

            if (y[r] is not (0.0 or 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(y), y[r], $"Row {r}: a label must be 0 or 1.");
            }

            if (y[r] == 1.0)
            {
                positive += w;
            }
            else
            {
                negative += w;
            }
        }

        if (positive <= 0 || negative <= 0)
        {
            throw new ArgumentException("Training needs rows of both classes (label 0 and label 1) with positive weight.", nameof(y));
        }

        return (y.ToArray(), weights.IsEmpty ? null : weights.ToArray());
    }

    private static double[] ReferenceMeans(LinearEncoding encoding, DesignMatrix x)
    {
        var sums = new double[encoding.ExpandedCount];
        var index = new int[encoding.MaxNonZero];
        var value = new double[encoding.MaxNonZero];
        for (var r = 0; r < x.Rows; r++)
        {
            var count = encoding.Encode(x.Row(r), index, value);
            for (var a = 0; a < count; a++)
            {
                sums[index[a]] += value[a];
            }
        }

        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] /= x.Rows;
        }

        return sums;
    }
}

/// <summary>How a fit went.</summary>
/// <param name="Rows">Training rows.</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="Converged">Whether the coefficients settled within the tolerance before the iteration limit.</param>
/// <param name="Objective">The penalised weighted log loss at the solution.</param>
/// <param name="Lambda">The L2 penalty used.</param>
internal sealed record LogisticFitSummary(int Rows, int Iterations, bool Converged, double Objective, double Lambda);
