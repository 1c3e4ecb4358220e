using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Kizuki.Storage;

/// <summary>Opens the <see cref="IWorkStore"/> that lives beside an <see cref="IStore"/>.</summary>
public static class WorkStores
{
    /// <summary>
    /// The work store in the same database as <paramref name="store"/>, which must be migrated.
    /// For PostgreSQL, <paramref name="databaseUrl"/> is the URL the store was opened with.
    /// </summary>
    public static IWorkStore For(IStore store, string? databaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store switch
        {
            SqliteStore sqlite => new RelationalWorkStore(
                sqlite.Open, i => StoreValues.ToUnixMilliseconds(i), (r, i) => StoreValues.FromUnixMilliseconds(r.GetInt64(i)), "", null),
            PostgresStore => ForPostgres(databaseUrl
                ?? throw new ArgumentException("PostgreSQL ではデータベース URL が必要です / the PostgreSQL work store needs the database URL", nameof(databaseUrl))),
            _ => throw new ArgumentException($"no work store for {store.GetType().Name}", nameof(store)),
        };
    }

    private static RelationalWorkStore ForPostgres(string databaseUrl)
    {
        var source = NpgsqlDataSource.Create(PostgresConnectionString.Parse(databaseUrl));
        return new RelationalWorkStore(
            source.OpenConnection,
            i => StoreValues.ToUtcMilliseconds(i),
            (r, i) => new DateTimeOffset(r.GetFieldValue<DateTime>(i), TimeSpan.Zero),
            " FOR UPDATE",
            source);
    }
}

