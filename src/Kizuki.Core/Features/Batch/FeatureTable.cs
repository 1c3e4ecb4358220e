namespace Kizuki.Features.Batch;

/// <summary>Features of many customers at one as-of instant, stored by column.</summary>
/// <remarks>
/// Row <c>r</c> is customer <see cref="CustomerIds"/>[r]; a numeric feature is a column of doubles (NaN = unknown),
/// a categorical one a column of strings (null = unknown). Columns suit model training, which reads a feature at a time.
/// </remarks>
public sealed class FeatureTable
{
    private readonly double[]?[] _numbers;
    private readonly string?[]?[] _categories;
    private readonly Dictionary<string, int> _index;

    internal FeatureTable(DateTimeOffset asOf, IReadOnlyList<FeatureDefinition> definitions, string[] customerIds,
        double[]?[] numbers, string?[]?[] categories, long eventsRead)
    {
        AsOf = asOf;
        Definitions = definitions;
        CustomerIds = customerIds;
        _numbers = numbers;
        _categories = categories;
        EventsRead = eventsRead;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definitions.Count; i++)
        {
            _index[definitions[i].Name] = i;
        }
    }

    /// <summary>The as-of instant: every value uses only what happened strictly before it.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The features, in column order.</summary>
    public IReadOnlyList<FeatureDefinition> Definitions { get; }

    /// <summary>The customers, in row order (by id).</summary>
    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => CustomerIds.Count;

    /// <summary>Events read to compute the table (those of every customer before the as-of instant).</summary>
    public long EventsRead { get; }

    /// <summary>The position of a feature, or -1.</summary>
    public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);

    /// <summary>The values of a numeric feature by row.</summary>
    public IReadOnlyList<double> Numbers(int feature) =>
        _numbers[CheckIndex(feature)] ?? throw new ArgumentException($"feature '{Definitions[feature].Name}' is categorical", nameof(feature));

    /// <summary>The values of a categorical feature by row.</summary>
    public IReadOnlyList<string?> Categories(int feature) =>
        _categories[CheckIndex(feature)] ?? throw new ArgumentException($"feature '{Definitions[feature].Name}' is numeric", nameof(feature));

    /// <summary>The values of a numeric feature by row, by name.</summary>
    public IReadOnlyList<double> Numbers(string name) => Numbers(Position(name));

    /// <summary>The values of a categorical feature by row, by name.</summary>
    public IReadOnlyList<string?> Categories(string name) => Categories(Position(name));

    /// <summary>The row of a customer, or -1.</summary>
    public int RowOf(string customerId)
    {
        var lo = 0;
        var hi = CustomerIds.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var order = CustomerIdOrder.Compare(CustomerIds[mid], customerId);
            if (order == 0)
            {
                return mid;
            }

            (lo, hi) = order < 0 ? (mid + 1, hi) : (lo, mid);
        }

        return -1;
    }

    internal double[]? NumberColumn(int feature) => _numbers[feature];

    internal string?[]? CategoryColumn(int feature) => _categories[feature];

    private int CheckIndex(int feature) =>
        (uint)feature < (uint)Definitions.Count
            ? feature
            : throw new ArgumentOutOfRangeException(nameof(feature), feature, $"there are {Definitions.Count} features");

    private int Position(string name) => IndexOf(name) is var i and >= 0
        ? i
        : throw new ArgumentException($"no feature named '{name}'", nameof(name));
}
