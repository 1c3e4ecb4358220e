namespace Kizuki.Modeling.LightGbm;

/// <summary>Fits on row subsets of a <see cref="LightGbmDataset"/> binned once.</summary>
public sealed partial class LightGbmEstimator
{
    /// <summary>
    /// Fits on the <paramref name="training"/> rows of <paramref name="data"/>; with <paramref name="validation"/> rows,
    /// stops early on their log loss as <see cref="Fit(DesignMatrix, ReadOnlySpan{double}, ReadOnlySpan{double}, ValueTuple{DesignMatrix, double[]}?)"/> does.
    /// </summary>
    /// <param name="data">The binned rows and labels. Its binning options apply, not this estimator's.</param>
    /// <param name="training">Row positions to learn from, ascending.</param>
    /// <param name="validation">Row positions that stop the boosting early, ascending; empty for none.</param>
    /// <param name="rounds">Exactly this many rounds (no early stopping), e.g. a count chosen out of time and scaled; null for <see cref="LightGbmOptions.MaxRounds"/>.</param>
    internal LightGbmModel Fit(LightGbmDataset data, ReadOnlySpan<int> training, ReadOnlySpan<int> validation, int? rounds = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Options.Validate();
        if (rounds is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, "rounds must be between 1 and 100000.");
        }

        var parameters = LightGbmParameters.ForTraining(Options, data.Columns);
        using var train = data.Subset(training);
        using var held = validation.IsEmpty || rounds is not null ? null : data.Subset(validation);
        LightGbmNative.Check(LightGbmNative.BoosterCreate(train, parameters, out var booster), "LGBM_BoosterCreate");
        using (booster)
        {
            if (held is not null)
            {
                LightGbmNative.Check(LightGbmNative.BoosterAddValidData(booster, held), "LGBM_BoosterAddValidData");
            }

            var kept = Boost(booster, held is not null, rounds);
            return LightGbmModel.Load(SaveToString(booster, kept), data.Columns);
        }
    }
}
