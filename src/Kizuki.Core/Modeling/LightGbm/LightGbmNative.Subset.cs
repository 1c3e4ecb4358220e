using System.Runtime.InteropServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Row subsets of a binned dataset, so several fits share one binning (<c>LGBM_DatasetGetSubset</c>).</summary>
internal static unsafe partial class LightGbmNative
{
    [LibraryImport(Library, EntryPoint = "LGBM_DatasetGetSubset", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int DatasetGetSubset(DatasetHandle full, int* rows, int rowCount, string parameters, out DatasetHandle subset);
}
