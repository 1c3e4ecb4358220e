using System.Text.Json;
using Kizuki.Modeling.Calibration;
using Kizuki.Modeling.LightGbm;
using Kizuki.Modeling.Linear;

namespace Kizuki.Modeling.Tabular;

/// <summary>
/// A fitted bring-your-own-table model: the schema that encodes a table, LightGBM trees and a logistic regression whose
/// raw scores are blended as <c>w·trees + (1 − w)·logistic</c>, then calibrated into a churn probability. Immutable.
/// </summary>
/// <param name="Schema">How a table is encoded.</param>
/// <param name="Trees">The trees; null in small-data mode (logistic only).</param>
/// <param name="Linear">The logistic regression.</param>
/// <param name="TreeWeight">The trees' share w of the raw score, 0 to 1.</param>
/// <param name="Calibration">Raw score → probability, fitted on out-of-fold scores.</param>
/// <param name="SmallData">Whether the small-data mode (strongly regularised logistic regression only) was used.</param>
internal sealed record TabularModel(
    TabularSchema Schema,
    LightGbmModel? Trees,
    LogisticRegressionModel Linear,
    double TreeWeight,
    IScoreCalibration Calibration,
    bool SmallData)
{
    /// <summary>The format tag written into every saved model.</summary>
    public const string Format = "kizuki.tabular.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The ensemble's raw scores (log-odds before calibration) of the chosen rows (all when null).</summary>
    public double[] RawScores(TabularTable table, IReadOnlyList<int>? rows = null)
    {
        var (trees, linear) = Schema.Encode(table, rows);
        return RawScores(trees, linear);
    }

    /// <summary>The ensemble's raw scores of already encoded rows.</summary>
    public double[] RawScores(DesignMatrix trees, DesignMatrix linear)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(linear);
        var scores = new double[linear.Rows];
        Linear.PredictRaw(linear, scores);
        if (Trees is not null && TreeWeight > 0)
        {
            var treeScores = new double[trees.Rows];
            Trees.PredictRaw(trees, treeScores);
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = (TreeWeight * treeScores[i]) + ((1 - TreeWeight) * scores[i]);
            }
        }

        return scores;
    }

    /// <summary>Calibrated churn probabilities of the chosen rows (all when null).</summary>
    public double[] Probabilities(TabularTable table, IReadOnlyList<int>? rows = null)
        => Calibration.Probabilities(RawScores(table, rows));

    /// <summary>The model as one JSON document: schema, LightGBM model text, logistic JSON, weight and calibration.</summary>
    public string Serialize()
        => JsonSerializer.Serialize(
            new Document(Format, Schema, Trees?.Serialize(), Linear.Serialize(), TreeWeight, Calibration.Serialize(), SmallData),
            Json);

    /// <summary>Restores a model written by <see cref="Serialize"/>; it scores identically.</summary>
    /// <exception cref="InvalidDataException">The text is not a saved tabular model.</exception>
    public static TabularModel Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"表形式モデルのファイルではありません: {e.Message} / not a tabular model file: {e.Message}", e);
        }

        if (document is null || document.Format != Format || document.Schema is null || document.Linear is null || document.Calibration is null)
        {
            throw new InvalidDataException($"表形式モデル（{Format}）のファイルではありません。 / not a tabular model file ({Format}).");
        }

        var schema = document.Schema;
        var trees = document.Trees is null ? null : LightGbmModel.Load(document.Trees, schema.TreeColumns());
        return new TabularModel(
            schema,
            trees,
            LogisticRegressionModel.Load(document.Linear),
            document.TreeWeight,
            ScoreCalibration.Load(document.Calibration),
            document.SmallData);
    }

    /// <summary>Writes the model to a file (creating its folder).</summary>
    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Serialize());
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    public static TabularModel LoadFile(string path)
        => File.Exists(path)
            ? Load(File.ReadAllText(path))
            : throw new FileNotFoundException(
                $"モデルファイル {path} がありません。先に `kizuki tabular train` を実行してください。 / model file {path} not found; run `kizuki tabular train` first.",
                path);

    private sealed record Document(string Format, TabularSchema? Schema, string? Trees, string? Linear, double TreeWeight, string? Calibration, bool SmallData);
}
