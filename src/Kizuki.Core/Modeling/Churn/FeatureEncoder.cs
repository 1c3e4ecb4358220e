using System.Text.Json;
using Kizuki.Features;

namespace Kizuki.Modeling.Churn;

/// <summary>Turns feature columns (numbers and categories) into a <see cref="DesignMatrix"/>; fitted on training data, saved with the model.</summary>
/// <remarks>
/// Numeric features pass through (NaN stays missing). A categorical feature gets one code per category seen at least
/// <see cref="MinCategoryCount"/> times in training, plus an "other" code shared by rarer ones and by categories first
/// seen after training; an unknown value (null) is NaN, which both model kinds treat as missing.
/// </remarks>
internal sealed class FeatureEncoder
{
    /// <summary>The code every rare category shares.</summary>
    public const string OtherCategory = "(other)";

    /// <summary>Categories seen fewer times than this in training share the "other" code.</summary>
    public const int MinCategoryCount = 5;

    private readonly Dictionary<string, int>?[] _codes;

    private FeatureEncoder(IReadOnlyList<ModelColumn> columns)
    {
        Columns = columns;
        _codes = columns.Select(c => c.Categories?.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal)).ToArray();
    }

    /// <summary>The columns the encoder produces, one per feature, in catalog order.</summary>
    public IReadOnlyList<ModelColumn> Columns { get; }

    /// <summary>Learns the categories of each categorical feature from the chosen rows.</summary>
    public static FeatureEncoder Fit(IReadOnlyList<FeatureDefinition> definitions, Func<int, IReadOnlyList<string?>> categories, IReadOnlyList<int> rows)
    {
        var columns = new List<ModelColumn>(definitions.Count);
        for (var f = 0; f < definitions.Count; f++)
        {
            if (definitions[f].Kind == FeatureKind.Numeric)
            {
                columns.Add(new ModelColumn(definitions[f].Name));
                continue;
            }

            var values = categories(f);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (values[row] is { } value)
                {
                    counts[value] = counts.GetValueOrDefault(value) + 1;
                }
            }

            var kept = counts.Where(p => p.Value >= MinCategoryCount).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            kept.Add(OtherCategory);
            columns.Add(new ModelColumn(definitions[f].Name, kept));
        }

        return new FeatureEncoder(columns);
    }

    /// <summary>Encodes the chosen rows of feature columns given by accessors.</summary>
    public DesignMatrix Encode(Func<int, IReadOnlyList<double>> numbers, Func<int, IReadOnlyList<string?>> categories, IReadOnlyList<int> rows)
    {
        var width = Columns.Count;
        var values = new double[rows.Count * width];
        for (var c = 0; c < width; c++)
        {
            if (_codes[c] is { } codes)
            {
                var column = categories(c);
                var other = codes[OtherCategory];
                for (var i = 0; i < rows.Count; i++)
                {
                    values[(i * width) + c] = column[rows[i]] is { } value ? codes.GetValueOrDefault(value, other) : double.NaN;
                }
            }
            else
            {
                var column = numbers(c);
                for (var i = 0; i < rows.Count; i++)
                {
                    values[(i * width) + c] = column[rows[i]];
                }
            }
        }

        return new DesignMatrix(Columns, values);
    }

    /// <summary>The encoder as JSON.</summary>
    public string Serialize() => JsonSerializer.Serialize(Columns.Select(c => new EncodedColumn(c.Name, c.Categories)).ToList());

    /// <summary>Restores an encoder saved by <see cref="Serialize"/>.</summary>
    public static FeatureEncoder Load(string json)
    {
        var columns = JsonSerializer.Deserialize<List<EncodedColumn>>(json) ?? throw new FormatException("empty encoder");
        return new FeatureEncoder([.. columns.Select(c => new ModelColumn(c.Name, c.Categories))]);
    }

    private sealed record EncodedColumn(string Name, IReadOnlyList<string>? Categories);
}
