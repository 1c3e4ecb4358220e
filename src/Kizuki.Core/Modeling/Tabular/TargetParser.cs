using System.Globalization;

namespace Kizuki.Modeling.Tabular;

/// <summary>Reads a churn target column: Yes/No, True/False, 1/0, はい/いいえ (case-insensitive).</summary>
internal static class TargetParser
{
    private static readonly string[] Positive = ["yes", "y", "true", "1", "はい", "1.0"];
    private static readonly string[] Negative = ["no", "n", "false", "0", "いいえ", "0.0"];

    /// <summary>Parses one value; false when it is none of the accepted forms.</summary>
    public static bool TryParse(string? text, out double label)
    {
        var value = text?.Trim() ?? string.Empty;
        if (Positive.Any(p => string.Equals(p, value, StringComparison.OrdinalIgnoreCase)))
        {
            label = 1;
            return true;
        }

        if (Negative.Any(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)))
        {
            label = 0;
            return true;
        }

        label = double.NaN;
        return false;
    }

    /// <summary>The 0/1 label of every row.</summary>
    /// <exception cref="InvalidDataException">A value is not an accepted form; the message names its line and column.</exception>
    public static double[] Labels(TabularTable table, string targetColumn)
    {
        ArgumentNullException.ThrowIfNull(table);
        var column = table.ColumnIndex(targetColumn);
        var labels = new double[table.RowCount];
        for (var r = 0; r < table.RowCount; r++)
        {
            var text = table.Cell(r, column);
            if (!TryParse(text, out labels[r]))
            {
                var line = table.Lines[r].ToString(CultureInfo.InvariantCulture);
                var name = table.Header[column];
                throw new InvalidDataException(
                    $"{line} 行目の列 '{name}' の値 '{text}' は目的変数として読めません（Yes/No, True/False, 1/0, はい/いいえ）。 / "
                    + $"line {line}, column '{name}': '{text}' is not a target value (Yes/No, True/False, 1/0, はい/いいえ).");
            }
        }

        return labels;
    }
}
