namespace Kizuki.Modeling.Linear;

/// <summary>Hyperparameters of <see cref="LogisticRegressionEstimator"/>.</summary>
/// <remarks>
/// The fit minimises <c>Σ wᵢ · logloss(yᵢ, pᵢ) + (Lambda / 2) · ‖β‖²</c> over the standardised, one-hot expanded
/// inputs, with the intercept unpenalised. <c>Lambda = 1 / C</c> in scikit-learn's terms, so the default equals
/// scikit-learn's default <c>C = 1</c> on standardised inputs. Larger values shrink harder, which is what small data needs.
/// </remarks>
internal sealed record LogisticRegressionOptions
{
    /// <summary>L2 penalty on the coefficients of the standardised inputs. Default 1.0; allowed (0, 1e12].</summary>
    public double Lambda { get; init; } = 1.0;

    /// <summary>Maximum number of Newton steps. Default 100; allowed 1 to 10,000.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Stop when no coefficient moves by more than this (relative to the largest coefficient, at least 1). Default 1e-9; allowed (0, 0.1].</summary>
    public double Tolerance { get; init; } = 1e-9;

    /// <summary>A category seen fewer times than this in training gets no indicator of its own (it scores like an unseen one). Default 1; allowed 1 to 1,000,000.</summary>
    public int MinCategoryCount { get; init; } = 1;

    /// <summary>Throws naming the first option outside its allowed range.</summary>
    public void Validate()
    {
        if (!(Lambda > 0 && Lambda <= 1e12))
        {
            throw new ArgumentOutOfRangeException(nameof(Lambda), Lambda, "Lambda must be in (0, 1e12].");
        }

        if (MaxIterations is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be in 1..10000.");
        }

        if (!(Tolerance > 0 && Tolerance <= 0.1))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be in (0, 0.1].");
        }

        if (MinCategoryCount is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MinCategoryCount), MinCategoryCount, "MinCategoryCount must be in 1..1000000.");
        }
    }
}
