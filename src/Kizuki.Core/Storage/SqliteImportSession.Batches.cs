using Microsoft.Data.Sqlite;

namespace Kizuki.Storage;

internal sealed partial class SqliteImportSession
{
    /// <summary>
    /// Appends rows of one append-only kind <see cref="Rows"/> at a time with one multi-row
    /// <c>INSERT ... ON CONFLICT DO NOTHING</c>: the changes count of a batch is the number inserted, the rest
    /// were already stored. Rows within a batch are applied in order, so the first of two equal ids wins,
    /// exactly as with single-row inserts. The last, partial batch is written row by row at commit.
    /// </summary>
    private sealed class AppendBatch : IDisposable
    {
        /// <summary>Rows per multi-row statement; amortises the per-statement cost without large buffers.</summary>
        public const int Rows = 32;

        private readonly StoreTable table;
        private readonly RowCommand many;
        private readonly RowCommand one;
        private readonly object?[] buffer;
        private int count;

        public AppendBatch(SqliteConnection connection, StoreTable table)
        {
            this.table = table;
            many = new RowCommand(connection, InsertSql(table, Rows));
            one = new RowCommand(connection, InsertSql(table));
            buffer = new object?[Rows * table.Columns.Count];
        }

        public void Add(ReadOnlySpan<object?> values, WriteTally tally)
        {
            values.CopyTo(buffer.AsSpan(count * table.Columns.Count));
            if (++count == Rows)
            {
                var inserted = many.Execute(buffer);
                tally.Inserted(table.Kind, inserted);
                tally.Unchanged(table.Kind, Rows - inserted);
                count = 0;
            }
        }

        /// <summary>Writes the rows of the last, partial batch.</summary>
        public void Flush(WriteTally tally)
        {
            var columns = table.Columns.Count;
            for (var i = 0; i < count; i++)
            {
                if (one.Execute(buffer.AsSpan(i * columns, columns)) == 1)
                {
                    tally.Inserted(table.Kind);
                }
                else
                {
                    tally.Unchanged(table.Kind);
                }
            }

            count = 0;
            Array.Clear(buffer);
        }

        public void Dispose()
        {
            many.Dispose();
            one.Dispose();
        }
    }
}
