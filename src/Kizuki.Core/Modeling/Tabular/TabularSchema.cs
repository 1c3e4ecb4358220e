using System.Globalization;

namespace Kizuki.Modeling.Tabular;

/// <summary>Whether a table column is read as numbers or as categories.</summary>
internal enum TabularColumnKind
{
    /// <summary>Every non-blank value parses as a number.</summary>
    Numeric,

    /// <summary>Text values, encoded as category codes.</summary>
    Categorical,
}

/// <summary>One column the models use.</summary>
/// <param name="Name">The column name in the file.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Categories">For a categorical column the category of each code (the last is <see cref="TabularSchema.Other"/> when rare ones were pooled); null for numeric.</param>
/// <param name="Bands">For a numeric column, the inner quantile edges of the logistic model's band copy; null when it has none.</param>
/// <param name="Pooled">For a categorical column, the rare training categories encoded as <see cref="TabularSchema.Other"/>; null for numeric.</param>
internal sealed record TabularFeature(string Name, TabularColumnKind Kind, IReadOnlyList<string>? Categories, IReadOnlyList<double>? Bands, IReadOnlyList<string>? Pooled = null);

/// <summary>A column left out of the models and why.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Reason"><c>id</c>, <c>target</c>, <c>id-like</c> (text, every value distinct), <c>constant</c> or <c>empty</c>.</param>
internal sealed record IgnoredColumn(string Name, string Reason);

/// <summary>
/// How a table becomes model inputs, learned from the training rows and saved with the model so scoring encodes identically.
/// </summary>
/// <param name="IdColumn">The customer id column.</param>
/// <param name="TargetColumn">The churn target column.</param>
/// <param name="Features">The columns the models use, in order.</param>
/// <param name="Ignored">Columns left out and why.</param>
internal sealed partial record TabularSchema(string IdColumn, string TargetColumn, IReadOnlyList<TabularFeature> Features, IReadOnlyList<IgnoredColumn> Ignored)
{
    /// <summary>The name of the pooled code of rare categories.</summary>
    public const string Other = "(other)";

    /// <summary>Parses a number: invariant culture, thousands separators and exponents allowed.</summary>
    public static bool TryParseNumber(string text, out double value)
        => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value)
           && double.IsFinite(value);

    /// <summary>Infers the schema from the chosen rows of a table (all rows when <paramref name="rows"/> is null).</summary>
    public static TabularSchema Learn(TabularTable table, string idColumn, string targetColumn, TabularOptions options, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        rows ??= Enumerable.Range(0, table.RowCount).ToArray();
        var id = table.ColumnIndex(idColumn);
        var target = table.ColumnIndex(targetColumn);
        var features = new List<TabularFeature>();
        var ignored = new List<IgnoredColumn> { new(table.Header[id], "id"), new(table.Header[target], "target") };
        for (var c = 0; c < table.Header.Count; c++)
        {
            if (c == id || c == target)
            {
                continue;
            }

            var (feature, reason) = LearnColumn(table, c, rows, options);
            if (feature is not null)
            {
                features.Add(feature);
            }
            else
            {
                ignored.Add(new IgnoredColumn(table.Header[c], reason!));
            }
        }

        return new TabularSchema(table.Header[id], table.Header[target], features, ignored);
    }

    private static (TabularFeature? Feature, string? Reason) LearnColumn(TabularTable table, int column, IReadOnlyList<int> rows, TabularOptions options)
    {
        var name = table.Header[column];
        var numbers = new List<double>(rows.Count);
        var texts = new Dictionary<string, int>(StringComparer.Ordinal);
        var blanks = 0;
        var numeric = true;
        foreach (var r in rows)
        {
            var text = table.Cell(r, column);
            if (text is null)
            {
                blanks++;
                continue;
            }

            texts[text] = texts.GetValueOrDefault(text) + 1;
            if (numeric && TryParseNumber(text, out var number))
            {
                numbers.Add(number);
            }
            else
            {
                numeric = false;
            }
        }

        if (texts.Count == 0)
        {
            return (null, "empty");
        }

        if (numeric)
        {
            var distinct = numbers.Distinct().Count();
            if (distinct == 1 && blanks == 0)
            {
                return (null, "constant");
            }

            var bands = options.LinearBands > 0 && distinct >= options.LinearBands ? QuantileEdges(numbers, options.LinearBands) : null;
            return (new TabularFeature(name, TabularColumnKind.Numeric, null, bands), null);
        }

        if (texts.Count == rows.Count - blanks && texts.Count > 1)
        {
            return (null, "id-like");
        }

        var kept = texts.Where(p => p.Value >= options.MinCategoryRows).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var pooled = texts.Where(p => p.Value < options.MinCategoryRows).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        if (pooled.Length > 0)
        {
            kept.Add(Other);
        }

        if (kept.Count == 1 && blanks == 0)
        {
            return (null, "constant");
        }

        return (new TabularFeature(name, TabularColumnKind.Categorical, kept, null, pooled), null);
    }

    private static double[]? QuantileEdges(List<double> values, int bands)
    {
        var sorted = values.Order().ToArray();
        var edges = new SortedSet<double>();
        for (var b = 1; b < bands; b++)
        {
            edges.Add(sorted[(int)((long)b * sorted.Length / bands)]);
        }

        edges.Remove(sorted[0]);
        return edges.Count == 0 ? null : [.. edges];
    }
}
