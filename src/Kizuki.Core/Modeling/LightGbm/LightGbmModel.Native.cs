using System.Collections.Concurrent;
using System.Globalization;

namespace Kizuki.Modeling.LightGbm;

/// <summary>LightGBM's own evaluation through its C API: the reference the managed evaluator is held to.</summary>
/// <remarks>
/// These stay public so that a benchmark or a user can check the managed results against LightGBM itself; the
/// model falls back to them for model files the managed evaluator does not reproduce exactly.
/// A LightGBM fast config caches the single-row setup but is not safe for two threads at once, so each call rents
/// one from a pool and returns it afterwards: as many configs exist as there were concurrent callers, and a call
/// never waits for another. The configs hold a reference on the booster, which is freed after the last of them.
/// LightGBM 4 keeps its thread count in one process-wide setting that each call's parameters overwrite (fast
/// configs ask for one thread, batch calls for all cores); concurrent mixes change speed only, never results.
/// </remarks>
public sealed partial class LightGbmModel
{
    private readonly ConcurrentBag<FastConfigHandle> fastConfigs = [];

    /// <summary>Raw scores computed by LightGBM's native library (<c>LGBM_BoosterPredictForMat</c>, all cores).</summary>
    /// <param name="x">The rows.</param>
    /// <param name="output">One score per row.</param>
    public unsafe void PredictRawNative(DesignMatrix x, Span<double> output)
    {
        RequireColumns(x);
        RequireOutput(x, output);
        if (x.Rows == 0)
        {
            return;
        }

        fixed (double* data = x.Values)
        fixed (double* result = output)
        {
            LightGbmNative.Check(
                LightGbmNative.BoosterPredictForMat(
                    booster, data, LightGbmNative.DataTypeFloat64, x.Rows, x.ColumnCount, 1, LightGbmNative.PredictRawScore, 0, -1, string.Empty, out _, result),
                "LGBM_BoosterPredictForMat");
        }
    }

    /// <summary>The raw score of one row, computed by LightGBM's native single-row API.</summary>
    /// <param name="row">The row's values, one per column.</param>
    public unsafe double PredictRawNative(ReadOnlySpan<double> row)
    {
        RequireRow(row);
        if (!fastConfigs.TryTake(out var config))
        {
            config = FastConfigHandle.Create(booster, LightGbmNative.PredictRawScore, Columns.Count);
        }

        try
        {
            double score;
            fixed (double* data = row)
            {
                LightGbmNative.Check(
                    LightGbmNative.BoosterPredictForMatSingleRowFast(config, data, out _, &score),
                    "LGBM_BoosterPredictForMatSingleRowFast");
            }

            return score;
        }
        finally
        {
            fastConfigs.Add(config);
        }
    }

    /// <summary>TreeSHAP contributions computed by LightGBM's native library (<c>C_API_PREDICT_CONTRIB</c>); same layout as <see cref="Contributions(DesignMatrix)"/>.</summary>
    /// <param name="x">The rows.</param>
    public unsafe double[] ContributionsNative(DesignMatrix x)
    {
        RequireColumns(x);
        var output = new double[x.Rows * (x.ColumnCount + 1)];
        if (x.Rows == 0)
        {
            return output;
        }

        fixed (double* data = x.Values)
        fixed (double* result = output)
        {
            LightGbmNative.Check(
                LightGbmNative.BoosterPredictForMat(
                    booster, data, LightGbmNative.DataTypeFloat64, x.Rows, x.ColumnCount, 1, LightGbmNative.PredictContributions, 0, -1, string.Empty, out _, result),
                "LGBM_BoosterPredictForMat");
        }

        return output;
    }

    private void RequireRow(ReadOnlySpan<double> row)
    {
        ObjectDisposedException.ThrowIf(booster.IsClosed, this);
        if (row.Length != Columns.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"モデルは {Columns.Count} 列ですが、行は {row.Length} 列です。 / The model expects {Columns.Count} columns but the row has {row.Length}."),
                nameof(row));
        }
    }

    private static void RequireOutput(DesignMatrix x, Span<double> output)
    {
        if (output.Length < x.Rows)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"出力が {output.Length} 個分しかありません（{x.Rows} 行）。 / The output holds {output.Length} values for {x.Rows} rows."),
                nameof(output));
        }
    }

    private void DisposeFastConfigs()
    {
        while (fastConfigs.TryTake(out var config))
        {
            config.Dispose();
        }
    }
}
