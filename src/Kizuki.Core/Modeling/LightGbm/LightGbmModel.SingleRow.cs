using System.Globalization;

namespace Kizuki.Modeling.LightGbm;

/// <summary>One row at a time: scoring per event and one customer's explanation.</summary>
public sealed partial class LightGbmModel
{
    /// <inheritdoc />
    /// <remarks>Managed evaluation (a few microseconds for 300 trees, no native call), equal to LightGBM's own result.</remarks>
    public double PredictRaw(ReadOnlySpan<double> row)
    {
        RequireRow(row);
        return trees is null ? PredictRawNative(row) : trees.PredictRaw(row);
    }

    /// <summary>Exact TreeSHAP contributions of one row.</summary>
    /// <param name="row">The row's values, one per column.</param>
    /// <param name="output">
    /// Receives <c>ColumnCount + 1</c> values: the contribution of each column to the raw score, then the base value
    /// (the expected raw score). They sum to <see cref="PredictRaw(ReadOnlySpan{double})"/>.
    /// </param>
    public void Contributions(ReadOnlySpan<double> row, Span<double> output)
    {
        RequireRow(row);
        if (output.Length < row.Length + 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"出力は {row.Length + 1} 個必要ですが {output.Length} 個です。 / The output needs {row.Length + 1} values but holds {output.Length}."),
                nameof(output));
        }

        if (trees is { SupportsShap: true })
        {
            trees.Contributions(row, output);
            return;
        }

        var single = new DesignMatrix(Columns, row.ToArray());
        ContributionsNative(single).CopyTo(output);
    }
}
