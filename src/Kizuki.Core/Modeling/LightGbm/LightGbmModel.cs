using System.Globalization;

namespace Kizuki.Modeling.LightGbm;

/// <summary>A fitted LightGBM booster: immutable learned trees, evaluated in managed code and kept behind a native handle.</summary>
/// <remarks>
/// Every method is safe to call from several threads at once. Scores and TreeSHAP contributions come from a
/// managed copy of the trees (<see cref="TreeEnsemble"/>) parsed from the model text, which gives the same numbers
/// as LightGBM's C API (scores bit for bit, contributions to rounding) many times faster and without native calls
/// per row; batches are spread over all cores. The native booster validates the text on load, stays the reference
/// (<see cref="PredictRawNative(DesignMatrix, Span{double})"/>, <see cref="ContributionsNative"/>) and is the
/// fallback for model files outside what the managed evaluator reproduces (several trees per round, linear trees).
/// Dispose frees the native booster; a model that is never disposed is freed by its finalizer.
/// </remarks>
public sealed partial class LightGbmModel : IChurnModel, IDisposable
{
    private readonly BoosterHandle booster;
    private readonly string text;
    private readonly TreeEnsemble? trees;
    private TreeEnsemble? fewRowTrees;

    private LightGbmModel(BoosterHandle booster, string text, IReadOnlyList<ModelColumn> columns, int iterations)
    {
        this.booster = booster;
        this.text = text;
        Columns = columns;
        Iterations = iterations;
        trees = TreeEnsemble.TryParse(text, columns.Count);
    }

    /// <inheritdoc />
    public string Kind => LightGbmEstimator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<ModelColumn> Columns { get; }

    /// <summary>Number of boosting rounds (trees) in the model, after early stopping.</summary>
    public int Iterations { get; }

    /// <summary>Whether scores and contributions are computed in managed code (true for every model LightGBM's binary objective makes).</summary>
    internal bool IsManaged => trees is { SupportsShap: true };

