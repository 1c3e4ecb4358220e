using Kizuki.Domain;
using Npgsql;

namespace Kizuki.Storage;

/// <summary>One import into the PostgreSQL store: binary COPY into staging tables, merged at commit in one transaction.</summary>
/// <remarks>
/// Rows are buffered per kind and copied in batches of <see cref="FlushRows"/> into temporary staging tables
/// (<c>ON COMMIT DROP</c>), so kinds may be interleaved freely. <see cref="Commit"/> merges each staging table
/// with <c>INSERT ... SELECT ... ON CONFLICT</c>: append-only kinds keep the stored record; upserted kinds
/// replace it only where a column differs, and <c>xmax = 0</c> tells an insert from an update. A record added
/// several times in one session is applied in order (first copies, then second copies, ...), exactly as the
/// SQLite store applies rows one by one. Not thread-safe: one session is fed by one thread.
/// </remarks>
internal sealed partial class PostgresImportSession : IImportSession
{
    /// <summary>Rows buffered per kind before they are copied to the server.</summary>
    public const int FlushRows = 20_000;

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly Staging<Customer> customers = new(StoreTables.Customers, WriteCustomer);
    private readonly Staging<Order> orders = new(StoreTables.Orders, WriteOrder);
    private readonly Staging<StagedLine> lines = new(StoreTables.OrderLines, WriteLine);
    private readonly Staging<Subscription> subscriptions = new(StoreTables.Subscriptions, WriteSubscription);
    private readonly Staging<Activity> activities = new(StoreTables.Activities, WriteActivity);
    private readonly Staging<Ticket> tickets = new(StoreTables.Tickets, WriteTicket);
    private readonly Staging<SurveyResponse> surveys = new(StoreTables.Surveys, WriteSurvey);
    private readonly Staging<Touch> touches = new(StoreTables.Touches, WriteTouch);
    private readonly Staging<ChurnEvent> churnEvents = new(StoreTables.ChurnEvents, WriteChurnEvent);
    private bool finished;

    /// <summary>Starts the session's transaction on <paramref name="connection"/>, which the session then owns.</summary>
    public PostgresImportSession(NpgsqlConnection connection)
    {
        this.connection = connection;
        transaction = connection.BeginTransaction();
    }

    private IEnumerable<IStaging> Stagings =>
        [customers, orders, lines, subscriptions, activities, tickets, surveys, touches, churnEvents];

    /// <inheritdoc />
    public void Add(Customer customer) => Stage(customers, customer);

    /// <inheritdoc />
    public void Add(Order order)
    {
        Stage(orders, order);
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
        Stage(lines, new StagedLine(orderId, lineNumber, line));
    }

    /// <inheritdoc />
    public void Add(Subscription subscription) => Stage(subscriptions, subscription);

    /// <inheritdoc />
    public void Add(Activity activity) => Stage(activities, activity);

    /// <inheritdoc />
    public void Add(Ticket ticket) => Stage(tickets, ticket);

    /// <inheritdoc />
    public void Add(SurveyResponse response) => Stage(surveys, response);

    /// <inheritdoc />
    public void Add(Touch touch) => Stage(touches, touch);

    /// <inheritdoc />
    public void Add(ChurnEvent churnEvent) => Stage(churnEvents, churnEvent);

    /// <inheritdoc />
    public WriteCounts Commit()
    {
        EnsureOpen();
        var tally = new WriteTally();
        foreach (var staging in Stagings)
        {
            staging.Flush(connection);
            if (staging.Count > 0)
            {
                Merge(staging, tally);
            }
        }

        transaction.Commit();
        finished = true;
        return tally.ToCounts();
    }

    /// <summary>Rolls back unless committed (which also drops the staging tables), and releases the connection.</summary>
    public void Dispose()
    {
        finished = true;
        transaction.Dispose();
        connection.Dispose();
    }

    private void Stage<T>(Staging<T> staging, T row)
    {
        ArgumentNullException.ThrowIfNull(row);
        EnsureOpen();
        if (staging.Add(row) >= FlushRows)
        {
            staging.Flush(connection);
        }
    }

    private void EnsureOpen()
    {
        if (finished)
        {
            throw new InvalidOperationException(
                "この取り込みセッションは既に確定または破棄されています。 / This import session has already been committed or disposed.");
        }
    }

    /// <summary>An order line with the key it is stored under.</summary>
    private sealed record StagedLine(string OrderId, int LineNumber, OrderLine Line);
}
