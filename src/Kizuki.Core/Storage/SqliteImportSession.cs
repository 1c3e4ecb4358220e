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
internal sealed partial class SqliteImportSession : IImportSession
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
    public void Add(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var s = customer.Segment;
        Upsert(StoreTables.Customers, customer.Id, customer.Name, StoreValues.ToUnixMilliseconds(customer.SignupAt),
            s.Industry, s.Region, s.Plan, s.AcquisitionChannel, s.CompanySize, StoreValues.ToJson(customer.Attributes));
    }

    /// <inheritdoc />
    public void Add(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        Append(StoreTables.Orders, order.Id, order.CustomerId, StoreValues.ToUnixMilliseconds(order.OrderedAt),
            StoreValues.ToText(order.Amount.Amount), order.Amount.Currency, StoreValues.ToText(order.Status),
            order.IsRecurring ? 1L : 0L);
        for (var i = 0; i < order.Lines.Count; i++)
        {
            AddLine(order.Id, i + 1, order.Lines[i]);
        }
    }

    /// <inheritdoc />
    public void AddLine(string orderId, int lineNumber, OrderLine line)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        ArgumentOutOfRangeException.ThrowIfLessThan(lineNumber, 1);
        ArgumentNullException.ThrowIfNull(line);
        Append(StoreTables.OrderLines, orderId, (long)lineNumber, line.Product, line.Category,
            StoreValues.ToText(line.Quantity), line.UnitPrice is { } price ? StoreValues.ToText(price) : null);
    }

    /// <inheritdoc />
    public void Add(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var s = subscription;
        Upsert(StoreTables.Subscriptions, s.Id, s.CustomerId, s.Plan, StoreValues.ToUnixMilliseconds(s.StartedAt),
            Millis(s.RenewsAt), Millis(s.EndedAt), StoreValues.ToText(s.RecurringAmount.Amount), s.RecurringAmount.Currency,
            (long)s.BillingCycleMonths, (long)s.Seats, s.CancellationReason, s.Competitor);
    }

    /// <inheritdoc />
    public void Add(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Append(StoreTables.Activities, activity.Id, activity.CustomerId, StoreValues.ToUnixMilliseconds(activity.OccurredAt),
            activity.Type, activity.Name, activity.Quantity);
    }

    /// <inheritdoc />
    public void Add(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var t = ticket;
        Upsert(StoreTables.Tickets, t.Id, t.CustomerId, StoreValues.ToUnixMilliseconds(t.OpenedAt), Millis(t.ClosedAt),
            StoreValues.ToText(t.Channel), t.Subject, t.Body, StoreValues.ToText(t.Status), (long?)t.Satisfaction);
    }

    /// <inheritdoc />
    public void Add(SurveyResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Append(StoreTables.Surveys, response.Id, response.CustomerId, StoreValues.ToUnixMilliseconds(response.RespondedAt),
            StoreValues.ToText(response.Kind), (long)response.Score, response.Comment);
    }

    /// <inheritdoc />
    public void Add(Touch touch)
    {
        ArgumentNullException.ThrowIfNull(touch);
        Append(StoreTables.Touches, touch.Id, touch.CustomerId, StoreValues.ToUnixMilliseconds(touch.TouchedAt),
            touch.Campaign, touch.Channel, touch.IsControl ? 1L : 0L);
    }

    /// <inheritdoc />
    public void Add(ChurnEvent churnEvent)
    {
        ArgumentNullException.ThrowIfNull(churnEvent);
        Append(StoreTables.ChurnEvents, churnEvent.Id, churnEvent.CustomerId,
            StoreValues.ToUnixMilliseconds(churnEvent.OccurredAt), churnEvent.Reason, churnEvent.Competitor);
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

    private static long? Millis(DateTimeOffset? instant) =>
        instant is { } value ? StoreValues.ToUnixMilliseconds(value) : null;

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
