using System.Runtime.InteropServices;
using Kizuki.Storage;
using SQLitePCL;

namespace Kizuki.Features.Batch;

internal sealed unsafe partial class ActivitySnapshot
{
    /// <summary>Records written to the file per buffer.</summary>
    private const int WriteBatch = 16_384;

    /// <summary>
    /// The snapshot of <paramref name="databasePath"/> at the store's current generation, built (and saved beside the
    /// file) when missing or stale; null when the store has no data generation or the snapshot cannot be written, in
    /// which case the caller reads the store directly.
    /// </summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="memoryMapBytes">How much of the SQLite file to map while building.</param>
    public static ActivitySnapshot? OpenOrBuild(string databasePath, long memoryMapBytes)
    {
        if (SqliteFiles.GenerationStamp(databasePath) is not { } stamp)
        {
            return null;
        }

        var path = PathFor(databasePath);
        if (TryOpen(path, stamp) is { } fresh)
        {
            return fresh;
        }

        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            // A build killed half-way leaves its temporary file behind; the next build clears them (a build running
            // at the same moment in another process then fails to move its file and reads the store directly).
            foreach (var leftover in Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path) + ".*.tmp"))
            {
                TryDelete(leftover);
            }

            if (Build(databasePath, temp, memoryMapBytes) is not { } built)
            {
                File.Delete(temp);
                return null;
            }

            File.Move(temp, path, overwrite: true);
            return TryOpen(path, built);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return null;
        }
    }

    /// <summary>Writes the snapshot of the store's activities to <paramref name="target"/>; returns its stamp, or null without a generation.</summary>
    /// <remarks>The stamp and the activities are read in one read transaction, so the file is the store at that stamp.</remarks>
    internal static byte[]? Build(string databasePath, string target, long memoryMapBytes)
    {
        using var connection = RawConnection.OpenReadOnly(databasePath, memoryMapBytes);
        Execute(connection, "BEGIN");
        try
        {
            byte[] stamp;
            using (var read = new RawStatement(connection.Handle, SqliteDataGeneration.StampSql))
            {
                if (!read.Step() || read.Bytes(0).Length != 16)
                {
                    return null;
                }

                stamp = read.Bytes(0).ToArray();
            }

            using var rows = new RawStatement(connection.Handle,
                "SELECT customer_id, occurred_at, type, name, quantity FROM activities ORDER BY customer_id, occurred_at, id");
            using var file = new FileStream(target, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            file.Write(new byte[HeaderBytes]);
            var (customers, pairs, records, newestActivity) = WriteRecords(rows, file);
            var newest = Math.Max(newestActivity, NewestOfTheRest(connection));
            var indexAt = file.Position;
            WriteIndex(file, customers, pairs);
            var header = new byte[HeaderBytes];
            Magic.CopyTo(header, 0);
            BitConverter.TryWriteBytes(header.AsSpan(8), FormatVersion);
            BitConverter.TryWriteBytes(header.AsSpan(12), sizeof(ActivityRecord));
            stamp.CopyTo(header, 16);
            BitConverter.TryWriteBytes(header.AsSpan(32), records);
            BitConverter.TryWriteBytes(header.AsSpan(40), indexAt);
            BitConverter.TryWriteBytes(header.AsSpan(48), file.Position - indexAt);
            BitConverter.TryWriteBytes(header.AsSpan(56), newest);
            file.Position = 0;
            file.Write(header);
            file.Flush(flushToDisk: true);
            return stamp;
        }
        finally
        {
            Execute(connection, "COMMIT");
        }
    }

    /// <summary>The newest signup and event time outside the activities (long.MinValue for none), in the build's transaction.</summary>
    private static long NewestOfTheRest(RawConnection connection)
    {
        var newest = long.MinValue;
        var queries = SqliteFiles.EventTimes.Where(e => e.Table != "activities").Select(e => SqliteFiles.NewestQuery(e.Table, e.Time))
            .Prepend("SELECT max(signup_at) FROM customers");
        foreach (var sql in queries)
        {
            using var query = new RawStatement(connection.Handle, sql);
            if (query.Step() && !query.IsNull(0))
            {
                newest = Math.Max(newest, query.Int64(0));
            }
        }

        return newest;
    }

    private static (List<(byte[] Id, long Start)> Customers, List<(byte[] Type, byte[]? Name)> Pairs, long Records, long Newest) WriteRecords(
        RawStatement rows, FileStream file)
    {
        var customers = new List<(byte[] Id, long Start)>();
        var pairs = new PairTable();
        var buffer = new ActivityRecord[WriteBatch];
        var filled = 0;
        long count = 0;
        var newest = long.MinValue;
        byte[] last = [];
        for (rows.Step(); rows.HasRow; rows.Step())
        {
            var id = rows.Bytes(0);
            if (customers.Count == 0 || !id.SequenceEqual(last))
            {
                last = id.ToArray();
                customers.Add((last, count));
            }

            var pair = pairs.NumberOf(rows.Bytes(2), rows.Bytes(3), !rows.IsNull(3));
            var time = rows.Int64(1);
            newest = Math.Max(newest, time);
            buffer[filled++] = new ActivityRecord(time, rows.IsNull(4) ? double.NaN : rows.Double(4), pair);
            count++;
            if (filled == buffer.Length)
            {
                file.Write(MemoryMarshal.AsBytes(buffer.AsSpan()));
                filled = 0;
            }
        }

        file.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, filled)));
        return (customers, pairs.All, count, newest);
    }

    private static void Execute(RawConnection connection, string sql)
    {
        var rc = raw.sqlite3_exec(connection.Handle, sql);
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite error {rc} ({sql}): {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary file that cannot be removed is harmless: it is never read.
        }
    }

    /// <summary>Numbers the distinct (type, name) pairs in order of first appearance.</summary>
    private sealed class PairTable
    {
        private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _numbers =
            new Dictionary<byte[], int>(Utf8KeyComparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();
        private byte[] _key = new byte[256];

        public List<(byte[] Type, byte[]? Name)> All { get; } = [];

        public int NumberOf(ReadOnlySpan<byte> type, ReadOnlySpan<byte> name, bool hasName)
        {
            var key = ActivityKey.Write(ref _key, type, name, hasName);
            if (!_numbers.TryGetValue(key, out var number))
            {
                number = All.Count;
                All.Add((type.ToArray(), hasName ? name.ToArray() : null));
                _numbers[key] = number;
            }

            return number;
        }
    }
}
