using System.Globalization;
using System.Text.Json;
using Kizuki.Demo;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.Labels;
using Kizuki.Modeling;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Bench;

/// <summary>
/// <c>oraclegap</c>: where the demo model's AUC falls short of the full oracle's, on the test cutoff of <c>kizuki train</c>.
/// </summary>
/// <remarks>
/// <para>Prints one JSON object with four parts.</para>
/// <para><b>Oracles.</b> The full and the knowable oracle, as the demo prints them, and two more that use only what existed
/// at the cutoff. <c>latentState</c> knows every episode under way at the cutoff with its true hazards, silent ones too; a
/// customer whose episode had not begun (or who has none) gets the mean full-oracle probability of the test rows that share
/// their observable group (age, billing cycle, days to renewal, plan), so it ranks them by what their group implies.
/// <c>latentStateAfter30Days</c> is the same, except that episodes younger than 30 days count as not begun.</para>
/// <para><b>Stages.</b> Test rows, churners, the model's and the full oracle's AUC within each stage of the episode at the
/// cutoff (no episode, not begun, silent, visible for under 30 days, visible for longer), with mean predicted and observed
/// rates.</para>
/// <para><b>Trees on true probabilities.</b> The same trees (the leaves <c>kizuki train</c> chose, early stopping on the
/// calibration cutoff) fitted twice on the training cutoffs: to the 0/1 labels, and to each row's true probability of
/// churning from the ground truth. If the second ranks the test cutoff no better, the labels' noise is not what limits the
/// model: the features are.</para>
/// <para>The evaluated model is trained as <c>kizuki train</c> trains it (no refit, no backtest).</para>
/// </remarks>
internal static class OracleGap
{
    private const double FreshDays = 30;

    private static readonly string[] GroupFeatures = ["customer_age_days", "billing_cycle_months", "days_to_renewal", "plan"];

    public static int Run(string[] args)
    {
        var dataDir = TrainingSetExport.Arg(args, "--data-dir") ?? throw new ArgumentException("oraclegap needs --data-dir DIR / --data-dir が必要です");
        var truth = TrainingSetExport.Arg(args, "--truth") ?? Path.Combine(dataDir, "ground-truth");
        var (set, _) = TrainingSetExport.Build(dataDir);
        if (set.Definition.Kind != ChurnKind.Contractual)
        {
            throw new InvalidOperationException("oraclegap needs a contractual demo (saas) / 契約型のデモ（saas）が必要です");
        }

        var split = TimeSplit.Of(set);
        var last = split.Cutoffs.Count - 1;
        var truthRows = OracleAuc.Describe(Path.Combine(truth, "customers.csv"), Path.Combine(truth, "hazard.csv"), set, cutoff: null);
        var test = split.RowsAt(last).Select(r => truthRows[r]).ToArray();
        var y = split.Labels(split.RowsAt(last));

        var outcome = new ChurnTrainer(new ChurnTrainerOptions { Refit = false, BacktestFolds = 0 }).Train(set);
        var model = outcome.Model;
        var encode = (IReadOnlyList<int> rows) => model.Encoder.Encode(set.Numbers, set.Categories, rows);
        var probabilities = model.Probabilities(encode(split.RowsAt(last)));
        var groups = GroupKeys(set, split.RowsAt(last));

        var summary = new
        {
            testCutoff = DateTimeOffset.FromUnixTimeMilliseconds(split.Cutoffs[last]).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            rows = test.Length,
            churners = (int)y.Sum(),
            modelAuc = BinaryMetrics.RocAuc(probabilities, y),
            oracles = new
            {
                full = Auc(test.Select(t => t.Full), y),
                knowable = Auc(test.Select(t => t.Knowable), y),
                latentState = Auc(LatentState(test, groups, freshDays: 0), y),
                latentStateAfter30Days = Auc(LatentState(test, groups, FreshDays), y),
            },
            stages = Stages(test, probabilities, y),
            trees = TreesOnTrueProbabilities(split, truthRows, outcome, encode),
        };
        Console.WriteLine(JsonSerializer.Serialize(summary, TrainingSetExport.Indented));
        return 0;
    }

    private static double Auc(IEnumerable<double> scores, double[] y) => BinaryMetrics.RocAuc([.. scores], y);

    /// <summary>True probabilities for episodes under way (older than <paramref name="freshDays"/>); for every other row the
    /// mean true probability of its observable group among those other rows.</summary>
    private static double[] LatentState(OracleRow[] test, string[] groupKeys, double freshDays)
    {
        bool Known(OracleRow t) => t.Stage is EpisodeStage.Silent or EpisodeStage.Visible && t.EpisodeDays >= freshDays;
        var groups = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < test.Length; i++)
        {
            if (!Known(test[i]))
            {
                var (sum, count) = groups.GetValueOrDefault(groupKeys[i]);
                groups[groupKeys[i]] = (sum + test[i].Full, count + 1);
            }
        }

