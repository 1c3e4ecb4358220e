using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Kizuki.Features.Batch;

/// <summary>Read-only connections to a store's SQLite file, and the questions the batch reader asks it before reading.</summary>
internal static class SqliteFiles
{
    /// <summary>The event tables and their time columns (the tables whose newest instant ends the data).</summary>
    internal static readonly (string Table, string Time)[] EventTimes =
    [
        ("orders", "ordered_at"), ("subscriptions", "started_at"), ("activities", "occurred_at"), ("tickets", "opened_at"),
        ("surveys", "responded_at"), ("touches", "touched_at"), ("churn_events", "occurred_at"),
    ];

    /// <summary>Opens the file read-only (no pooling), mapping up to <paramref name="memoryMapBytes"/> of it.</summary>
    public static SqliteConnection OpenReadOnly(string path, long memoryMapBytes)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = 30000; PRAGMA mmap_size = {memoryMapBytes}; PRAGMA cache_size = -16384;");
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Number of customers.</summary>
    public static long CountCustomers(string path)
    {
        using var connection = OpenReadOnly(path, 0);
        return Scalar(connection, "SELECT count(*) FROM customers") ?? 0;
    }

    /// <summary>
    /// Splits the customers into about <paramref name="count"/> ranges of equal size at id quantiles: each range is
    /// [From, To), null meaning unbounded, and together they cover every id in order.
    /// </summary>
    public static IReadOnlyList<(string? From, string? To)> Ranges(string path, int count)
    {
        using var connection = OpenReadOnly(path, 0);
        var customers = Scalar(connection, "SELECT count(*) FROM customers") ?? 0;
        var bounds = new List<string>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET @offset";
        var offset = command.Parameters.Add("@offset", SqliteType.Integer);
        for (var k = 1; k < count && customers >= count; k++)
        {
            offset.Value = customers * k / count;
            if (command.ExecuteScalar() is string id && (bounds.Count == 0 || bounds[^1] != id))
            {
                bounds.Add(id);
            }
        }

        var ranges = new List<(string?, string?)>();
        for (var i = 0; i <= bounds.Count; i++)
        {
            ranges.Add((i == 0 ? null : bounds[i - 1], i == bounds.Count ? null : bounds[i]));
        }

        return ranges;
    }

    /// <summary>The newest instant (ms) of any event or signup, or null when the store is empty.</summary>
    public static long? NewestTime(string path)
    {
        using var connection = OpenReadOnly(path, 0);
        long? newest = Scalar(connection, "SELECT max(signup_at) FROM customers");
        foreach (var (table, time) in EventTimes)
        {
            if (Scalar(connection, NewestQuery(table, time)) is { } t && (newest is null || t > newest))
            {
                newest = t;
            }
        }

        return newest;
    }

    /// <summary>
    /// The store's data generation stamp (16 bytes, changed by every committed import); null when the store has no
    /// data generation (a file from before schema version 7), so nothing derived from it can be trusted.
    /// </summary>
    public static byte[]? GenerationStamp(string path)
    {
        using var connection = OpenReadOnly(path, 0);
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'data_generation'";
        if (exists.ExecuteScalar() is not 1L)
        {
            return null;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Kizuki.Storage.SqliteDataGeneration.StampSql;
        return command.ExecuteScalar() is byte[] { Length: 16 } stamp ? stamp : null;
    }

    /// <summary>
    /// The newest time of an event table, found along its (customer_id, time) index: one index seek per distinct
    /// customer (a skip scan) instead of reading every row, which for ten million activities is the difference
    /// between a few tenths of a second and two seconds of CPU.
    /// </summary>
    internal static string NewestQuery(string table, string time) =>
        $"WITH RECURSIVE ids(c) AS (SELECT (SELECT min(customer_id) FROM {table}) "
        + $"UNION ALL SELECT (SELECT min(customer_id) FROM {table} WHERE customer_id > c) FROM ids WHERE c IS NOT NULL) "
        + $"SELECT max((SELECT max({time}) FROM {table} WHERE customer_id = c)) FROM ids WHERE c IS NOT NULL";

    private static long? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long value ? value : null;
    }
}
