using System.Collections.Concurrent;
using System.Globalization;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Single-row scoring through LightGBM's fast single-row API.</summary>
/// <remarks>
/// A LightGBM fast config caches the prediction setup but is not safe for two threads at once, so each call rents
/// one from a pool and returns it afterwards: as many configs exist as there were concurrent callers, and a call
/// never waits for another. The configs hold a reference on the booster, which is freed after the last of them.
/// LightGBM 4 keeps its thread count in one process-wide setting that each call's parameters overwrite (fast
/// configs ask for one thread, batch calls for all cores); concurrent mixes change speed only, never results.
/// </remarks>
public sealed partial class LightGbmModel
{
    private readonly ConcurrentBag<FastConfigHandle> fastConfigs = [];

    /// <inheritdoc />
    public unsafe double PredictRaw(ReadOnlySpan<double> row)
    {
        ObjectDisposedException.ThrowIf(booster.IsClosed, this);
        if (row.Length != Columns.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"モデルは {Columns.Count} 列ですが、行は {row.Length} 列です。 / The model expects {Columns.Count} columns but the row has {row.Length}."),
                nameof(row));
        }

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

    private void DisposeFastConfigs()
    {
        while (fastConfigs.TryTake(out var config))
        {
            config.Dispose();
        }
    }
}