/// <summary>Alerts, alert state and tasks over either engine: the SQL is shared, instants go through two small functions.</summary>
/// <param name="open">Opens a connection.</param>
/// <param name="timeValue">The parameter value of an instant.</param>
/// <param name="readTime">Reads an instant column.</param>
/// <param name="lockRow">Appended to a SELECT that must lock the row it reads (PostgreSQL; SQLite's write transaction locks already).</param>
/// <param name="owned">Disposed with the store (the PostgreSQL data source).</param>
internal sealed partial class RelationalWorkStore(
    Func<DbConnection> open,
    Func<DateTimeOffset, object> timeValue,
    Func<DbDataReader, int, DateTimeOffset> readTime,
    string lockRow,
    IDisposable? owned) : IWorkStore
{
    private const string AlertColumns = "id, rule, customer_id, severity, fired_at, probability, top_reason, reasons, is_control";
    private const string TaskColumns = "id, alert_id, customer_id, rule, severity, created_at, owner, status, notes, updated_at";

    /// <inheritdoc />
    public DateTimeOffset? LastFired(string rule, string customerId)
    {
        using var connection = open();
        using var command = Command(connection, null, "SELECT last_fired_at FROM alert_state WHERE rule = @rule AND customer_id = @customer",
            ("rule", rule), ("customer", customerId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? readTime(reader, 0) : null;
    }

    /// <inheritdoc />
    public bool TryFire(string rule, string customerId, DateTimeOffset at, TimeSpan cooldown)
    {
        using var connection = open();
        using var transaction = connection.BeginTransaction();
        if (Execute(connection, transaction,
                "INSERT INTO alert_state (rule, customer_id, last_fired_at) VALUES (@rule, @customer, @at) ON CONFLICT (rule, customer_id) DO NOTHING",
                ("rule", rule), ("customer", customerId), ("at", timeValue(at))) == 1)
        {
            transaction.Commit();
            return true;
        }

        DateTimeOffset last;
        using (var command = Command(connection, transaction,
                   "SELECT last_fired_at FROM alert_state WHERE rule = @rule AND customer_id = @customer" + lockRow,
                   ("rule", rule), ("customer", customerId)))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            last = readTime(reader, 0);
        }

        bool fire;
        if (at >= last)
        {
            fire = at - last >= cooldown;
            if (fire)
            {
                Execute(connection, transaction, "UPDATE alert_state SET last_fired_at = @at WHERE rule = @rule AND customer_id = @customer",
                    ("at", timeValue(at)), ("rule", rule), ("customer", customerId));
            }
        }
        else
        {
            // An older instant (a replay) never moves the state back; it fires only outside the cool-down before it.
            fire = last - at >= cooldown;
        }

        transaction.Commit();
        return fire;
    }

    /// <inheritdoc />
    public IReadOnlyList<WorkTask> Raise(IReadOnlyList<StoredAlert> alerts, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var opened = new List<WorkTask>();
        if (alerts.Count == 0)
        {
            return opened;
        }

        using var connection = open();
        using var transaction = connection.BeginTransaction();
        foreach (var a in alerts)
        {
            Execute(connection, transaction,
                "INSERT INTO alert_state (rule, customer_id, last_fired_at) VALUES (@rule, @customer, @at) " +
                "ON CONFLICT (rule, customer_id) DO UPDATE SET last_fired_at = excluded.last_fired_at " +
                "WHERE excluded.last_fired_at > alert_state.last_fired_at",
                ("rule", a.Rule), ("customer", a.CustomerId), ("at", timeValue(a.FiredAt)));
            var inserted = Execute(connection, transaction,
                $"INSERT INTO alerts ({AlertColumns}) VALUES (@id, @rule, @customer, @severity, @fired, @p, @top, @reasons, @control) " +
                "ON CONFLICT (id) DO NOTHING",
                ("id", a.Id), ("rule", a.Rule), ("customer", a.CustomerId), ("severity", a.Severity), ("fired", timeValue(a.FiredAt)),
                ("p", a.Probability is { } p && double.IsFinite(p) ? p : null), ("top", a.TopReason), ("reasons", a.Reasons),
                ("control", a.IsControl ? 1 : 0));
            if (inserted == 0)
            {
                continue;
            }

            using var command = Command(connection, transaction,
                "INSERT INTO tasks (alert_id, customer_id, rule, severity, created_at, owner, status, notes, updated_at) " +
                $"VALUES (@alert, @customer, @rule, @severity, @created, NULL, 'open', '', @updated) RETURNING {TaskColumns}",
                ("alert", a.Id), ("customer", a.CustomerId), ("rule", a.Rule), ("severity", a.Severity),
                ("created", timeValue(a.FiredAt)), ("updated", timeValue(at)));
            using var reader = command.ExecuteReader();
            reader.Read();
            opened.Add(ReadTask(reader));
        }

        transaction.Commit();
        return opened;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredAlert> Alerts(DateTimeOffset since, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        using var connection = open();
        using var command = Command(connection, null,
            $"SELECT {AlertColumns} FROM alerts WHERE fired_at >= @since ORDER BY fired_at DESC, id LIMIT " +
            limit.ToString(CultureInfo.InvariantCulture), ("since", timeValue(since)));
        using var reader = command.ExecuteReader();
        var result = new List<StoredAlert>();
        while (reader.Read())
        {
            result.Add(new StoredAlert(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), readTime(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.GetNullableString(6), reader.GetNullableString(7), reader.GetInt32(8) != 0));
        }

        return result;
    }

    /// <inheritdoc />
    public IReadOnlyList<WorkTask> Tasks(WorkTaskStatus? status = null, string? owner = null)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (status is { } s)
        {
            where.Add("status = @status");
            parameters.Add(("status", WorkTaskStatuses.Text(s)));
        }

        if (owner is not null)
        {
            where.Add("owner = @owner");
            parameters.Add(("owner", owner));
        }

        return ReadTasks($"SELECT {TaskColumns} FROM tasks" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
            " ORDER BY created_at DESC, id DESC", [.. parameters]);
    }

    /// <inheritdoc />
    public WorkTask? Task(long id) => ReadTasks($"SELECT {TaskColumns} FROM tasks WHERE id = @id", ("id", id)).FirstOrDefault();

    /// <inheritdoc />
    public WorkTask? Update(long id, WorkTaskChange change, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var connection = open();
        using var transaction = connection.BeginTransaction();
        var note = string.IsNullOrWhiteSpace(change.Note)
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} {actor}: {change.Note.Trim()}\n");
        var changed = Execute(connection, transaction,
            "UPDATE tasks SET status = COALESCE(@status, status), owner = COALESCE(@owner, owner), notes = notes || @note, " +
            "updated_at = @at WHERE id = @id",
            ("status", change.Status is { } s ? WorkTaskStatuses.Text(s) : null), ("owner", change.Owner), ("note", note),
            ("at", timeValue(at)), ("id", id));
        transaction.Commit();
        return changed == 0 ? null : Task(id);
    }

    /// <inheritdoc />
    public IReadOnlyList<TaskOutcome> Outcomes() =>
    [
        .. ReadTasks($"SELECT {TaskColumns} FROM tasks WHERE status IN ('saved', 'lost') ORDER BY created_at, id")
            .Select(t => new TaskOutcome(t.CustomerId, t.Status == WorkTaskStatus.Lost, t.CreatedAt, t.UpdatedAt, t.Rule)),
    ];

    /// <inheritdoc />
    public void Dispose() => owned?.Dispose();
}
