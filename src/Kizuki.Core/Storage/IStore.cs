using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>Where Kizuki keeps its data: the embedded SQLite file or a PostgreSQL database.</summary>
/// <remarks>
/// Both implementations pass one contract-test suite, so everything above this interface behaves
/// the same on either. Reads stream their rows and are ordered (by customer id, then time, then id),
/// so batch feature evaluation can walk one customer at a time without holding the store in memory.
/// Writes go through an <see cref="IImportSession"/>, which is one transaction: all or nothing.
/// </remarks>
public interface IStore : IDisposable
{
    /// <summary>Which engine this is.</summary>
    StoreEngine Engine { get; }

    /// <summary>Where the data lives, safe to print (no password).</summary>
    string Location { get; }

    /// <summary>The schema version the database is at.</summary>
    int SchemaVersion { get; }

    /// <summary>Applies pending schema migrations; does nothing when the schema is current.</summary>
    void Migrate();

    /// <summary>Starts an atomic, idempotent write. Nothing is visible to readers until <see cref="IImportSession.Commit"/>.</summary>
    IImportSession BeginImport();

    /// <summary>Customers ordered by id; one customer when <paramref name="customerId"/> is given.</summary>
    IEnumerable<Customer> Customers(string? customerId = null);

    /// <summary>Orders with their lines, ordered by customer, time and id.</summary>
    IEnumerable<Order> Orders(string? customerId = null);

    /// <summary>Subscriptions ordered by customer, start and id.</summary>
    IEnumerable<Subscription> Subscriptions(string? customerId = null);

    /// <summary>Activities ordered by customer, time and id.</summary>
    IEnumerable<Activity> Activities(string? customerId = null);

    /// <summary>Tickets ordered by customer, opening time and id.</summary>
    IEnumerable<Ticket> Tickets(string? customerId = null);

    /// <summary>Survey responses ordered by customer, time and id.</summary>
    IEnumerable<SurveyResponse> Surveys(string? customerId = null);

    /// <summary>Touches ordered by customer, time and id.</summary>
    IEnumerable<Touch> Touches(string? customerId = null);

    /// <summary>Churn events ordered by customer, time and id.</summary>
    IEnumerable<ChurnEvent> ChurnEvents(string? customerId = null);

    /// <summary>Stores churn scores in one transaction; a score for the same customer, as-of instant and model version replaces the earlier one.</summary>
    void SaveScores(IReadOnlyList<StoredScore> scores);

    /// <summary>Stored scores ordered by customer id, then as-of instant (then model version); filtered when an argument is given.</summary>
    IEnumerable<StoredScore> Scores(DateTimeOffset? asOf = null, string? customerId = null);

    /// <summary>Counts, date ranges and data-quality findings, judged against <paramref name="now"/>.</summary>
    StoreSummary Summarise(DateTimeOffset now);
}

/// <summary>The database engines Kizuki runs on.</summary>
public enum StoreEngine
{
    /// <summary>The embedded default: one SQLite file in the data directory.</summary>
    Sqlite,
    /// <summary>A PostgreSQL server.</summary>
    Postgres,
}
