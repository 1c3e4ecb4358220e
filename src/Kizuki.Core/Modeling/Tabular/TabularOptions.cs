namespace Kizuki.Modeling.Tabular;

/// <summary>Settings of the bring-your-own-table path: schema inference, the ensemble, and cross-validation.</summary>
/// <remarks>
/// Class imbalance is handled without reweighting: both models are fitted on the customers as they are (log loss) and the
/// ensemble score is calibrated on out-of-fold predictions, so probabilities keep the real churn rate; reweighting would
/// inflate them and gains nothing in ranking (ROC-AUC) for these models.
/// </remarks>
public sealed record TabularOptions
{
    /// <summary>Categories seen in fewer training rows than this are pooled into one "other" code (1 or more). Default 5.</summary>
    public int MinCategoryRows { get; init; } = 5;

    /// <summary>
    /// Numeric columns with at least this many distinct values also get a quantile-band copy for the logistic model, so it
    /// can follow curved effects (e.g. churn falling fast over the first months of tenure); 0 turns bands off. Default 10.
    /// </summary>
    public int LinearBands { get; init; } = 10;

    /// <summary>Below this many rows the small-data mode fits a strongly regularised logistic regression only. Default 1000.</summary>
    public int SmallDataRows { get; init; } = 1000;

    /// <summary>Below this many churners the small-data mode applies too. Default 50.</summary>
    public int SmallDataChurners { get; init; } = 50;

    /// <summary>L2 penalty of the logistic model in normal mode. Default 3.</summary>
    public double LogisticLambda { get; init; } = 3;

    /// <summary>L2 penalty of the logistic model in small-data mode. Default 20.</summary>
    public double SmallDataLambda { get; init; } = 20;

    /// <summary>Inner folds that choose the ensemble weight, LightGBM's round count and the calibration (2 or more). Default 4.</summary>
    public int InnerFolds { get; init; } = 4;

    /// <summary>Folds of <c>evaluate</c>'s cross-validation (2 or more). Default 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of every fold assignment and of LightGBM. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>LightGBM threads; 0 uses every core. Default 2.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>LightGBM shrinkage. Default 0.04.</summary>
    public double LearningRate { get; init; } = 0.04;

    /// <summary>LightGBM leaves per tree. Default 12.</summary>
    public int NumLeaves { get; init; } = 12;

    /// <summary>LightGBM minimum rows per leaf. Default 40.</summary>
    public int MinDataInLeaf { get; init; } = 40;

    /// <summary>LightGBM maximum rounds; early stopping on the inner folds picks fewer. Default 600.</summary>
    public int MaxRounds { get; init; } = 600;

    /// <summary>Bootstrap resamples of the pooled out-of-fold ROC-AUC's 95% interval in the evaluation. Default 1,000.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting outside its range.</summary>
    public void Validate()
    {
        Require(MinCategoryRows >= 1, nameof(MinCategoryRows), MinCategoryRows, "1 or more");
        Require(LinearBands is 0 or (>= 2 and <= 100), nameof(LinearBands), LinearBands, "0 or 2 to 100");
        Require(SmallDataRows >= 0, nameof(SmallDataRows), SmallDataRows, "0 or more");
        Require(SmallDataChurners >= 0, nameof(SmallDataChurners), SmallDataChurners, "0 or more");
        Require(LogisticLambda is > 0 and <= 1e6, nameof(LogisticLambda), LogisticLambda, "greater than 0, at most 1e6");
        Require(SmallDataLambda is > 0 and <= 1e6, nameof(SmallDataLambda), SmallDataLambda, "greater than 0, at most 1e6");
        Require(InnerFolds is >= 2 and <= 20, nameof(InnerFolds), InnerFolds, "2 to 20");
        Require(Folds is >= 2 and <= 20, nameof(Folds), Folds, "2 to 20");
        Require(Threads is >= 0 and <= 4096, nameof(Threads), Threads, "0 to 4096");
        Require(BootstrapResamples is >= 1 and <= 100_000, nameof(BootstrapResamples), BootstrapResamples, "1 to 100000");
    }

    private static void Require(bool ok, string name, object value, string range)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"TabularOptions.{name} は {range} にしてください。 / TabularOptions.{name} must be {range}.");
        }
    }
}
