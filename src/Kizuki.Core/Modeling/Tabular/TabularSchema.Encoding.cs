namespace Kizuki.Modeling.Tabular;

/// <summary>Encoding rows of a table into the trees' and the logistic model's design matrices.</summary>
internal sealed partial record TabularSchema
{
    /// <summary>The suffix of a numeric column's band copy in the logistic model's inputs.</summary>
    public const string BandSuffix = " (band)";

    /// <summary>The trees' columns: one per feature.</summary>
    public IReadOnlyList<ModelColumn> TreeColumns()
        => [.. Features.Select(f => new ModelColumn(f.Name, f.Categories))];

    /// <summary>The logistic model's columns: one per feature, then a band copy of each banded numeric feature.</summary>
    public IReadOnlyList<ModelColumn> LinearColumns()
    {
        var columns = TreeColumns().ToList();
        foreach (var f in Features.Where(f => f.Bands is not null))
        {
            columns.Add(new ModelColumn(f.Name + BandSuffix, BandNames(f.Bands!)));
        }

        return columns;
    }

    /// <summary>
    /// Encodes the chosen rows (all when null): blank → NaN; a number that does not parse, or a category unseen in training
    /// → NaN; a category pooled in training → the "other" code.
    /// </summary>
    /// <exception cref="InvalidDataException">A feature column is missing from the table.</exception>
    public (DesignMatrix Trees, DesignMatrix Linear) Encode(TabularTable table, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        rows ??= Enumerable.Range(0, table.RowCount).ToArray();
        var positions = Features.Select(f => table.ColumnIndex(f.Name)).ToArray();
        var codes = Features.Select(CodeMap).ToArray();
        var banded = Features.Select((f, i) => (f, i)).Where(p => p.f.Bands is not null).Select(p => p.i).ToArray();
        var treeWidth = Features.Count;
        var linearWidth = treeWidth + banded.Length;
        var trees = new double[rows.Count * treeWidth];
        var linear = new double[rows.Count * linearWidth];
        for (var k = 0; k < rows.Count; k++)
        {
            for (var c = 0; c < treeWidth; c++)
            {
                var value = EncodeCell(table.Cell(rows[k], positions[c]), codes[c]);
                trees[(k * treeWidth) + c] = value;
                linear[(k * linearWidth) + c] = value;
            }

            for (var b = 0; b < banded.Length; b++)
            {
                var value = trees[(k * treeWidth) + banded[b]];
                linear[(k * linearWidth) + treeWidth + b] = double.IsNaN(value) ? double.NaN : Band(Features[banded[b]].Bands!, value);
            }
        }

        return (new DesignMatrix(TreeColumns(), trees), new DesignMatrix(LinearColumns(), linear));
    }

    private static double EncodeCell(string? text, Dictionary<string, double>? codes)
    {
        if (text is null)
        {
            return double.NaN;
        }

        if (codes is null)
        {
            return TryParseNumber(text, out var number) ? number : double.NaN;
        }

        return codes.TryGetValue(text, out var code) ? code : double.NaN;
    }

    /// <summary>Category → code, with every pooled category → the "other" code; null for a numeric feature.</summary>
    private static Dictionary<string, double>? CodeMap(TabularFeature feature)
    {
        if (feature.Categories is null)
        {
            return null;
        }

        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < feature.Categories.Count; i++)
        {
            map[feature.Categories[i]] = i;
        }

        var other = map.GetValueOrDefault(Other, double.NaN);
        foreach (var name in feature.Pooled ?? [])
        {
            map[name] = other;
        }

        return map;
    }

    private static double Band(IReadOnlyList<double> edges, double value)
    {
        var band = 0;
        while (band < edges.Count && value >= edges[band])
        {
            band++;
        }

        return band;
    }

    private static string[] BandNames(IReadOnlyList<double> edges)
        => [.. Enumerable.Range(0, edges.Count + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
