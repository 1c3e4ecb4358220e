namespace Kizuki.Modeling.LightGbm;

/// <summary>Gradient-boosted trees through LightGBM; fits into an immutable <see cref="LightGbmModel"/>.</summary>
/// <remarks>
/// With validation data, training stops once the validation log loss has not improved for
/// <see cref="LightGbmOptions.EarlyStoppingRounds"/> rounds and the model keeps the trees up to the best round;
/// without it, the model has <see cref="LightGbmOptions.MaxRounds"/> trees (fewer only if no split is left).
/// Categorical columns of the <see cref="DesignMatrix"/> are passed to LightGBM as categorical features.
/// </remarks>
/// <param name="options">Hyperparameters; null for the defaults.</param>
public sealed partial class LightGbmEstimator(LightGbmOptions? options = null) : IChurnEstimator
{
    /// <summary>The kind name stored with every model this estimator makes.</summary>
    public const string KindName = "lightgbm";

    /// <summary>The hyperparameters.</summary>
    public LightGbmOptions Options { get; } = options ?? new LightGbmOptions();

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    IChurnModel IChurnEstimator.Fit(DesignMatrix x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights, (DesignMatrix X, double[] Y)? validation)
        => Fit(x, y, weights, validation);

    /// <summary>Fits a model; see <see cref="IChurnEstimator.Fit"/>.</summary>
    /// <exception cref="ArgumentException">The data do not fit together (lengths, columns, labels, weights, category codes).</exception>
    public LightGbmModel Fit(DesignMatrix x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights = default, (DesignMatrix X, double[] Y)? validation = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        Options.Validate();
        ValidateTrainingData(x, y, weights, Options.ProbabilityLabels);
        if (validation is { } held)
        {
            ValidateValidationData(x, held.X, held.Y, Options.ProbabilityLabels);
        }

        var parameters = LightGbmParameters.ForTraining(Options, x.Columns);
        using var train = CreateDataset(x, parameters, reference: null);
        SetFloatField(train, "label", y);
        if (!weights.IsEmpty)
        {
            SetFloatField(train, "weight", weights);
        }

        using var validationSet = validation is { } v ? CreateDataset(v.X, parameters, train) : null;
        if (validationSet is not null)
        {
            SetFloatField(validationSet, "label", validation!.Value.Y);
        }

        LightGbmNative.Check(LightGbmNative.BoosterCreate(train, parameters, out var booster), "LGBM_BoosterCreate");
        using (booster)
        {
            if (validationSet is not null)
            {
                LightGbmNative.Check(LightGbmNative.BoosterAddValidData(booster, validationSet), "LGBM_BoosterAddValidData");
            }

            var rounds = Boost(booster, validationSet is not null);
            return LightGbmModel.Load(SaveToString(booster, rounds), x.Columns);
        }
    }

    /// <summary>Runs the boosting rounds; returns how many to keep.</summary>
    private int Boost(BoosterHandle booster, bool hasValidation, int? rounds = null)
    {
        var earlyStopping = hasValidation && Options.EarlyStoppingRounds > 0;
        var bestLoss = double.PositiveInfinity;
        var bestRound = 0;
        for (var round = 1; round <= (rounds ?? Options.MaxRounds); round++)
        {
            LightGbmNative.Check(LightGbmNative.BoosterUpdateOneIter(booster, out var finished), "LGBM_BoosterUpdateOneIter");
            if (finished != 0)
            {
                break;
            }

            if (!earlyStopping)
            {
                continue;
            }

            var loss = ValidationLoss(booster);
            if (loss < bestLoss)
            {
                bestLoss = loss;
                bestRound = round;
            }
            else if (round - bestRound >= Options.EarlyStoppingRounds)
            {
                break;
            }
        }

        LightGbmNative.Check(LightGbmNative.BoosterGetCurrentIteration(booster, out var built), "LGBM_BoosterGetCurrentIteration");
        return earlyStopping && bestRound > 0 ? Math.Min(bestRound, built) : built;
    }

    private static unsafe double ValidationLoss(BoosterHandle booster)
    {
        LightGbmNative.Check(LightGbmNative.BoosterGetEvalCounts(booster, out var count), "LGBM_BoosterGetEvalCounts");
        Span<double> results = stackalloc double[Math.Max(count, 1)];
        fixed (double* pointer = results)
        {
            LightGbmNative.Check(LightGbmNative.BoosterGetEval(booster, 1, out _, pointer), "LGBM_BoosterGetEval");
        }

        return results[0];
    }

    internal static unsafe DatasetHandle CreateDataset(DesignMatrix x, string parameters, DatasetHandle? reference)
    {
        DatasetHandle dataset;
        fixed (double* data = x.Values)
        {
            var code = reference is null
                ? LightGbmNative.DatasetCreateFromMat(data, LightGbmNative.DataTypeFloat64, x.Rows, x.ColumnCount, 1, parameters, 0, out dataset)
                : LightGbmNative.DatasetCreateFromMat(data, LightGbmNative.DataTypeFloat64, x.Rows, x.ColumnCount, 1, parameters, reference, out dataset);
            LightGbmNative.Check(code, "LGBM_DatasetCreateFromMat");
        }

        return dataset;
    }

    internal static unsafe void SetFloatField(DatasetHandle dataset, string field, ReadOnlySpan<double> values)
    {
        var single = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            single[i] = (float)values[i];
        }

        fixed (float* data = single)
        {
            LightGbmNative.Check(
                LightGbmNative.DatasetSetField(dataset, field, data, single.Length, LightGbmNative.DataTypeFloat32),
                "LGBM_DatasetSetField");
        }
    }

    /// <summary>LightGBM's model text of the first <paramref name="rounds"/> rounds.</summary>
    internal static unsafe string SaveToString(BoosterHandle booster, int rounds)
    {
        LightGbmNative.Check(
            LightGbmNative.BoosterSaveModelToString(booster, 0, rounds, LightGbmNative.FeatureImportanceSplit, 0, out var length, null),
            "LGBM_BoosterSaveModelToString");
        var buffer = new byte[length];
        fixed (byte* text = buffer)
        {
            LightGbmNative.Check(
                LightGbmNative.BoosterSaveModelToString(booster, 0, rounds, LightGbmNative.FeatureImportanceSplit, length, out length, text),
                "LGBM_BoosterSaveModelToString");
        }

        // The length counts the terminating NUL.
        return System.Text.Encoding.UTF8.GetString(buffer, 0, (int)length - 1);
    }
}
