using System.Globalization;
using SQLitePCL;

namespace Kizuki.Features.Batch;

/// <summary>A read-only SQLite connection for one reading thread, opened without SQLite's per-call locking.</summary>
/// <remarks>
/// Microsoft.Data.Sqlite opens connections in serialized mode, where every column read takes the connection's mutex;
/// the batch reader uses a connection from one thread only, so it opens with <c>SQLITE_OPEN_NOMUTEX</c> and saves
/// about a third of the cost of reading a row.
/// </remarks>
internal sealed class RawConnection : IDisposable
{
    private RawConnection(sqlite3 handle) => Handle = handle;

    /// <summary>The database handle.</summary>
    public sqlite3 Handle { get; }

    /// <summary>Opens <paramref name="path"/> read-only, mapping up to <paramref name="memoryMapBytes"/> of it.</summary>
    public static RawConnection OpenReadOnly(string path, long memoryMapBytes)
    {
        Batteries_V2.Init();
        var rc = raw.sqlite3_open_v2(path, out var handle, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX, null);
        var connection = new RawConnection(handle);
        try
        {
            if (rc != raw.SQLITE_OK)
            {
                throw new InvalidOperationException($"SQLite error {rc} opening {path}: {raw.sqlite3_errmsg(handle).utf8_to_string()}");
            }

            raw.sqlite3_busy_timeout(handle, 30_000);
            rc = raw.sqlite3_exec(handle, string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA mmap_size = {memoryMapBytes}; PRAGMA cache_size = -16384;"));
            if (rc != raw.SQLITE_OK)
            {
                throw new InvalidOperationException($"SQLite error {rc} on {path}: {raw.sqlite3_errmsg(handle).utf8_to_string()}");
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Handle.Dispose();
}
