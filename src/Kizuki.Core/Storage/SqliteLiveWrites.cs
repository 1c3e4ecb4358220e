using Kizuki.Domain;
using Microsoft.Data.Sqlite;

namespace Kizuki.Storage;

/// <summary>
/// The live path's writes into the embedded store: one long-lived connection, one prepared single-row statement per
/// kind, and one IMMEDIATE transaction per group that the caller opens (<see cref="Begin"/>) and closes
/// (<see cref="Commit"/>, which changes the data generation in the same transaction, as every committed import does).
/// </summary>
/// <remarks>
/// Rows are exactly those an import session writes (same columns, same text for amounts and instants), so every reader
/// sees them alike; a test holds the two paths to the same rows. Append-only kinds are inserted with
/// <c>ON CONFLICT DO NOTHING</c>, so the changes count of each row tells a new event (1) from one already stored (0)
/// with no separate probe. Upserted kinds use <c>DO UPDATE ... WHERE</c> some column differs (0 when identical).
/// Opening a connection runs the store's pragmas, so keeping one for the life of the live pipeline saves that on every
/// group. Checkpoints (copying the write-ahead log into the database, with its file syncs) are taken off the commit:
/// the writer's connection turns SQLite's automatic checkpoint off and a background thread of the writer runs a PASSIVE
/// checkpoint, which never blocks the writer, every <see cref="CheckpointEvery"/> commits; the automatic checkpoint is
/// turned back on when the writer is disposed. Not thread-safe: owned by the pipeline's writer thread.
/// </remarks>
internal sealed class SqliteLiveWrites : IDisposable, IStoreRowSink
{
    /// <summary>Commits between background checkpoints: 32 (groups of tens of events write a few pages each).</summary>
    public const int CheckpointEvery = 32;

    /// <summary>SQLite's default automatic checkpoint (pages), restored when the writer lets its connection go.</summary>
    private const int AutomaticCheckpointPages = 1000;

    private readonly SqliteStore _store;
    private readonly SemaphoreSlim _checkpointDue = new(0, 1);
    private Thread? _checkpointer;
    private volatile bool _stopping;
    private int _sinceCheckpoint;
    private long _checkpoints;
    private readonly SqliteImportSession.PreparedRow?[] _inserts = new SqliteImportSession.PreparedRow?[StoreTables.All.Count];
    private readonly List<SqliteImportSession.PreparedRow> _prepared = [];
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;

    /// <summary>Writes into <paramref name="store"/>; the connection is opened by the first <see cref="Begin"/>.</summary>
    public SqliteLiveWrites(SqliteStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>Transactions committed so far (each one also changed the data generation).</summary>
    public long Commits { get; private set; }

    /// <summary>Background checkpoints taken so far.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Why the last background checkpoint failed, if it did (the log then grows until a later one succeeds).</summary>
    public string? CheckpointError { get; private set; }

    /// <summary>Whether a transaction is open.</summary>
    public bool InTransaction => _transaction is not null;

    /// <summary>Opens the group's transaction (IMMEDIATE: the write lock is taken now, so the commit cannot meet a busy writer).</summary>
    public void Begin()
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("取引は既に開いています。 / A transaction is already open.");
        }

