using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Modeling.Churn;

/// <summary>Hyperparameters and choices of <see cref="ChurnTrainer"/>, with documented defaults.</summary>
internal sealed record ChurnTrainerOptions
{
    /// <summary>Training with fewer distinct customers than this is small-data mode. Default 1,000.</summary>
    public int SmallDataCustomers { get; init; } = 1000;

    /// <summary>Training with fewer churners than this is small-data mode. Default 50.</summary>
    public int SmallDataChurners { get; init; } = 50;

    /// <summary>L2 penalties tried for the logistic regression. Default 0.3, 3, 30.</summary>
    public IReadOnlyList<double> Lambdas { get; init; } = [0.3, 3, 30];

    /// <summary>Stronger penalties tried in small-data mode. Default 10, 30, 100.</summary>
    public IReadOnlyList<double> SmallDataLambdas { get; init; } = [10, 30, 100];

    /// <summary>Most training rows the logistic regression learns from; above it, an evenly spaced subsample (every k-th row,
    /// so every cutoff keeps its share). Default 100,000: a linear model of a few dozen columns gains nothing from more rows,
    /// and its Newton steps cost rows × columns².</summary>
    public int LogisticRowLimit { get; init; } = 100_000;

    /// <summary>Most training rows the logistic regression learns from when the chosen blend gives it no weight (the trees
    /// alone ranked best): it is still stored and explained, with weight 0, so a sample suffices. Default 20,000.</summary>
    public int IdleLogisticRowLimit { get; init; } = 20_000;

    /// <summary>Most training rows the leaf counts are compared on; above it an evenly spaced sample, and only the chosen
    /// count learns from every row. Default 150,000 (about 20,000 customers × 8 cutoffs).</summary>
    public int LeafSearchRows { get; init; } = 150_000;

    /// <summary>Leaf counts tried for the trees. Default 15 and 31.</summary>
    public IReadOnlyList<int> LeafChoices { get; init; } = [15, 31];

    /// <summary>The trees' other settings: learning rate 0.1 and at most 300 rounds, stopped early out of time, at least
    /// 50 rows per leaf, 63 bins per column (binned once for every fit).</summary>
    public LightGbmOptions Trees { get; init; } = new() { LearningRate = 0.1, MaxRounds = 300, EarlyStoppingRounds = 20, MinDataInLeaf = 50, MaxBin = 63 };

    /// <summary>Whether the stored model is refitted on every cutoff, the newest included, after the evaluation. Default
    /// true: the newest behaviour is the most like tomorrow's. False stores the evaluated model itself.</summary>
    public bool Refit { get; init; } = true;

    /// <summary>Earlier cutoffs the rolling backtest tests on. Default 2.</summary>
    public int BacktestFolds { get; init; } = 2;

    /// <summary>How the evaluation is computed (bins, lift fractions, precision at k, bootstrap).</summary>
    public EvaluationOptions Evaluation { get; init; } = new() { PrecisionAtK = [100, 500], BootstrapResamples = 300 };

    /// <summary>Checks ranges; throws naming the option.</summary>
    public void Validate()
    {
        if (SmallDataCustomers < 0 || SmallDataChurners < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SmallDataCustomers), "small-data thresholds must be ≥ 0");
        }

        if (Lambdas.Count == 0 || SmallDataLambdas.Count == 0 || LeafChoices.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Lambdas), "each hyperparameter list needs at least one value");
        }

        if (LogisticRowLimit < 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(LogisticRowLimit), LogisticRowLimit, "LogisticRowLimit must be 1000 or more.");
        }

        if (IdleLogisticRowLimit < 1000 || LeafSearchRows < 1000)
        {
            throw new ArgumentOutOfRangeException(IdleLogisticRowLimit < 1000 ? nameof(IdleLogisticRowLimit) : nameof(LeafSearchRows),
                "IdleLogisticRowLimit and LeafSearchRows must be 1000 or more.");
        }

        if (BacktestFolds is < 0 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(BacktestFolds), BacktestFolds, "BacktestFolds must be between 0 and 12.");
        }

        Trees.Validate();
        Evaluation.Validate();
    }
}

/// <summary>What training produced and how well it did out of time.</summary>
internal sealed record ChurnTrainingOutcome(
    ChurnEnsemble Model,
    EvaluationReport Test,
    IReadOnlyList<BaselineReport> Baselines,
    bool SmallData,
    long TestCutoff,
    long FirstTrainingCutoff,
    long CalibrationCutoff,
    int TrainingRows,
    int TrainingCustomers,
    int TrainingChurners,
    Choice Choice,
    IReadOnlyList<BacktestFold> Backtest)
{
    /// <summary>Trees kept after early stopping (0 in small-data mode).</summary>
    public int TreeIterations { get; init; }

    /// <summary>The model refitted on every cutoff, which is stored; null when <see cref="ChurnTrainerOptions.Refit"/> is off
    /// (then <see cref="Model"/> is stored).</summary>
    public RefittedModel? Production { get; init; }

    /// <summary>The model to store and score with: the refit when there is one, else the evaluated model.</summary>
    public ChurnEnsemble StoredModel => Production?.Model ?? Model;

    /// <summary>How long each stage took.</summary>
    public IReadOnlyList<TrainingStage> Stages { get; init; } = [];
}

/// <summary>The hyperparameters chosen out of time.</summary>
/// <param name="Lambda">The logistic regression's L2 penalty.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="TreeWeight">Weight of the trees in the blend.</param>
/// <param name="TreeIterations">Trees kept by early stopping (0 without trees).</param>
/// <param name="TrainingRows">Rows the choice was made with, to scale the round count to other training sets.</param>
internal sealed record Choice(double Lambda, int Leaves, double TreeWeight, int TreeIterations, int TrainingRows);

/// <summary>One step of the rolling backtest.</summary>
internal sealed record BacktestFold(long Cutoff, int Rows, int Churners, double RocAuc, double AveragePrecision, double BrierScore);

/// <summary>A practitioner's rule scored like a model, so users see what the model adds.</summary>
internal sealed record BaselineReport(string Name, string LabelJa, string LabelEn, EvaluationReport Report);
