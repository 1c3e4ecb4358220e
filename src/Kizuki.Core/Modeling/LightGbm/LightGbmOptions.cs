using System.Globalization;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Hyperparameters of gradient-boosted trees fitted through LightGBM (binary objective, log loss; or cross-entropy
/// on probability labels, see <see cref="ProbabilityLabels"/>).</summary>
/// <remarks>
/// The defaults are a conservative, widely used starting point for tabular churn data: small learning rate, mild
/// row and column subsampling and L2 regularisation, with early stopping on out-of-time validation data deciding
/// how many trees to keep. <see cref="Validate"/> runs before every fit and names the option and its allowed range.
/// </remarks>
public sealed record LightGbmOptions
{
    /// <summary>Maximum leaves per tree (2 to 131072). Default 31.</summary>
    public int NumLeaves { get; init; } = 31;

    /// <summary>Shrinkage applied to every tree, greater than 0 and at most 1. Default 0.05.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Minimum number of rows in a leaf (1 or more). Default 20.</summary>
    public int MinDataInLeaf { get; init; } = 20;

    /// <summary>Most bins a numeric column's values are bucketed into (2 to 65535). Default 255; fewer bins train faster
    /// and rarely cost accuracy on the counts and rates churn features are.</summary>
    public int MaxBin { get; init; } = 255;

    /// <summary>Share of columns sampled for each tree, greater than 0 and at most 1. Default 0.9.</summary>
    public double FeatureFraction { get; init; } = 0.9;

    /// <summary>Share of rows sampled for each bagging round, greater than 0 and at most 1. Default 0.8.</summary>
    public double BaggingFraction { get; init; } = 0.8;

    /// <summary>Rows are resampled every this many trees; 0 turns bagging off. Default 1.</summary>
    public int BaggingFreq { get; init; } = 1;

    /// <summary>L2 regularisation of leaf values (0 or more). Default 1.0.</summary>
    public double LambdaL2 { get; init; } = 1.0;

    /// <summary>Maximum number of boosting rounds (trees), 1 to 100000. Default 500.</summary>
    public int MaxRounds { get; init; } = 500;

    /// <summary>
    /// Stop after this many rounds without a better validation log loss and keep the best round; 0 turns early
    /// stopping off. Used only when validation data is given. Default 30.
    /// </summary>
    public int EarlyStoppingRounds { get; init; } = 30;

    /// <summary>Whether labels may be any probability in [0, 1] instead of 0 or 1: LightGBM's cross-entropy objective, which
    /// is the same log loss with the same log-odds scores, fitted to known probabilities (the bench fits the demo's true
    /// churn probabilities with it, to see what the features can carry). Default false: 0/1 labels, binary objective.</summary>
    public bool ProbabilityLabels { get; init; }

    /// <summary>Seed of every random choice LightGBM makes (bagging, column sampling). Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Training threads; 0 uses every core. Default 0.</summary>
    public int Threads { get; init; }

    /// <summary>Whether the same data, options and thread count give the same model bit for bit. Default true.</summary>
    public bool Deterministic { get; init; } = true;

    /// <summary>LightGBM's log level: -1 fatal only, 0 errors and warnings, 1 information. Default -1.</summary>
    public int Verbosity { get; init; } = -1;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first option outside its range.</summary>
    public void Validate()
    {
        RequireRange(NumLeaves, 2, 131_072, nameof(NumLeaves));
        RequireFraction(LearningRate, nameof(LearningRate));
        RequireRange(MinDataInLeaf, 1, int.MaxValue, nameof(MinDataInLeaf));
        RequireRange(MaxBin, 2, 65_535, nameof(MaxBin));
        RequireFraction(FeatureFraction, nameof(FeatureFraction));
        RequireFraction(BaggingFraction, nameof(BaggingFraction));
        RequireRange(BaggingFreq, 0, int.MaxValue, nameof(BaggingFreq));
        if (!double.IsFinite(LambdaL2) || LambdaL2 < 0)
        {
            throw OutOfRange(nameof(LambdaL2), LambdaL2, "0 以上の有限の数", "a finite number of 0 or more");
        }

        RequireRange(MaxRounds, 1, 100_000, nameof(MaxRounds));
        RequireRange(EarlyStoppingRounds, 0, int.MaxValue, nameof(EarlyStoppingRounds));
        RequireRange(Threads, 0, 4096, nameof(Threads));
        RequireRange(Verbosity, -1, 2, nameof(Verbosity));
    }

    private static void RequireRange(int value, int minimum, int maximum, string option)
    {
        if (value < minimum || value > maximum)
        {
            var range = maximum == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"{minimum} or more")
                : string.Create(CultureInfo.InvariantCulture, $"{minimum} to {maximum}");
            var rangeJa = maximum == int.MaxValue
                ? string.Create(CultureInfo.InvariantCulture, $"{minimum} 以上")
                : string.Create(CultureInfo.InvariantCulture, $"{minimum} 以上 {maximum} 以下");
            throw OutOfRange(option, value, rangeJa, range);
        }
    }

    private static void RequireFraction(double value, string option)
    {
        if (!(value > 0 && value <= 1))
        {
            throw OutOfRange(option, value, "0 より大きく 1 以下", "greater than 0 and at most 1");
        }
    }

    private static ArgumentOutOfRangeException OutOfRange(string option, object value, string rangeJa, string range)
    {
        var shown = Convert.ToString(value, CultureInfo.InvariantCulture);
        return new ArgumentOutOfRangeException(
            option,
            value,
            $"LightGBM の {option} は {rangeJa} にしてください（指定値 {shown}）。 / LightGBM option {option} must be {range} (was {shown}).");
    }
}