        Connect();
        _transaction = _connection!.BeginTransaction(deferred: false);
    }

    /// <summary>Changes the data generation and commits: the group's records and scores become durable together.</summary>
    /// <param name="recordsChanged">False when the transaction wrote no data records (only scores): the generation stays.</param>
    public void Commit(bool recordsChanged = true)
    {
        var transaction = Open();
        if (recordsChanged)
        {
            SqliteDataGeneration.Bump(_connection!, transaction);
        }

        transaction.Commit();
        transaction.Dispose();
        _transaction = null;
        Commits++;
        if (++_sinceCheckpoint >= CheckpointEvery)
        {
            _sinceCheckpoint = 0;
            SignalCheckpoint();
        }
    }

    /// <summary>Marks a point in the open transaction that <see cref="RollbackTo"/> can return to.</summary>
    public void Savepoint(string name) => Open().Save(name);

    /// <summary>Undoes the open transaction's writes since the savepoint <paramref name="name"/>, keeping the earlier ones.</summary>
    public void RollbackTo(string name) => Open().Rollback(name);

    /// <summary>Forgets the savepoint <paramref name="name"/> (its writes stay in the open transaction).</summary>
    public void Release(string name) => Open().Release(name);

    /// <summary>Discards the open transaction, if any.</summary>
    public void Rollback()
    {
        var transaction = _transaction;
        _transaction = null;
        if (transaction is not null)
        {
            try
            {
                transaction.Rollback();
            }
            finally
            {
                transaction.Dispose();
            }
        }
    }

    /// <summary>
    /// Prepares <paramref name="sql"/> (parameters <c>?1</c>, <c>?2</c>, …) on the writer's connection, to run inside its
    /// transactions; the writer disposes it.
    /// </summary>
    public SqliteImportSession.PreparedRow Prepare(string sql)
    {
        Connect();
        var row = new SqliteImportSession.PreparedRow(_connection!, sql);
        _prepared.Add(row);
        return row;
    }

    /// <summary>Writes a customer (upsert); returns 1 when inserted or changed, 0 when identical.</summary>
    public int Add(Customer customer) => StoreRows.Write(this, customer);

    /// <summary>Writes an order with its lines; returns 1 when the order is new, 0 when its id was stored.</summary>
    public int Add(Order order) => StoreRows.Write(this, order);

    /// <summary>Writes a subscription (upsert); returns 1 when inserted or changed, 0 when identical.</summary>
    public int Add(Subscription subscription) => StoreRows.Write(this, subscription);

    /// <summary>Writes an activity; returns 1 when new, 0 when its id was stored.</summary>
    public int Add(Activity activity) => StoreRows.Write(this, activity);

    /// <summary>Writes a ticket (upsert); returns 1 when inserted or changed, 0 when identical.</summary>
    public int Add(Ticket ticket) => StoreRows.Write(this, ticket);

    /// <summary>Writes a survey response; returns 1 when new, 0 when its id was stored.</summary>
    public int Add(SurveyResponse response) => StoreRows.Write(this, response);

    /// <summary>Writes a touch; returns 1 when new, 0 when its id was stored.</summary>
    public int Add(Touch touch) => StoreRows.Write(this, touch);

    /// <summary>Writes a churn event; returns 1 when new, 0 when its id was stored.</summary>
    public int Add(ChurnEvent churnEvent) => StoreRows.Write(this, churnEvent);

    /// <summary>Rolls back an open transaction, finalises the statements and returns the connection to the pool.</summary>
    public void Dispose()
    {
        try
        {
            Rollback();
        }
        finally
        {
            foreach (var row in _inserts.Concat(_prepared))
            {
                row?.Dispose();
            }

            Array.Clear(_inserts);
            _prepared.Clear();
            StopCheckpoints();
            if (_connection is not null)
            {
                Pragma(_connection, $"PRAGMA wal_autocheckpoint = {AutomaticCheckpointPages}");
                _connection.Dispose();
                _connection = null;
            }
        }
    }

    private void Connect()
    {
        if (_connection is not null)
        {
            return;
        }

        _connection = _store.Open();
        Pragma(_connection, "PRAGMA wal_autocheckpoint = 0");
        _stopping = false;
        _checkpointer = new Thread(CheckpointLoop) { IsBackground = true, Name = "kizuki-live-checkpoint" };
        _checkpointer.Start();
    }

    private void SignalCheckpoint()
    {
        if (_checkpointDue.CurrentCount == 0)
        {
            try
            {
                _checkpointDue.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one checkpoint covers both.
            }
        }
    }

    private void StopCheckpoints()
    {
        if (_checkpointer is null)
        {
            return;
        }

        _stopping = true;
        SignalCheckpoint();
        _checkpointer.Join();
        _checkpointer = null;
    }

    private void CheckpointLoop()
    {
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                _checkpointDue.Wait();
                if (_stopping)
                {
                    return;
                }

                try
                {
                    connection ??= _store.Open();
                    Pragma(connection, "PRAGMA wal_checkpoint(PASSIVE)");
                    Interlocked.Increment(ref _checkpoints);
                    CheckpointError = null;
                }
                catch (SqliteException e)
                {
                    CheckpointError = e.Message;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs the table's prepared insert (append-only: DO NOTHING; upserted: DO UPDATE when a column differs) in the open transaction.</summary>
    int IStoreRowSink.Write(StoreTable table, params ReadOnlySpan<object?> values)
    {
        Open();
        var insert = _inserts[(int)table.Kind] ??= SqliteImportSession.PreparedRow.Insert(_connection!, table);
        return insert.Execute(values);
    }

    private SqliteTransaction Open() => _transaction
        ?? throw new InvalidOperationException("取引が開いていません (Begin を先に呼んでください)。 / No transaction is open (call Begin first).");
}
