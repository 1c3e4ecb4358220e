using System.Runtime.InteropServices;

namespace Kizuki.Features.Batch;

/// <summary>
/// The few SQLite calls of the batch reader's inner loop, bound directly to the e_sqlite3 library that
/// Microsoft.Data.Sqlite already loaded. SQLitePCLRaw's wrappers pass a SafeHandle per call (reference counting on
/// every column read), which costs more than reading the column; these take the raw statement and value pointers.
/// </summary>
/// <remarks>
/// Value reads are short and never block, so they skip the GC transition; <see cref="Step"/> may do I/O and keeps it.
/// The pointers stay valid because <see cref="RawStatement"/> holds the statement's handle until it is disposed.
/// </remarks>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_count")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int ColumnCount(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_value")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern IntPtr ColumnValue(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_value_int64")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern long ValueInt64(IntPtr value);

    [DllImport(Library, EntryPoint = "sqlite3_value_double")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern double ValueDouble(IntPtr value);

    [DllImport(Library, EntryPoint = "sqlite3_value_type")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int ValueType(IntPtr value);

    [DllImport(Library, EntryPoint = "sqlite3_value_blob")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern IntPtr ValueBlob(IntPtr value);

    [DllImport(Library, EntryPoint = "sqlite3_value_bytes")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int ValueBytes(IntPtr value);
}
