using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kizuki.LiveScoring;
using Kizuki.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kizuki.Bench;

internal static partial class ScoreStoreBenchmark
{
    private const string Columns = "customer_id, as_of, model_version, probability, band, revenue_at_risk, features, scored_at, reasons";

    private const string UpsertSql = $"""
        INSERT INTO scores ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        ON CONFLICT (customer_id, as_of, model_version) DO UPDATE SET
            probability = excluded.probability, band = excluded.band, revenue_at_risk = excluded.revenue_at_risk,
            features = excluded.features, scored_at = excluded.scored_at, reasons = excluded.reasons
        """;

    private const string InsertSql = $"INSERT INTO scores ({Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The timed writes through the bench's own raw statement on one connection (automatic checkpoint off, none taken
    /// while timing), binding the JSON texts as UTF-16 strings (as the live writer does) or as the UTF-8 bytes the JSON
    /// writer produced; each transaction also changes the data generation, as a live group does.
    /// </summary>
    private static void TimedStatement(SqliteStore store, List<StoredScore[]> groups, int rows, string statement)
    {
        var utf8 = statement.EndsWith("utf8", StringComparison.Ordinal);
        using var connection = store.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA wal_autocheckpoint = 0";
            pragma.ExecuteNonQuery();
        }

        var database = connection.Handle!;
        Check(database, raw.sqlite3_prepare_v2(database, statement.StartsWith("insert", StringComparison.Ordinal) ? InsertSql : UpsertSql, out var prepared));
        using var _ = prepared;
        var json = new ArrayBufferWriter<byte>(4096);
        var text = new ArrayBufferWriter<byte>(2048);
        GC.Collect();
        var process = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long insertTicks = 0, commitTicks = 0, insertCpu = 0, commitCpu = 0;
        foreach (var scores in groups)
        {
            var t0 = Stopwatch.GetTimestamp();
            var c0 = ThreadCpuNanoseconds();
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var score in scores)
            {
                Check(database, raw.sqlite3_bind_text16(prepared, 1, score.CustomerId.AsSpan()));
                Check(database, raw.sqlite3_bind_int64(prepared, 2, StoreValues.ToUnixMilliseconds(score.AsOf)));
                Check(database, raw.sqlite3_bind_int64(prepared, 3, score.ModelVersion));
                Check(database, raw.sqlite3_bind_double(prepared, 4, score.Probability));
                Check(database, raw.sqlite3_bind_text16(prepared, 5, StoreValues.ToText(score.Band).AsSpan()));
                Check(database, raw.sqlite3_bind_text16(prepared, 6, StoreValues.ToText(score.RevenueAtRisk).AsSpan()));
                Features(json, score.Features);
                Check(database, utf8
                    ? raw.sqlite3_bind_text(prepared, 7, json.WrittenSpan)
                    : raw.sqlite3_bind_text16(prepared, 7, Encoding.UTF8.GetString(json.WrittenSpan).AsSpan()));
                Check(database, raw.sqlite3_bind_int64(prepared, 8, StoreValues.ToUnixMilliseconds(score.ScoredAt)));
                if (score.Reasons is null)
                {
                    Check(database, raw.sqlite3_bind_null(prepared, 9));
                }
                else if (utf8)
                {
                    text.ResetWrittenCount();
                    text.Advance(Encoding.UTF8.GetBytes(score.Reasons, text.GetSpan(Encoding.UTF8.GetMaxByteCount(score.Reasons.Length))));
                    Check(database, raw.sqlite3_bind_text(prepared, 9, text.WrittenSpan));
                }
                else
                {
                    Check(database, raw.sqlite3_bind_text16(prepared, 9, score.Reasons.AsSpan()));
                }

                var rc = raw.sqlite3_step(prepared);
                raw.sqlite3_reset(prepared);
                if (rc != raw.SQLITE_DONE)
                {
                    Check(database, rc);
                }
            }

            var t1 = Stopwatch.GetTimestamp();
            var c1 = ThreadCpuNanoseconds();
            SqliteDataGeneration.Bump(connection, transaction);
            transaction.Commit();
            commitTicks += Stopwatch.GetTimestamp() - t1;
            commitCpu += ThreadCpuNanoseconds() - c1;
            insertTicks += t1 - t0;
            insertCpu += c1 - c0;
        }

        wall.Stop();
        var processCpu = (Process.GetCurrentProcess().TotalProcessorTime - process).TotalMicroseconds;
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA wal_autocheckpoint = 1000";
            pragma.ExecuteNonQuery();
        }

        double PerRow(long ticks) => ticks * 1e6 / Stopwatch.Frequency / rows;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{statement}: {rows:N0} rows in {groups.Count:N0} transactions of {groups[0].Length}: insert {PerRow(insertTicks):F1} µs/row wall, {insertCpu / 1e3 / rows:F1} µs/row CPU; " +
            $"commit {PerRow(commitTicks):F1} µs/row wall, {commitCpu / 1e3 / rows:F1} µs/row CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total {wall.Elapsed.TotalMicroseconds / rows:F1} µs/row wall ({rows / wall.Elapsed.TotalSeconds:N0} rows/s), process CPU {processCpu / rows:F1} µs/row (no checkpoints while timing)"));
    }

    /// <summary>The feature JSON as the live writer makes it, left as UTF-8 in <paramref name="buffer"/>.</summary>
    private static void Features(ArrayBufferWriter<byte> buffer, IReadOnlyDictionary<string, object?> features)
    {
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer, Relaxed);
        writer.WriteStartObject();
        foreach (var (name, value) in features)
        {
            ScoreJson.WriteValue(writer, name, value);
        }

        writer.WriteEndObject();
    }

    private static void Check(sqlite3 database, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), rc);
        }
    }
}
