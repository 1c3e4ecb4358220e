using Kizuki.Domain;
using Microsoft.Data.Sqlite;

namespace Kizuki.Storage;

/// <summary>One import into the SQLite store: a single IMMEDIATE transaction with one prepared statement per kind.</summary>
/// <remarks>
/// Append-only kinds are inserted with <c>ON CONFLICT DO NOTHING</c>; the changes count tells inserted from
/// unchanged. Upserted kinds first probe the key (an index lookup inside the same transaction) and then run
/// <c>ON CONFLICT DO UPDATE ... WHERE</c> any column differs, so inserted, updated and unchanged are exact.
/// Nothing is committed before <see cref="Commit"/>: a crash or a dispose leaves the file as it was.
/// Not thread-safe: one session is fed by one thread.
/// </remarks>
internal sealed partial class SqliteImportSession : IImportSession, IStoreRowSink
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly WriteTally tally = new();
    private readonly RowCommand?[] inserts = new RowCommand?[StoreTables.All.Count];
    private readonly AppendBatch?[] appends = new AppendBatch?[StoreTables.All.Count];
    private readonly RowCommand?[] probes = new RowCommand?[StoreTables.All.Count];
    private bool finished;

    /// <summary>Starts the session's transaction on <paramref name="connection"/>, which the session then owns.</summary>
    public SqliteImportSession(SqliteConnection connection)
    {
        this.connection = connection;
        transaction = connection.BeginTransaction(deferred: false);
    }

    /// <inheritdoc />
    public void Add(Customer customer) => StoreRows.Write(this, customer);

    /// <inheritdoc />
    public void Add(Order order) => StoreRows.Write(this, order);

    /// <inheritdoc />
    public void AddLine(string orderId, int lineNumber, OrderLine line)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentOutOfRangeException.ThrowIfLessThan(lineNumber, 1);
        ArgumentNullException.ThrowIfNull(line);
        StoreRows.WriteLine(this, orderId, lineNumber, line);
    }

    /// <inheritdoc />
    public void Add(Subscription subscription) => StoreRows.Write(this, subscription);

    /// <inheritdoc />
    public void Add(Activity activity) => StoreRows.Write(this, activity);

    /// <inheritdoc />
    public void Add(Ticket ticket) => StoreRows.Write(this, ticket);

    /// <inheritdoc />
    public void Add(SurveyResponse response) => StoreRows.Write(this, response);

    /// <inheritdoc />
    public void Add(Touch touch) => StoreRows.Write(this, touch);

    /// <inheritdoc />
    public void Add(ChurnEvent churnEvent) => StoreRows.Write(this, churnEvent);

    /// <summary>Appends the row to its table's batch, or upserts it when the table replaces changed records (the changes are tallied, not returned).</summary>
    int IStoreRowSink.Write(StoreTable table, params ReadOnlySpan<object?> values)
    {
        if (table.IsUpserted)
        {
            Upsert(table, values);
        }
        else
        {
            Append(table, values);
        }

        return 0;
    }

    /// <inheritdoc />
    public WriteCounts Commit()
    {
        EnsureOpen();
        foreach (var batch in appends)
        {
            batch?.Flush(tally);
        }

        SqliteDataGeneration.Bump(connection, transaction);
        transaction.Commit();
        finished = true;
        return tally.ToCounts();
    }

    /// <summary>Rolls back unless committed, and releases the connection.</summary>
    public void Dispose()
    {
        finished = true;
        foreach (var command in inserts.Concat(probes))
        {
            command?.Dispose();
        }

        foreach (var batch in appends)
        {
            batch?.Dispose();
        }

        transaction.Dispose();
        connection.Dispose();
    }

    private void Append(StoreTable table, params ReadOnlySpan<object?> values)
    {
        EnsureOpen();
        var batch = appends[(int)table.Kind] ??= new AppendBatch(connection, table);
        batch.Add(values, tally);
    }

    private void Upsert(StoreTable table, params ReadOnlySpan<object?> values)
    {
        var probe = probes[(int)table.Kind] ??= new RowCommand(connection,
            $"SELECT EXISTS (SELECT 1 FROM {table.Name} WHERE id = ?1)");
        var existed = probe.Exists(values[0]);
        var changed = Insert(table).Execute(values);
        if (changed == 0)
        {
            tally.Unchanged(table.Kind);
        }
        else if (existed)
        {
            tally.Updated(table.Kind);
        }
        else
        {
            tally.Inserted(table.Kind);
        }
    }

    private RowCommand Insert(StoreTable table)
    {
        EnsureOpen();
        return inserts[(int)table.Kind] ??= new RowCommand(connection, InsertSql(table));
    }

    private void EnsureOpen()
    {
        if (finished)
        {
            throw new InvalidOperationException(
                "この取り込みセッションは既に確定または破棄されています。 / This import session has already been committed or disposed.");
        }
    }
}
