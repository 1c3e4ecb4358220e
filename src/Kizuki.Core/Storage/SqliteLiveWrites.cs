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
internal sealed class SqliteLiveWrites : IDisposable
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
    public void Commit()
    {
        var transaction = Open();
        SqliteDataGeneration.Bump(_connection!, transaction);
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
    public int Add(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var s = customer.Segment;
        return Insert(StoreTables.Customers, customer.Id, customer.Name, StoreValues.ToUnixMilliseconds(customer.SignupAt),
            s.Industry, s.Region, s.Plan, s.AcquisitionChannel, s.CompanySize, StoreValues.ToJson(customer.Attributes));
    }

    /// <summary>Writes an order with its lines; returns 1 when the order is new, 0 when its id was stored.</summary>
    public int Add(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var inserted = Insert(StoreTables.Orders, order.Id, order.CustomerId, StoreValues.ToUnixMilliseconds(order.OrderedAt),
            StoreValues.ToText(order.Amount.Amount), order.Amount.Currency, StoreValues.ToText(order.Status),
            order.IsRecurring ? 1L : 0L);
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            Insert(StoreTables.OrderLines, order.Id, (long)(i + 1), line.Product, line.Category,
                StoreValues.ToText(line.Quantity), line.UnitPrice is { } price ? StoreValues.ToText(price) : null);
        }

        return inserted;
    }

    /// <summary>Writes a subscription (upsert); returns 1 when inserted or changed, 0 when identical.</summary>
    public int Add(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var s = subscription;
        return Insert(StoreTables.Subscriptions, s.Id, s.CustomerId, s.Plan, StoreValues.ToUnixMilliseconds(s.StartedAt),
            Millis(s.RenewsAt), Millis(s.EndedAt), StoreValues.ToText(s.RecurringAmount.Amount), s.RecurringAmount.Currency,
            (long)s.BillingCycleMonths, (long)s.Seats, s.CancellationReason, s.Competitor);
    }

    /// <summary>Writes an activity; returns 1 when new, 0 when its id was stored.</summary>
    public int Add(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Insert(StoreTables.Activities, activity.Id, activity.CustomerId, StoreValues.ToUnixMilliseconds(activity.OccurredAt),
            activity.Type, activity.Name, activity.Quantity);
    }

    /// <summary>Writes a ticket (upsert); returns 1 when inserted or changed, 0 when identical.</summary>
    public int Add(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var t = ticket;
        return Insert(StoreTables.Tickets, t.Id, t.CustomerId, StoreValues.ToUnixMilliseconds(t.OpenedAt), Millis(t.ClosedAt),
            StoreValues.ToText(t.Channel), t.Subject, t.Body, StoreValues.ToText(t.Status), (long?)t.Satisfaction);
    }

    /// <summary>Writes a survey response; returns 1 when new, 0 when its id was stored.</summary>
    public int Add(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Insert(StoreTables.Surveys, response.Id, response.CustomerId, StoreValues.ToUnixMilliseconds(response.RespondedAt),
            StoreValues.ToText(response.Kind), (long)response.Score, response.Comment);
    }

    /// <summary>Writes a touch; returns 1 when new, 0 when its id was stored.</summary>
    public int Add(Touch touch)
    {
        ArgumentNullException.ThrowIfNull(touch);
        return Insert(StoreTables.Touches, touch.Id, touch.CustomerId, StoreValues.ToUnixMilliseconds(touch.TouchedAt),
            touch.Campaign, touch.Channel, touch.IsControl ? 1L : 0L);
    }

    /// <summary>Writes a churn event; returns 1 when new, 0 when its id was stored.</summary>
    public int Add(ChurnEvent churnEvent)
    {
        ArgumentNullException.ThrowIfNull(churnEvent);
        return Insert(StoreTables.ChurnEvents, churnEvent.Id, churnEvent.CustomerId,
            StoreValues.ToUnixMilliseconds(churnEvent.OccurredAt), churnEvent.Reason, churnEvent.Competitor);
    }

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

    private static long? Millis(DateTimeOffset? instant) =>
        instant is { } value ? StoreValues.ToUnixMilliseconds(value) : null;

    private int Insert(StoreTable table, params ReadOnlySpan<object?> values)
    {
        Open();
        var insert = _inserts[(int)table.Kind] ??= SqliteImportSession.PreparedRow.Insert(_connection!, table);
        return insert.Execute(values);
    }

    private SqliteTransaction Open() => _transaction
        ?? throw new InvalidOperationException("取引が開いていません (Begin を先に呼んでください)。 / No transaction is open (call Begin first).");
}
