using System.Runtime.InteropServices;

namespace Kizuki.Features.Batch;

/// <summary>
/// The few SQLite calls of the batch reader's inner loop, bound directly to the e_sqlite3 library that
/// Microsoft.Data.Sqlite already loaded. SQLitePCLRaw's wrappers pass a SafeHandle per call (reference counting on
/// every column read), which costs more than reading the column; these take the raw statement pointer.
/// </summary>
/// <remarks>
/// Column reads are short and never block, so they skip the GC transition; <see cref="Step"/> may do I/O and keeps it.
/// The pointer stays valid because <see cref="RawStatement"/> holds the statement's handle until it is disposed.
/// </remarks>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern long ColumnInt64(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_double")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern double ColumnDouble(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_type")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int ColumnType(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_blob")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern IntPtr ColumnBlob(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int ColumnBytes(IntPtr statement, int column);
}
