using Microsoft.Win32.SafeHandles;

namespace Kizuki.Modeling.LightGbm;

/// <summary>A LightGBM <c>DatasetHandle</c>, freed with <c>LGBM_DatasetFree</c>.</summary>
internal sealed class DatasetHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller.</summary>
    public DatasetHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => LightGbmNative.DatasetFree(handle) == 0;
}

/// <summary>A LightGBM <c>BoosterHandle</c>, freed with <c>LGBM_BoosterFree</c>.</summary>
internal sealed class BoosterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller.</summary>
    public BoosterHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => LightGbmNative.BoosterFree(handle) == 0;
}

/// <summary>A LightGBM <c>FastConfigHandle</c> for single-row prediction, freed with <c>LGBM_FastConfigFree</c>.</summary>
/// <remarks>
/// A fast config points into its booster, so it holds a reference on the booster's handle: the booster is freed
/// only after every fast config made from it, whatever order Dispose or the finalizer runs in.
/// </remarks>
internal sealed class FastConfigHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private readonly BoosterHandle booster;

    private FastConfigHandle(BoosterHandle booster, nint config)
        : base(ownsHandle: true)
    {
        this.booster = booster;
        SetHandle(config);
    }

    /// <summary>Initialises a fast single-row config that predicts <paramref name="predictType"/> for rows of <paramref name="columns"/> doubles.</summary>
    internal static FastConfigHandle Create(BoosterHandle booster, int predictType, int columns)
    {
        var added = false;
        booster.DangerousAddRef(ref added);
        try
        {
            // One thread per call: a single row is far too small to share between threads.
            LightGbmNative.Check(
                LightGbmNative.BoosterPredictForMatSingleRowFastInit(
                    booster, predictType, 0, -1, LightGbmNative.DataTypeFloat64, columns, "num_threads=1", out var config),
                "LGBM_BoosterPredictForMatSingleRowFastInit");
            return new FastConfigHandle(booster, config);
        }
        catch
        {
            booster.DangerousRelease();
            throw;
        }
    }

    protected override bool ReleaseHandle()
    {
        var freed = LightGbmNative.FastConfigFree(handle) == 0;
        booster.DangerousRelease();
        return freed;
    }
}
