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

    /// <summary>Leaf counts tried for the trees. Default 15 and 31.</summary>
    public IReadOnlyList<int> LeafChoices { get; init; } = [15, 31];

    /// <summary>The trees' other settings: learning rate 0.1 and at most 300 rounds, stopped early out of time.</summary>
    public LightGbmOptions Trees { get; init; } = new() { LearningRate = 0.1, MaxRounds = 300, EarlyStoppingRounds = 20, MinDataInLeaf = 50 };

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
}

/// <summary>The hyperparameters chosen out of time.</summary>
internal sealed record Choice(double Lambda, int Leaves);

/// <summary>One step of the rolling backtest.</summary>
internal sealed record BacktestFold(long Cutoff, int Rows, int Churners, double RocAuc, double AveragePrecision, double BrierScore);

/// <summary>A practitioner's rule scored like a model, so users see what the model adds.</summary>
internal sealed record BaselineReport(string Name, string LabelJa, string LabelEn, EvaluationReport Report);
