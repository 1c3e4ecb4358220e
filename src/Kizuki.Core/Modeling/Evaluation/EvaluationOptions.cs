namespace Kizuki.Modeling.Evaluation;

/// <summary>What an <see cref="EvaluationReport"/> computes.</summary>
internal sealed record EvaluationOptions
{
    /// <summary>Equal-count bins of the calibration table. Default 10 (deciles); allowed 1 to 1000.</summary>
    public int CalibrationBins { get; init; } = 10;

    /// <summary>Risk band edges for a second calibration table, strictly increasing in (0, 1); null for none. Default null.</summary>
    public IReadOnlyList<double>? RiskBandEdges { get; init; }

    /// <summary>Top shares for lift and capture. Default 10% and 20%.</summary>
    public IReadOnlyList<double> LiftFractions { get; init; } = [0.1, 0.2];

    /// <summary>The k values of precision at k. Default 100.</summary>
    public IReadOnlyList<int> PrecisionAtK { get; init; } = [100];

    /// <summary>Bootstrap resamples for the AUC interval. Default 1000; allowed 1 to 100,000.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap. Default 42.</summary>
    public int BootstrapSeed { get; init; } = 42;

    /// <summary>Confidence level of the AUC interval. Default 0.95; allowed (0, 1).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Throws naming the first option outside its allowed range.</summary>
    public void Validate()
    {
        if (CalibrationBins is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(CalibrationBins), CalibrationBins, "CalibrationBins must be in 1..1000.");
        }

        if (LiftFractions.Any(f => !(f > 0 && f <= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(LiftFractions), "Every lift fraction must be in (0, 1].");
        }

        if (PrecisionAtK.Any(k => k < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PrecisionAtK), "Every k must be at least 1.");
        }

        if (BootstrapResamples is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BootstrapResamples), BootstrapResamples, "BootstrapResamples must be in 1..100000.");
        }

        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "ConfidenceLevel must be in (0, 1).");
        }
    }
}
