namespace Kizuki.Modeling;

/// <summary>The numbers a model sees: rows of doubles, row-major, NaN where a value is missing.</summary>
/// <remarks>
/// A categorical column holds small integer codes (0, 1, 2, …) as doubles, NaN when unknown; its
/// <see cref="ModelColumn.Categories"/> name the codes. Every estimator reads this one shape, so the feature
/// encoding is done once (by the feature encoder) and saved with the model.
/// </remarks>
public sealed class DesignMatrix
{
    /// <summary>A matrix over existing row-major values.</summary>
    public DesignMatrix(IReadOnlyList<ModelColumn> columns, double[] values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (columns.Count == 0 ? values.Length != 0 : values.Length % columns.Count != 0)
        {
            throw new ArgumentException($"{values.Length} values do not fill rows of {columns.Count} columns", nameof(values));
        }

        Columns = columns;
        Values = values;
        Rows = columns.Count == 0 ? 0 : values.Length / columns.Count;
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<ModelColumn> Columns { get; }

    /// <summary>Row-major values: row r, column c is at <c>r * ColumnCount + c</c>.</summary>
    public double[] Values { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int ColumnCount => Columns.Count;

    /// <summary>One row.</summary>
    public ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * ColumnCount, ColumnCount);

    /// <summary>The value at a row and column.</summary>
    public double this[int row, int column] => Values[(row * ColumnCount) + column];

    /// <summary>A new matrix of the chosen rows, in the order given.</summary>
    public DesignMatrix SelectRows(ReadOnlySpan<int> rows)
    {
        var values = new double[rows.Length * ColumnCount];
        for (var i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(values.AsSpan(i * ColumnCount, ColumnCount));
        }

        return new DesignMatrix(Columns, values);
    }
}

/// <summary>One column of a <see cref="DesignMatrix"/>.</summary>
/// <param name="Name">The feature name.</param>
/// <param name="Categories">For a categorical column, the category of each code (index = code); null for a numeric column.</param>
public sealed record ModelColumn(string Name, IReadOnlyList<string>? Categories = null)
{
    /// <summary>Whether the column holds category codes.</summary>
    public bool IsCategorical => Categories is not null;
}
