namespace Kizuki.Features.Labels;

/// <summary>
/// Labelled examples for training: one row per eligible customer and cutoff, ordered by cutoff (oldest first) and,
/// within a cutoff, by customer id (in the stores' order: by code point). Stored by column, as models read it.
/// </summary>
/// <remarks>
/// The columns read like a <see cref="Batch.FeatureTable"/>'s, but a feature table holds one as-of instant and a
/// training set many (one per row, in <see cref="Cutoffs"/>), so it is a type of its own.
/// </remarks>
internal sealed class TrainingSet
{
    private readonly string[] _customerIds;
    private readonly long[] _cutoffs;
    private readonly byte[] _labels;
    private readonly long[] _churnedAt;
    private readonly double[]?[] _numbers;
    private readonly string?[]?[] _categories;

    internal TrainingSet(
        FeatureCatalog catalog,
        ChurnDefinition definition,
        IReadOnlyList<CutoffCounts> counts,
        string[] customerIds,
        long[] cutoffs,
        byte[] labels,
        long[] churnedAt,
        double[]?[] numbers,
        string?[]?[] categories)
    {
        Catalog = catalog;
        Definition = definition;
        Counts = counts;
        _customerIds = customerIds;
        _cutoffs = cutoffs;
        _labels = labels;
        _churnedAt = churnedAt;
        _numbers = numbers;
        _categories = categories;
    }

    /// <summary>The features, in column order.</summary>
    public FeatureCatalog Catalog { get; }

    /// <summary>The (resolved) churn definition the labels follow.</summary>
    public ChurnDefinition Definition { get; }

    /// <summary>Eligible and churned customers per cutoff, oldest first; a cutoff with nobody eligible is listed with zeros.</summary>
    public IReadOnlyList<CutoffCounts> Counts { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _customerIds.Length;

    /// <summary>The customer of each row.</summary>
    public IReadOnlyList<string> CustomerIds => _customerIds;

    /// <summary>The cutoff (ms) of each row.</summary>
    public IReadOnlyList<long> Cutoffs => _cutoffs;

    /// <summary>The label of each row: 1 churned inside the window, 0 stayed.</summary>
    public IReadOnlyList<byte> Labels => _labels;

    /// <summary>When each row's customer churned (ms); <see cref="History.Millis.Never"/> for those who stayed.</summary>
    public IReadOnlyList<long> ChurnedAt => _churnedAt;

    /// <summary>The features, in column order (as in <see cref="Batch.FeatureTable.Definitions"/>).</summary>
    public IReadOnlyList<FeatureDefinition> Definitions => Catalog.Definitions;

    /// <summary>The position of a feature, or -1.</summary>
    public int IndexOf(string name) => Catalog.IndexOf(name);

    /// <summary>The values of a numeric feature, one per row (NaN = unknown).</summary>
    public IReadOnlyList<double> Numbers(int feature) => _numbers[CheckFeature(feature)]
        ?? throw new ArgumentException($"feature '{Catalog.Definitions[feature].Name}' is categorical", nameof(feature));

    /// <summary>The values of a categorical feature, one per row (null = unknown).</summary>
    public IReadOnlyList<string?> Categories(int feature) => _categories[CheckFeature(feature)]
        ?? throw new ArgumentException($"feature '{Catalog.Definitions[feature].Name}' is numeric", nameof(feature));

    /// <summary>The values of a numeric feature by name.</summary>
    public IReadOnlyList<double> Numbers(string name) => Numbers(Position(name));

    /// <summary>The values of a categorical feature by name.</summary>
    public IReadOnlyList<string?> Categories(string name) => Categories(Position(name));

    private int CheckFeature(int feature) => (uint)feature < (uint)Catalog.Count
        ? feature
        : throw new ArgumentOutOfRangeException(nameof(feature), feature, $"feature positions run from 0 to {Catalog.Count - 1}");

    private int Position(string name) => Catalog.IndexOf(name) is var i and >= 0
        ? i
        : throw new ArgumentException($"no feature named '{name}'", nameof(name));
}
