using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kizuki.Storage;

internal sealed partial class SqliteImportSession
{
    /// <summary>
    /// The insert statement of a table: <c>DO NOTHING</c> on a known key for append-only kinds; for upserted kinds,
    /// <c>DO UPDATE</c> only where some column differs, so an identical record reports zero changes.
    /// </summary>
    internal static string InsertSql(StoreTable table, int rows = 1)
    {
        var columns = table.Columns.Count;
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", Enumerable.Range(r * columns + 1, columns).Select(i => $"?{i}")) + ")"));
        var insert = $"INSERT INTO {table.Name} ({table.ColumnList()}) VALUES {values} ON CONFLICT ({table.Key}) DO ";
        if (!table.IsUpserted)
        {
            return insert + "NOTHING";
        }

        var set = string.Join(", ", table.ValueColumns.Select(c => $"{c} = excluded.{c}"));
        var differs = string.Join(" OR ", table.ValueColumns.Select(c => $"{table.Name}.{c} IS NOT excluded.{c}"));
        return $"{insert}UPDATE SET {set} WHERE {differs}";
    }

    /// <summary>A prepared statement whose parameters are re-bound for every row.</summary>
    /// <remarks>
    /// Runs on the connection's native handle: binding and stepping a prepared statement directly costs a fraction
    /// of a <see cref="SqliteCommand"/> execution, which is what makes millions of rows a minute possible.
    /// The statement runs inside the session's transaction, which Microsoft.Data.Sqlite began on the same handle.
    /// </remarks>
    private sealed class RowCommand : IDisposable
    {
        private readonly sqlite3 database;
        private readonly sqlite3_stmt statement;

        public RowCommand(SqliteConnection connection, string sql)
        {
            database = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(database, sql, out statement));
        }

        /// <summary>Runs the statement for one row and returns the number of rows it changed.</summary>
        public int Execute(ReadOnlySpan<object?> values)
        {
            Bind(values);
            return Step() == raw.SQLITE_DONE ? raw.sqlite3_changes(database) : 0;
        }

        /// <summary>Runs an <c>EXISTS</c> probe for one key.</summary>
        public bool Exists(object? key)
        {
            Bind([key]);
            var found = false;
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_ROW)
            {
                found = raw.sqlite3_column_int64(statement, 0) != 0;
            }
            else
            {
                Check(rc);
            }

            raw.sqlite3_reset(statement);
            return found;
        }

        public void Dispose() => statement.Dispose();

        private int Step()
        {
            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                Check(rc);
            }

            return rc;
        }

        private void Bind(ReadOnlySpan<object?> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var index = i + 1;
                Check(values[i] switch
                {
                    null => raw.sqlite3_bind_null(statement, index),
                    string { Length: 0 } => raw.sqlite3_bind_text(statement, index, ""),
                    string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
                    Utf8Text { Bytes.Length: 0 } => raw.sqlite3_bind_text(statement, index, ""),
                    Utf8Text utf8 => raw.sqlite3_bind_text(statement, index, utf8.Bytes.AsSpan()),
                    long number => raw.sqlite3_bind_int64(statement, index, number),
                    double number => raw.sqlite3_bind_double(statement, index, number),
                    var other => throw new ArgumentException(
                        $"Unsupported parameter type {other.GetType().Name} at position {index}.", nameof(values)),
                });
            }
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, database);
            }
        }
    }
}
