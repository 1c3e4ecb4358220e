namespace Kizuki.Modeling.LightGbm;

/// <summary>
/// Rows binned once by LightGBM, with their labels, from which several fits take row subsets: the hyperparameter
/// search, the backtest folds and the final refit all share one binning instead of binning the same rows again.
/// </summary>
/// <remarks>
/// Bin boundaries come from the feature values only (never the labels), so binning every row, including the rows a
/// fit later holds out, leaks nothing about the outcome. The binning options (<see cref="LightGbmOptions.MaxBin"/>,
/// <see cref="LightGbmOptions.MinDataInLeaf"/>) of the options given here apply to every fit on the dataset.
/// </remarks>
internal sealed class LightGbmDataset : IDisposable
{
    private readonly DatasetHandle _full;

    private LightGbmDataset(DatasetHandle full, IReadOnlyList<ModelColumn> columns, string parameters, int rows)
    {
        _full = full;
        Columns = columns;
        Parameters = parameters;
        Rows = rows;
    }

    /// <summary>The columns, as in the design matrix the rows came from.</summary>
    public IReadOnlyList<ModelColumn> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>The dataset parameters every subset and booster is created with.</summary>
    internal string Parameters { get; }

    /// <summary>Bins every row of <paramref name="x"/> and attaches the labels.</summary>
    /// <exception cref="ArgumentException">The labels do not match the rows, are not 0/1 (or probabilities, with <see cref="LightGbmOptions.ProbabilityLabels"/>), or a category code is not a whole number ≥ 0.</exception>
    public static LightGbmDataset Create(DesignMatrix x, ReadOnlySpan<double> labels, LightGbmOptions options)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        LightGbmEstimator.ValidateTrainingInput(x, labels, options.ProbabilityLabels);
        var parameters = LightGbmParameters.ForTraining(options, x.Columns);
        var full = LightGbmEstimator.CreateDataset(x, parameters, reference: null);
        try
        {
            LightGbmEstimator.SetFloatField(full, "label", labels);
            return new LightGbmDataset(full, x.Columns, parameters, x.Rows);
        }
        catch
        {
            full.Dispose();
            throw;
        }
    }

    /// <summary>A dataset of some rows (positions in ascending order), sharing this dataset's bins and labels.</summary>
    internal unsafe DatasetHandle Subset(ReadOnlySpan<int> rows)
    {
        if (rows.IsEmpty)
        {
            throw new ArgumentException("部分集合に行がありません。 / A subset needs at least one row.", nameof(rows));
        }

        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] < 0 || rows[i] >= Rows || (i > 0 && rows[i] <= rows[i - 1]))
            {
                throw new ArgumentException(
                    $"部分集合の行番号は 0 以上 {Rows} 未満の昇順にしてください（{i} 番目: {rows[i]}） / Subset rows must ascend within 0..{Rows - 1} (position {i}: {rows[i]}).",
                    nameof(rows));
            }
        }

        fixed (int* pointer = rows)
        {
            LightGbmNative.Check(LightGbmNative.DatasetGetSubset(_full, pointer, rows.Length, Parameters, out var subset), "LGBM_DatasetGetSubset");
            return subset;
        }
    }

    /// <summary>Frees the native dataset.</summary>
    public void Dispose() => _full.Dispose();
}
