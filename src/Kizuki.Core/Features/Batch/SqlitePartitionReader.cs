using System.Text;
using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Features.Batch;

/// <summary>
/// Reads the histories of one range of customer ids straight from the SQLite file: one query per table selecting only
/// the columns features need, ordered by (customer, time, id) along the tables' indexes, merged by customer id.
/// </summary>
/// <remarks>
/// Rows are read through SQLitePCLRaw: customer ids are compared as bytes and activity types and names are looked up
/// by their bytes, so a row costs no allocation. Every other record goes through <see cref="HistoryBuilder"/> as a
/// domain record holding the fields the builder reads. One reader = one connection = one thread. Given an
/// <see cref="ActivitySnapshot"/> of the store's current generation, the activities (nine events in ten on demo data)
/// come from it instead of the activities table.
/// </remarks>
internal sealed partial class SqlitePartitionReader : IDisposable
{
    private readonly RawConnection _connection;
    private readonly RawStatement _customers;
    private readonly RawStatement _orders;
    private readonly RawStatement _subscriptions;
    private readonly RawStatement? _activities;
    private readonly ActivitySnapshotCursor? _snapshot;
    private readonly long _until;
    private readonly RawStatement _tickets;
    private readonly RawStatement _surveys;
    private readonly RawStatement _touches;
    private readonly RawStatement _churnEvents;
    private readonly ActivityTemplates _templates;
    private byte[] _id = new byte[64];

    /// <summary>Opens the file read-only and starts the queries for customers in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="builder">The one record-to-event conversion.</param>
    /// <param name="from">First customer id of the range (inclusive); null for no lower bound.</param>
    /// <param name="to">End of the range (exclusive); null for no upper bound.</param>
    /// <param name="until">Only events strictly before this instant (ms) are read.</param>
    /// <param name="memoryMapBytes">How much of the file to map into memory.</param>
    /// <param name="snapshot">The store's activities at its current generation, read instead of the activities table; null to read the table.</param>
    public SqlitePartitionReader(string path, HistoryBuilder builder, string? from, string? to, long until, long memoryMapBytes,
        ActivitySnapshot? snapshot = null)
    {
        _templates = new ActivityTemplates(builder);
        _until = until;
        _snapshot = snapshot is null ? null : new ActivitySnapshotCursor(snapshot, builder, from);
        _connection = RawConnection.OpenReadOnly(path, memoryMapBytes);
        var statements = new List<RawStatement>();
        try
        {
            var db = _connection.Handle;
            RawStatement Start(string sql)
            {
                var statement = new RawStatement(db, sql);
                statements.Add(statement);
                statement.Bind("@from", from);
                statement.Bind("@to", to);
                statement.Bind("@until", until);
                statement.Step();
                return statement;
            }

            _customers = Start(CustomerQuery(from, to));
            _orders = Start(EventQuery("orders", "ordered_at", "amount, status, is_recurring, currency", from, to));
            _subscriptions = Start(EventQuery("subscriptions", "started_at",
                "ended_at, amount, currency, billing_cycle_months, seats, plan", from, to));
            _activities = snapshot is null ? Start(EventQuery("activities", "occurred_at", "type, name, quantity", from, to)) : null;
            _tickets = Start(EventQuery("tickets", "opened_at", "closed_at, satisfaction", from, to));
            _surveys = Start(EventQuery("surveys", "responded_at", "kind, score", from, to));
            _touches = Start(EventQuery("touches", "touched_at", "is_control", from, to));
            _churnEvents = Start(EventQuery("churn_events", "occurred_at", "", from, to));
        }
        catch
        {
            statements.ForEach(s => s.Dispose());
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether one history object is cleared and refilled for every customer (see <see cref="HistoryReadOptions.ReuseHistory"/>).</summary>
    public bool ReuseHistory { get; init; }

    private CustomerHistory? _reused;

    /// <summary>The histories of the range, in customer id order.</summary>
    public IEnumerable<CustomerHistory> Read()
    {
        while (ReadNext() is { } history)
        {
            yield return history;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var statement in new[] { _customers, _orders, _subscriptions, _activities, _tickets, _surveys, _touches, _churnEvents })
        {
            statement?.Dispose();
        }

        _connection.Dispose();
    }

    private CustomerHistory? ReadNext()
    {
        if (!_customers.HasRow)
        {
            return null;
        }

        var idBytes = _customers.Bytes(0);
        if (idBytes.Length > _id.Length)
        {
            _id = new byte[idBytes.Length * 2];
        }

        idBytes.CopyTo(_id);
        var id = _id.AsSpan(0, idBytes.Length);
        var customerId = Encoding.UTF8.GetString(id);
        CustomerHistory history;
        if (ReuseHistory)
        {
            history = _reused ??= new CustomerHistory(customerId);
            history.Reset(customerId);
        }
        else
        {
            history = new CustomerHistory(customerId);
        }

        HistoryBuilder.Add(history, ReadCustomer(history.CustomerId));
        _customers.Step();

        AddOrders(history, id);
        AddSubscriptions(history, id);
        AddActivities(history, id);
        AddTickets(history, id);
        AddSurveys(history, id);
        while (_touches.SeekCustomer(id))
        {
            history.Touches.Add(new TouchEvent(_touches.Int64(1), _touches.Int64(2) != 0));
            _touches.Step();
        }

        while (_churnEvents.SeekCustomer(id))
        {
            HistoryBuilder.Add(history, new ChurnEvent("", history.CustomerId, Millis.ToInstant(_churnEvents.Int64(1)), null, null));
            _churnEvents.Step();
        }

        return history;
    }

    private static string CustomerQuery(string? from, string? to) =>
        "SELECT id, name, signup_at, industry, region, plan, acquisition_channel, company_size, attributes FROM customers"
        + Range("id", from, to, "WHERE") + " ORDER BY id";

    private static string EventQuery(string table, string time, string columns, string? from, string? to) =>
        $"SELECT customer_id, {time}{(columns.Length > 0 ? ", " + columns : "")} FROM {table} WHERE {time} < @until"
        + Range("customer_id", from, to, "AND") + $" ORDER BY customer_id, {time}, id";

    private static string Range(string column, string? from, string? to, string join) =>
        (from, to) switch
        {
            (null, null) => "",
            (_, null) => $" {join} {column} >= @from",
            (null, _) => $" {join} {column} < @to",
            _ => $" {join} {column} >= @from AND {column} < @to",
        };
}
