using Kizuki.Modeling.Evaluation;

namespace Kizuki.Modeling.Calibration;

/// <summary>When isotonic calibration is worth trying, and how the choice is cross-fitted.</summary>
internal sealed record CalibrationChoiceOptions
{
    /// <summary>Below this many rows, Platt scaling is used without comparison. Default 1000; allowed 0 to 10,000,000.</summary>
    public int MinRows { get; init; } = 1000;

    /// <summary>Below this many churners, Platt scaling is used without comparison. Default 50; allowed 0 to 10,000,000.</summary>
    public int MinChurners { get; init; } = 50;

    /// <summary>Cross-fitting folds. Default 5; allowed 2 to 20.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seed of the fold assignment. Default 17.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>Throws naming the first option outside its allowed range.</summary>
    public void Validate()
    {
        if (MinRows is < 0 or > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MinRows), MinRows, "MinRows must be in 0..10000000.");
        }

        if (MinChurners is < 0 or > 10_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MinChurners), MinChurners, "MinChurners must be in 0..10000000.");
        }

        if (Folds is < 2 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "Folds must be in 2..20.");
        }
    }
}

/// <summary>The chosen calibration and why.</summary>
/// <param name="Calibration">Fitted on all the calibration data.</param>
/// <param name="SmallData">True when the data was too small to compare, so Platt scaling was taken.</param>
/// <param name="PlattLogLoss">Cross-fitted log loss of Platt scaling; NaN when not compared.</param>
/// <param name="IsotonicLogLoss">Cross-fitted log loss of isotonic calibration; NaN when not compared.</param>
internal sealed record CalibrationChoice(IScoreCalibration Calibration, bool SmallData, double PlattLogLoss, double IsotonicLogLoss);

/// <summary>Picks Platt or isotonic calibration by cross-fitted log loss on the calibration data.</summary>
internal static class CalibrationChooser
{
    /// <summary>
    /// With fewer than <see cref="CalibrationChoiceOptions.MinRows"/> rows or <see cref="CalibrationChoiceOptions.MinChurners"/>
    /// churners, fits Platt scaling. Otherwise fits both on all folds but one, scores the held-out fold, and keeps the one
    /// with the lower out-of-fold log loss (Platt on a tie), refitted on all rows.
    /// </summary>
    public static CalibrationChoice Choose(ReadOnlySpan<double> rawScores, ReadOnlySpan<double> labels, CalibrationChoiceOptions? options = null)
    {
        options ??= new CalibrationChoiceOptions();
        options.Validate();
        ScoreCalibration.Check(rawScores, labels, default);
        var churners = 0;
        foreach (var y in labels)
        {
            churners += y == 1.0 ? 1 : 0;
        }

        if (rawScores.Length < options.MinRows || churners < options.MinChurners || churners < options.Folds || rawScores.Length - churners < options.Folds)
        {
            return new CalibrationChoice(PlattCalibrator.Fit(rawScores, labels), true, double.NaN, double.NaN);
        }

        var folds = StratifiedFolds.Assign(labels, options.Folds, options.Seed);
        var platt = new double[rawScores.Length];
        var isotonic = new double[rawScores.Length];
        for (var f = 0; f < options.Folds; f++)
        {
            var (trainScores, trainLabels) = Select(rawScores, labels, folds, f, inFold: false);
            var plattFold = PlattCalibrator.Fit(trainScores, trainLabels);
            var isotonicFold = IsotonicCalibrator.Fit(trainScores, trainLabels);
            for (var i = 0; i < rawScores.Length; i++)
            {
                if (folds[i] == f)
                {
                    platt[i] = plattFold.Probability(rawScores[i]);
                    isotonic[i] = isotonicFold.Probability(rawScores[i]);
                }
            }
        }

        var plattLoss = BinaryMetrics.LogLoss(platt, labels);
        var isotonicLoss = BinaryMetrics.LogLoss(isotonic, labels);
        IScoreCalibration chosen = isotonicLoss < plattLoss ? IsotonicCalibrator.Fit(rawScores, labels) : PlattCalibrator.Fit(rawScores, labels);
        return new CalibrationChoice(chosen, false, plattLoss, isotonicLoss);
    }

    private static (double[] Scores, double[] Labels) Select(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, int[] folds, int fold, bool inFold)
    {
        var s = new List<double>();
        var y = new List<double>();
        for (var i = 0; i < scores.Length; i++)
        {
            if ((folds[i] == fold) == inFold)
            {
                s.Add(scores[i]);
                y.Add(labels[i]);
            }
        }

        return ([.. s], [.. y]);
    }
}