    /// <summary>Restores a model from LightGBM's model text (as returned by <see cref="Serialize"/>).</summary>
    /// <param name="text">The model text.</param>
    /// <param name="columns">The columns the model was trained on, in order.</param>
    /// <exception cref="ArgumentException">The text is not a LightGBM model for that many columns.</exception>
    public static LightGbmModel Load(string text, IReadOnlyList<ModelColumn> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(columns);
        BoosterHandle booster;
        int iterations;
        try
        {
            LightGbmNative.Check(LightGbmNative.BoosterLoadModelFromString(text, out iterations, out booster), "LGBM_BoosterLoadModelFromString");
        }
        catch (InvalidOperationException error)
        {
            throw new ArgumentException(
                "LightGBM のモデルとして読み込めません。 / The text is not a LightGBM model: " + error.Message, nameof(text), error);
        }

        LightGbmNative.Check(LightGbmNative.BoosterGetNumFeature(booster, out var features), "LGBM_BoosterGetNumFeature");
        if (features != columns.Count)
        {
            booster.Dispose();
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"モデルは {features} 列ですが {columns.Count} 列が渡されました。 / The model has {features} columns but {columns.Count} were given."),
                nameof(columns));
        }

        return new LightGbmModel(booster, text, columns, iterations);
    }

    /// <inheritdoc />
    /// <remarks>LightGBM's model text; <see cref="Load"/> with the same columns restores identical predictions.</remarks>
    public string Serialize() => text;

    /// <inheritdoc />
    public void PredictRaw(DesignMatrix x, Span<double> output)
    {
        RequireColumns(x);
        RequireOutput(x, output);
        if (trees is null)
        {
            PredictRawNative(x, output);
            return;
        }

        trees.PredictRaw(x.Values, output[..x.Rows]);
    }

    /// <summary>
    /// Raw scores of the first <c>output.Length</c> rows laid end to end in <paramref name="values"/> (one value per column
    /// each; a reused buffer may hold more): the batch path without a matrix per call, e.g. for the customers of one live step.
    /// Equal to the bit to <see cref="PredictRaw(ReadOnlySpan{double})"/> of each row.
    /// </summary>
    public void PredictRawRows(double[] values, Span<double> output)
    {
        ArgumentNullException.ThrowIfNull(values);
        if ((long)output.Length * Columns.Count > values.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{output.Length} 行には {output.Length * Columns.Count} 個の値が必要ですが {values.Length} 個です。 / {output.Length} rows need {output.Length * Columns.Count} values but {values.Length} are given."),
                nameof(values));
        }

        if (trees is not null)
        {
            trees.PredictRaw(values, output);
            return;
        }

        for (var r = 0; r < output.Length; r++)
        {
            output[r] = PredictRawNative(values.AsSpan(r * Columns.Count, Columns.Count));
        }
    }

    /// <summary>Raw scores (log-odds of churn) for every row of <paramref name="x"/>.</summary>
    public double[] PredictRaw(DesignMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var output = new double[x.Rows];
        PredictRaw(x, output);
        return output;
    }

    /// <summary>Exact TreeSHAP contributions of every column to every row's raw score.</summary>
    /// <returns>
    /// Row-major, <c>rows × (columns + 1)</c>: row r, column c is at <c>r * (ColumnCount + 1) + c</c>, and the last
    /// value of each row is the base value (the expected raw score). A row's values sum to its raw score.
    /// </returns>
    public double[] Contributions(DesignMatrix x) => Contributions(x, fewRows: false);

    /// <summary>
    /// Like <see cref="Contributions(DesignMatrix)"/>, for a few rows wanted at once (live scoring): by the linear TreeSHAP on
    /// the calling thread, with no tables to bring into cache. The values can differ from <see cref="Contributions(DesignMatrix)"/>'s
    /// in the last bits (another order of arithmetic); a row's result does not depend on the other rows.
    /// </summary>
    public double[] ContributionsFewRows(DesignMatrix x) => Contributions(x, fewRows: true);

    /// <summary>Frees the native booster and the single-row configs made from it.</summary>
    public void Dispose()
    {
        DisposeFastConfigs();
        booster.Dispose();
    }

    private double[] Contributions(DesignMatrix x, bool fewRows)
    {
        RequireColumns(x);
        if (trees is not { SupportsShap: true })
        {
            return ContributionsNative(x);
        }

        var output = new double[x.Rows * (x.ColumnCount + 1)];
        if (fewRows)
        {
            FewRowTrees().Contributions(x.Values, output);
        }
        else
        {
            trees.Contributions(x.Values, output);
        }

        return output;
    }

    /// <summary>
    /// The trees again, for TreeSHAP of a few rows at a time: without tables, by the linear TreeSHAP. A table pays off when a
    /// block of rows reads it while it is in cache; one row at a time, the linear TreeSHAP is fastest (churn-shaped model, 300
    /// trees of 31 leaves, µs per row warm / cold: linear 325–392 / 472–523, per-leaf polynomial 922–945 / 987–1,266, tables
    /// up to depth 12 1,689–1,900 / 1,740–2,109; `Kizuki.Bench trees`).
    /// </summary>
    private TreeEnsemble FewRowTrees()
    {
        if (fewRowTrees is { } built)
        {
            return built;
        }

        var parsed = TreeEnsemble.TryParse(text, Columns.Count, new TreeEnsemble.ShapOptions(MaxTableDepth: 0, Linear: true));
        var usable = parsed is { SupportsShap: true } ? parsed : trees!;
        return Interlocked.CompareExchange(ref fewRowTrees, usable, null) ?? usable;
    }

    private void RequireColumns(DesignMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        ObjectDisposedException.ThrowIf(booster.IsClosed, this);
        if (x.ColumnCount != Columns.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"モデルは {Columns.Count} 列ですが、データは {x.ColumnCount} 列です。 / The model expects {Columns.Count} columns but the data have {x.ColumnCount}."),
                nameof(x));
        }
    }
}
