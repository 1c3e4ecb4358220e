using System.Runtime.InteropServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>The one boundary to LightGBM's C API (4.x, <c>include/LightGBM/c_api.h</c>); nothing else calls native code.</summary>
/// <remarks>
/// Every entry returns 0 on success and -1 on failure; callers pass the code through <see cref="Check"/>, which
/// throws with the text of <c>LGBM_GetLastError</c> (kept per thread by LightGBM, so it is read on the failing thread).
/// Handles travel as <see cref="SafeHandle"/> subclasses so a forgotten Dispose never leaks native memory.
/// </remarks>
internal static unsafe partial class LightGbmNative
{
    private const string Library = "lib_lightgbm";

    /// <summary><c>C_API_DTYPE_FLOAT32</c>.</summary>
    internal const int DataTypeFloat32 = 0;

    /// <summary><c>C_API_DTYPE_FLOAT64</c>.</summary>
    internal const int DataTypeFloat64 = 1;

    /// <summary><c>C_API_PREDICT_RAW_SCORE</c>: log-odds for the binary objective.</summary>
    internal const int PredictRawScore = 1;

    /// <summary><c>C_API_PREDICT_CONTRIB</c>: exact TreeSHAP contributions, base value last.</summary>
    internal const int PredictContributions = 3;

    /// <summary><c>C_API_FEATURE_IMPORTANCE_SPLIT</c>.</summary>
    internal const int FeatureImportanceSplit = 0;

    [LibraryImport(Library, EntryPoint = "LGBM_GetLastError")]
    private static partial nint GetLastError();

    [LibraryImport(Library, EntryPoint = "LGBM_DatasetCreateFromMat", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int DatasetCreateFromMat(
        double* data, int dataType, int rows, int columns, int isRowMajor, string parameters, nint reference, out DatasetHandle dataset);

    [LibraryImport(Library, EntryPoint = "LGBM_DatasetCreateFromMat", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int DatasetCreateFromMat(
        double* data, int dataType, int rows, int columns, int isRowMajor, string parameters, DatasetHandle reference, out DatasetHandle dataset);

    [LibraryImport(Library, EntryPoint = "LGBM_DatasetSetField", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int DatasetSetField(DatasetHandle dataset, string fieldName, void* fieldData, int count, int dataType);

    [LibraryImport(Library, EntryPoint = "LGBM_DatasetFree")]
    internal static partial int DatasetFree(nint dataset);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterCreate", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int BoosterCreate(DatasetHandle train, string parameters, out BoosterHandle booster);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterAddValidData")]
    internal static partial int BoosterAddValidData(BoosterHandle booster, DatasetHandle validation);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterUpdateOneIter")]
    internal static partial int BoosterUpdateOneIter(BoosterHandle booster, out int isFinished);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterGetEvalCounts")]
    internal static partial int BoosterGetEvalCounts(BoosterHandle booster, out int count);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterGetEval")]
    internal static partial int BoosterGetEval(BoosterHandle booster, int dataIndex, out int length, double* results);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterGetCurrentIteration")]
    internal static partial int BoosterGetCurrentIteration(BoosterHandle booster, out int iteration);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterGetNumFeature")]
    internal static partial int BoosterGetNumFeature(BoosterHandle booster, out int count);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterPredictForMat", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int BoosterPredictForMat(
        BoosterHandle booster, double* data, int dataType, int rows, int columns, int isRowMajor, int predictType,
        int startIteration, int iterationCount, string parameters, out long length, double* result);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterPredictForMatSingleRowFastInit", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int BoosterPredictForMatSingleRowFastInit(
        BoosterHandle booster, int predictType, int startIteration, int iterationCount, int dataType, int columns,
        string parameters, out nint fastConfig);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterPredictForMatSingleRowFast")]
    internal static partial int BoosterPredictForMatSingleRowFast(FastConfigHandle fastConfig, double* row, out long length, double* result);

    [LibraryImport(Library, EntryPoint = "LGBM_FastConfigFree")]
    internal static partial int FastConfigFree(nint fastConfig);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterSaveModelToString")]
    internal static partial int BoosterSaveModelToString(
        BoosterHandle booster, int startIteration, int iterationCount, int importanceType, long bufferLength, out long length, byte* text);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterLoadModelFromString", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int BoosterLoadModelFromString(string text, out int iterations, out BoosterHandle booster);

    [LibraryImport(Library, EntryPoint = "LGBM_BoosterFree")]
    internal static partial int BoosterFree(nint booster);

    /// <summary>Throws with LightGBM's own message when <paramref name="code"/> is not 0.</summary>
    /// <param name="code">The return code of a C API call.</param>
    /// <param name="function">The C function's name, for the message.</param>
    internal static void Check(int code, string function)
    {
        if (code != 0)
        {
            var message = Marshal.PtrToStringUTF8(GetLastError()) ?? "(no message)";
            throw new InvalidOperationException(
                $"LightGBM の {function} が失敗しました: {message} / LightGBM {function} failed: {message}");
        }
    }
}
