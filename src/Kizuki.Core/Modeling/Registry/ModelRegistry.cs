using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kizuki.Modeling.Churn;

namespace Kizuki.Modeling.Registry;

/// <summary>The trained models of a data directory: one folder per version under <c>models/</c>, one of them active.</summary>
/// <remarks>
/// A version's folder holds the model's files and <c>model.json</c> (what it was trained on and how well it did). A
/// version is written to a temporary folder and renamed into place, so a crash never leaves half a model; versions are
/// never changed after they are written. <c>models/active</c> names the active version.
/// </remarks>
internal sealed class ModelRegistry(string dataDirectory)
{
    public const string MetadataFile = "model.json";
    private const string ActiveFile = "active";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Root { get; } = Path.Combine(dataDirectory, "models");

    /// <summary>Saves a model as the next version and returns its metadata (with the version filled in).</summary>
    public ModelMetadata Save(ChurnEnsemble model, ModelMetadata metadata)
    {
        Directory.CreateDirectory(Root);
        var version = List().Select(m => m.Version).DefaultIfEmpty(0).Max() + 1;
        var stored = metadata with { Version = version };
        var staging = Path.Combine(Root, $".v{version}.partial");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        model.Save(staging);
        File.WriteAllText(Path.Combine(staging, MetadataFile), JsonSerializer.Serialize(stored, Json));
        Directory.Move(staging, FolderOf(version));
        return stored;
    }

    /// <summary>Every stored version, oldest first.</summary>
    public IReadOnlyList<ModelMetadata> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return [.. Directory.GetDirectories(Root, "v*")
            .Select(d => Path.Combine(d, MetadataFile))
            .Where(File.Exists)
            .Select(f => JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllText(f), Json)!)
            .OrderBy(m => m.Version)];
    }

    /// <summary>The active version, or null when none is.</summary>
    public int? Active
    {
        get
        {
            var path = Path.Combine(Root, ActiveFile);
            return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, out var v) ? v : null;
        }
    }

    /// <summary>Makes a stored version the active one; throws naming the versions there are when it does not exist.</summary>
    public void Activate(int version)
    {
        if (!File.Exists(Path.Combine(FolderOf(version), MetadataFile)))
        {
            var known = string.Join(", ", List().Select(m => m.Version));
            throw new InvalidOperationException(
                $"モデル v{version} はありません（あるもの: {(known.Length > 0 ? known : "なし")}） / model v{version} does not exist (stored: {(known.Length > 0 ? known : "none")}).");
        }

        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, ActiveFile + ".tmp");
        File.WriteAllText(temporary, version.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, Path.Combine(Root, ActiveFile), overwrite: true);
    }

    /// <summary>The metadata of a version.</summary>
    public ModelMetadata Metadata(int version) =>
        JsonSerializer.Deserialize<ModelMetadata>(File.ReadAllText(Path.Combine(FolderOf(version), MetadataFile)), Json)!;

    /// <summary>Loads a version's model.</summary>
    public ChurnEnsemble Load(int version) => ChurnEnsemble.Load(FolderOf(version));

    private string FolderOf(int version) => Path.Combine(Root, "v" + version.ToString(CultureInfo.InvariantCulture));
}