        return [.. test.Select((t, i) => Known(t) ? t.Full : groups[groupKeys[i]].Sum / groups[groupKeys[i]].Count)];
    }

    /// <summary>Each row's observable group: age and days to renewal in bands, billing cycle and plan as they are.</summary>
    private static string[] GroupKeys(TrainingSet set, IReadOnlyList<int> rows)
    {
        var names = set.Definitions.Select(d => d.Name).ToList();
        var columns = GroupFeatures.Select(f => (Feature: f, Position: names.IndexOf(f))).Where(c => c.Position >= 0).ToArray();
        return
        [
            .. rows.Select(row => string.Join('|', columns.Select(c => set.Definitions[c.Position].Kind == FeatureKind.Categorical
                ? set.Categories(c.Position)[row] ?? ""
                : Band(set.Numbers(c.Position)[row], c.Feature == "customer_age_days" ? [30, 45, 60, 75, 90, 120, 180, 365, 730] : [30, 60, 90, 120, 150, 180])))),
        ];
    }

    private static string Band(double value, double[] edges)
    {
        if (double.IsNaN(value))
        {
            return "na";
        }

        var band = Array.FindIndex(edges, e => value < e);
        return band < 0 ? "top" : band.ToString(CultureInfo.InvariantCulture);
    }

    private static object[] Stages(OracleRow[] test, double[] probabilities, double[] y)
    {
        (string Name, Func<OracleRow, bool> Is)[] stages =
        [
            ("no episode", t => t.Stage == EpisodeStage.NoEpisode),
            ("episode not begun", t => t.Stage == EpisodeStage.NotBegun),
            ("silent episode under way", t => t.Stage == EpisodeStage.Silent),
            ("visible episode, under 30 days old", t => t.Stage == EpisodeStage.Visible && t.EpisodeDays < FreshDays),
            ("visible episode, 30 days old or more", t => t.Stage == EpisodeStage.Visible && t.EpisodeDays >= FreshDays),
        ];
        return
        [
            .. stages.Select(stage =>
            {
                var rows = Enumerable.Range(0, test.Length).Where(i => stage.Is(test[i])).ToArray();
                double[] labels = [.. rows.Select(i => y[i])];
                var churners = labels.Sum();
                var both = churners > 0 && churners < labels.Length;
                return (object)new
                {
                    stage = stage.Name,
                    rows = rows.Length,
                    churners = (int)churners,
                    modelAuc = both ? Auc(rows.Select(i => probabilities[i]), labels) : (double?)null,
                    fullOracleAuc = both ? Auc(rows.Select(i => test[i].Full), labels) : (double?)null,
                    meanModelProbability = rows.Length > 0 ? rows.Average(i => probabilities[i]) : (double?)null,
                    observedRate = rows.Length > 0 ? churners / rows.Length : (double?)null,
                };
            }),
        ];
    }

    /// <summary>The chosen trees fitted to the labels and to the true probabilities; both ranked on the test cutoff's labels.</summary>
    private static object TreesOnTrueProbabilities(
        TimeSplit split, IReadOnlyList<OracleRow> truthRows, ChurnTrainingOutcome outcome, Func<IReadOnlyList<int>, DesignMatrix> encode)
    {
        var n = split.Cutoffs.Count;
        var train = split.RowsBefore(n - 2);
        var options = new ChurnTrainerOptions().Trees with { NumLeaves = outcome.Choice.Leaves };
        var x = encode(train);
        var validation = (encode(split.RowsAt(n - 2)), split.Labels(split.RowsAt(n - 2)));
        var xTest = encode(split.RowsAt(n - 1));
        var yTest = split.Labels(split.RowsAt(n - 1));
        using var onLabels = new LightGbmEstimator(options).Fit(x, split.Labels(train), validation: validation);
        using var onTruth = new LightGbmEstimator(options with { ProbabilityLabels = true })
            .Fit(x, [.. train.Select(r => truthRows[r].Full)], validation: validation);
        return new
        {
            leaves = outcome.Choice.Leaves,
            trainingRows = train.Count,
            onLabels = new { trees = onLabels.Iterations, testAuc = BinaryMetrics.RocAuc(onLabels.PredictRaw(xTest), yTest) },
            onTrueProbabilities = new { trees = onTruth.Iterations, testAuc = BinaryMetrics.RocAuc(onTruth.PredictRaw(xTest), yTest) },
        };
    }
}
