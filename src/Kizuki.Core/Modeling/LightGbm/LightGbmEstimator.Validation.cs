using System.Globalization;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Input checks run before any native call, so a bad schema fails with a message that names the problem.</summary>
public sealed partial class LightGbmEstimator
{
    private static void ValidateTrainingData(DesignMatrix x, ReadOnlySpan<double> y, ReadOnlySpan<double> weights, bool probabilities)
    {
        if (x.Rows == 0 || x.ColumnCount == 0)
        {
            throw new ArgumentException(
                "学習データに行または列がありません。 / The training data have no rows or no columns.", nameof(x));
        }

        if (y.Length != x.Rows)
        {
            throw new ArgumentException(Message($"ラベルが {y.Length} 個ありますが行は {x.Rows} 行です。", $"{y.Length} labels for {x.Rows} rows."), nameof(y));
        }

        ValidateLabels(y, nameof(y), probabilities);
        if (!weights.IsEmpty)
        {
            if (weights.Length != x.Rows)
            {
                throw new ArgumentException(Message($"重みが {weights.Length} 個ありますが行は {x.Rows} 行です。", $"{weights.Length} weights for {x.Rows} rows."), nameof(weights));
            }

            for (var i = 0; i < weights.Length; i++)
            {
                if (!double.IsFinite(weights[i]) || weights[i] < 0)
                {
                    throw new ArgumentException(Message($"{i} 行目の重み {weights[i]} は 0 以上の有限の数ではありません。", $"Weight {weights[i]} of row {i} is not a finite number of 0 or more."), nameof(weights));
                }
            }
        }

        ValidateCategoryCodes(x, nameof(x));
    }

    /// <summary>The checks of <see cref="Fit(DesignMatrix, ReadOnlySpan{double}, ReadOnlySpan{double}, ValueTuple{DesignMatrix, double[]}?)"/> without weights, for a shared dataset.</summary>
    internal static void ValidateTrainingInput(DesignMatrix x, ReadOnlySpan<double> y, bool probabilities) =>
        ValidateTrainingData(x, y, default, probabilities);

    private static void ValidateValidationData(DesignMatrix x, DesignMatrix validation, double[] labels, bool probabilities)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(labels);
        if (!x.Columns.SequenceEqual(validation.Columns, ColumnComparer.Instance))
        {
            throw new ArgumentException(
                "検証データの列が学習データの列と一致しません。 / The validation columns differ from the training columns.", nameof(validation));
        }

        if (validation.Rows == 0 || labels.Length != validation.Rows)
        {
            throw new ArgumentException(Message($"検証データは {validation.Rows} 行、ラベルは {labels.Length} 個です。", $"The validation data have {validation.Rows} rows and {labels.Length} labels."), nameof(validation));
        }

        ValidateLabels(labels, nameof(validation), probabilities);
        ValidateCategoryCodes(validation, nameof(validation));
    }

    private static void ValidateLabels(ReadOnlySpan<double> y, string parameter, bool probabilities)
    {
        for (var i = 0; i < y.Length; i++)
        {
            if (probabilities)
            {
                if (!(y[i] is >= 0.0 and <= 1.0))
                {
                    throw new ArgumentException(Message($"{i} 行目のラベル {y[i]} は 0 以上 1 以下の確率ではありません。", $"Label {y[i]} of row {i} is not a probability from 0 to 1."), parameter);
                }
            }
            else if (y[i] is not (0.0 or 1.0))
            {
                throw new ArgumentException(Message($"{i} 行目のラベル {y[i]} は 0 でも 1 でもありません。", $"Label {y[i]} of row {i} is neither 0 nor 1."), parameter);
            }
        }
    }

    /// <summary>LightGBM reads a negative or fractional category as missing without a word; we refuse it instead.</summary>
    private static void ValidateCategoryCodes(DesignMatrix x, string parameter)
    {
        for (var c = 0; c < x.ColumnCount; c++)
        {
            if (!x.Columns[c].IsCategorical)
            {
                continue;
            }

            for (var r = 0; r < x.Rows; r++)
            {
                var code = x[r, c];
                if (!double.IsNaN(code) && (code < 0 || code > int.MaxValue || code != Math.Floor(code)))
                {
                    throw new ArgumentException(Message($"列 {x.Columns[c].Name} の {r} 行目のカテゴリ符号 {code} は 0 以上の整数ではありません。", $"Category code {code} in column {x.Columns[c].Name}, row {r}, is not a whole number of 0 or more."), parameter);
                }
            }
        }
    }

    private static string Message(FormattableString japanese, FormattableString english)
        => japanese.ToString(CultureInfo.InvariantCulture) + " / " + english.ToString(CultureInfo.InvariantCulture);

    /// <summary>Columns match by name and categories (records compare lists by reference, which is too strict here).</summary>
    private sealed class ColumnComparer : IEqualityComparer<ModelColumn>
    {
        public static readonly ColumnComparer Instance = new();

        public bool Equals(ModelColumn? a, ModelColumn? b)
            => a is not null && b is not null && a.Name == b.Name
                && (a.Categories is null ? b.Categories is null : b.Categories is not null && a.Categories.SequenceEqual(b.Categories));

        public int GetHashCode(ModelColumn column) => column.Name.GetHashCode(StringComparison.Ordinal);
    }
}
