using System.Text.Json;
using Kizuki.Modeling.Calibration;
using Kizuki.Modeling.LightGbm;
using Kizuki.Modeling.Linear;

namespace Kizuki.Modeling.Churn;

/// <summary>The churn model: gradient-boosted trees and a logistic regression, blended and calibrated.</summary>
/// <remarks>
/// raw = w · trees + (1 − w) · logistic (both in log-odds); probability = calibration(raw). The weight and the
/// calibration were fitted on out-of-time data the two models never saw. In small-data mode there are no trees (w = 0).
/// </remarks>
internal sealed class ChurnEnsemble(FeatureEncoder encoder, LightGbmModel? trees, LogisticRegressionModel linear, double treeWeight,
    IScoreCalibration calibration)
{
    private const string EncoderFile = "encoder.json";
    private const string TreesFile = "trees.txt";
    private const string LinearFile = "logistic.json";
    private const string BlendFile = "blend.json";

    public FeatureEncoder Encoder { get; } = encoder;

    public LightGbmModel? Trees { get; } = trees;

    public LogisticRegressionModel Linear { get; } = linear;

    /// <summary>Weight of the trees in the blend, 0 to 1.</summary>
    public double TreeWeight { get; } = treeWeight;

    public IScoreCalibration Calibration { get; } = calibration;

    /// <summary>Blended raw scores (log-odds before calibration).</summary>
    public double[] RawScores(DesignMatrix x)
    {
        var raw = new double[x.Rows];
        Linear.PredictRaw(x, raw);
        if (Trees is not null && TreeWeight > 0)
        {
            var trees = new double[x.Rows];
            Trees.PredictRaw(x, trees);
            for (var i = 0; i < raw.Length; i++)
            {
                raw[i] = (TreeWeight * trees[i]) + ((1 - TreeWeight) * raw[i]);
            }
        }

        return raw;
    }

    /// <summary>Calibrated churn probabilities.</summary>
    public double[] Probabilities(DesignMatrix x) => Calibration.Probabilities(RawScores(x));

    /// <summary>Writes the model's files into a directory.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, EncoderFile), Encoder.Serialize());
        File.WriteAllText(Path.Combine(directory, LinearFile), Linear.Serialize());
        if (Trees is not null)
        {
            File.WriteAllText(Path.Combine(directory, TreesFile), Trees.Serialize());
        }

        File.WriteAllText(Path.Combine(directory, BlendFile), JsonSerializer.Serialize(new Blend(TreeWeight, Calibration.Serialize())));
    }

    /// <summary>Reads a model written by <see cref="Save"/>; it predicts exactly as the saved one did.</summary>
    public static ChurnEnsemble Load(string directory)
    {
        var encoder = FeatureEncoder.Load(File.ReadAllText(Path.Combine(directory, EncoderFile)));
        var linear = LogisticRegressionModel.Load(File.ReadAllText(Path.Combine(directory, LinearFile)));
        var treesPath = Path.Combine(directory, TreesFile);
        var trees = File.Exists(treesPath) ? LightGbmModel.Load(File.ReadAllText(treesPath), encoder.Columns) : null;
        var blend = JsonSerializer.Deserialize<Blend>(File.ReadAllText(Path.Combine(directory, BlendFile)))
            ?? throw new FormatException($"{directory}: empty {BlendFile}");
        return new ChurnEnsemble(encoder, trees, linear, blend.TreeWeight, ScoreCalibration.Load(blend.Calibration));
    }

    private sealed record Blend(double TreeWeight, string Calibration);
}
