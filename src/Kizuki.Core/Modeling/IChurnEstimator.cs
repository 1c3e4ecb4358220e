namespace Kizuki.Modeling;

/// <summary>A learning algorithm with its hyperparameters; fitting gives an immutable <see cref="IChurnModel"/>.</summary>
public interface IChurnEstimator
{
    /// <summary>A short name, e.g. <c>lightgbm</c> or <c>logistic</c>.</summary>
    string Kind { get; }

    /// <summary>Fits a model.</summary>
    /// <param name="x">Training rows.</param>
    /// <param name="y">Labels, 0 or 1, one per row.</param>
    /// <param name="weights">Optional row weights (e.g. to balance classes); null for equal weights.</param>
    /// <param name="validation">Optional out-of-time validation data, for early stopping where the algorithm has it.</param>
    IChurnModel Fit(DesignMatrix x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights = default, (DesignMatrix X, double[] Y)? validation = null);
}

/// <summary>A fitted model: learned state only, immutable, safe to share between threads.</summary>
public interface IChurnModel
{
    /// <summary>The estimator kind that made it.</summary>
    string Kind { get; }

    /// <summary>The columns it expects, in order.</summary>
    IReadOnlyList<ModelColumn> Columns { get; }

    /// <summary>Raw scores (log-odds of churn) for every row of <paramref name="x"/>.</summary>
    void PredictRaw(DesignMatrix x, Span<double> output);

    /// <summary>The raw score (log-odds) of one row; fast enough to call per event.</summary>
    double PredictRaw(ReadOnlySpan<double> row);

    /// <summary>The model as text, from which the model kind's loader restores an identical model.</summary>
    string Serialize();
}
