using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>
/// What the SQL stores share: reads and summaries are written once against <see cref="IStoreDialect"/>;
/// each engine supplies its connections, migrations and import sessions.
/// </summary>
internal abstract class RelationalStore : IStore
{
    private StoreReads? reads;
    private StoreSummariser? summariser;
    private StoreScores? scores;

    /// <inheritdoc />
    public abstract StoreEngine Engine { get; }

    /// <inheritdoc />
    public abstract string Location { get; }

    /// <inheritdoc />
    public abstract int SchemaVersion { get; }

    private StoreReads Reads => reads ?? throw new InvalidOperationException("the store's dialect was not set");

    /// <inheritdoc />
    public abstract void Migrate();

    /// <inheritdoc />
    public abstract IImportSession BeginImport();

    /// <inheritdoc />
    public IEnumerable<Customer> Customers(string? customerId = null) => Reads.Customers(customerId);

    /// <inheritdoc />
    public IEnumerable<Order> Orders(string? customerId = null) => Reads.Orders(customerId);

    /// <inheritdoc />
    public IEnumerable<Subscription> Subscriptions(string? customerId = null) => Reads.Subscriptions(customerId);

    /// <inheritdoc />
    public IEnumerable<Activity> Activities(string? customerId = null) => Reads.Activities(customerId);

    /// <inheritdoc />
    public IEnumerable<Ticket> Tickets(string? customerId = null) => Reads.Tickets(customerId);

    /// <inheritdoc />
    public IEnumerable<SurveyResponse> Surveys(string? customerId = null) => Reads.Surveys(customerId);

    /// <inheritdoc />
    public IEnumerable<Touch> Touches(string? customerId = null) => Reads.Touches(customerId);

    /// <inheritdoc />
    public IEnumerable<ChurnEvent> ChurnEvents(string? customerId = null) => Reads.ChurnEvents(customerId);

    /// <inheritdoc />
    public void SaveScores(IReadOnlyList<StoredScore> scores) =>
        (this.scores ?? throw new InvalidOperationException("the store's dialect was not set")).Save(scores);

    /// <inheritdoc />
    public IEnumerable<StoredScore> Scores(DateTimeOffset? asOf = null, string? customerId = null) =>
        (scores ?? throw new InvalidOperationException("the store's dialect was not set")).Read(asOf, customerId);

    /// <inheritdoc />
    public StoreSummary Summarise(DateTimeOffset now) =>
        (summariser ?? throw new InvalidOperationException("the store's dialect was not set")).Summarise(now);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the engine's connections.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Sets the dialect reads and summaries run through; called once by the engine's constructor.</summary>
    protected void UseDialect(IStoreDialect dialect)
    {
        reads = new StoreReads(dialect);
        summariser = new StoreSummariser(dialect);
        scores = new StoreScores(dialect);
    }
}
