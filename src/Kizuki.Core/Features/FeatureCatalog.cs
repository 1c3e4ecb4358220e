using Kizuki.Features.History;

namespace Kizuki.Features;

/// <summary>The features Kizuki computes: the built-in groups plus the user's metrics, in a fixed order.</summary>
public sealed partial class FeatureCatalog
{
    private readonly IFeatureGroup[] _groups;
    private readonly int[] _offsets;
    private readonly Dictionary<string, int> _index;

    /// <summary>A catalog of the given groups, in order; feature names must be unique.</summary>
    public FeatureCatalog(IEnumerable<IFeatureGroup> groups)
    {
        _groups = [.. groups];
        _offsets = new int[_groups.Length];
        var definitions = new List<FeatureDefinition>();
        for (var i = 0; i < _groups.Length; i++)
        {
            _offsets[i] = definitions.Count;
            definitions.AddRange(_groups[i].Definitions);
        }

        Definitions = definitions;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            if (!_index.TryAdd(definitions[i].Name, i))
            {
                throw new InvalidDataException(
                    $"settings.json: 特徴量名「{definitions[i].Name}」が重複しています（ユーザー定義指標やページ分類の名前を変えてください） / " +
                    $"feature name '{definitions[i].Name}' is defined twice; rename the metric or page category that repeats it.");
            }
        }
    }

    /// <summary>Every feature, in output order.</summary>
    public IReadOnlyList<FeatureDefinition> Definitions { get; }

    /// <summary>Number of features.</summary>
    public int Count => Definitions.Count;

    /// <summary>The position of a feature, or -1.</summary>
    public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);

    /// <summary>Computes every feature of a customer at <paramref name="asOf"/> into the given buffers (length <see cref="Count"/>).</summary>
    public void Evaluate(CustomerHistory history, long asOf, double[] numbers, string?[] categories)
    {
        ArgumentNullException.ThrowIfNull(history);
        var row = new FeatureRow(numbers, categories, 0);
        for (var i = 0; i < _groups.Length; i++)
        {
            _groups[i].Evaluate(history, asOf, row.At(_offsets[i]));
        }
    }

    /// <summary>Computes every feature of a customer at <paramref name="asOf"/>.</summary>
    public FeatureValues Evaluate(CustomerHistory history, long asOf)
    {
        var numbers = new double[Count];
        var categories = new string?[Count];
        Evaluate(history, asOf, numbers, categories);
        return new FeatureValues(this, numbers, categories);
    }
}

/// <summary>One customer's feature values.</summary>
/// <param name="Catalog">The catalog they were computed with.</param>
/// <param name="Numbers">Numeric values by feature position (NaN for categorical features and unknowns).</param>
/// <param name="Categories">Categorical values by feature position (null for numeric features and unknowns).</param>
public sealed record FeatureValues(FeatureCatalog Catalog, double[] Numbers, string?[] Categories)
{
    /// <summary>The numeric value of a feature by name.</summary>
    public double Number(string name) => Numbers[Position(name)];

    /// <summary>The categorical value of a feature by name.</summary>
    public string? Category(string name) => Categories[Position(name)];

    private int Position(string name) => Catalog.IndexOf(name) is var i and >= 0
        ? i
        : throw new ArgumentException($"no feature named '{name}'", nameof(name));
}
