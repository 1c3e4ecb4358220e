using Microsoft.Data.Sqlite;

namespace Kizuki.Storage;

internal sealed partial class SqliteImportSession
{
    /// <summary>
    /// A statement prepared once on a caller's long-lived connection and re-bound for every row (the session's own fast
    /// binding), for writers that outlive one transaction, such as <see cref="SqliteLiveWrites"/>.
    /// </summary>
    /// <remarks>Runs inside whatever transaction is open on the connection. Not thread-safe.</remarks>
    internal sealed class PreparedRow : IDisposable
    {
        private readonly RowCommand command;

        /// <summary>Prepares <paramref name="sql"/> (positional parameters <c>?1</c>, <c>?2</c>, …) on <paramref name="connection"/>.</summary>
        public PreparedRow(SqliteConnection connection, string sql)
        {
            ArgumentNullException.ThrowIfNull(connection);
            ArgumentException.ThrowIfNullOrEmpty(sql);
            command = new RowCommand(connection, sql);
        }

        /// <summary>The single-row insert of <paramref name="table"/>, as an import session writes it.</summary>
        public static PreparedRow Insert(SqliteConnection connection, StoreTable table) => new(connection, InsertSql(table));

        /// <summary>Runs the statement with <paramref name="values"/> (null, text, 64-bit integer or double) and returns the rows it changed.</summary>
        public int Execute(ReadOnlySpan<object?> values) => command.Execute(values);

        /// <inheritdoc />
        public void Dispose() => command.Dispose();
    }
}
