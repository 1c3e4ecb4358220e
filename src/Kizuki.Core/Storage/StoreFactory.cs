namespace Kizuki.Storage;

/// <summary>Opens the store a data directory or a database URL names.</summary>
public static class StoreFactory
{
    /// <summary>The embedded database file name inside a data directory.</summary>
    public const string SqliteFileName = "kizuki.db";

    /// <summary>
    /// Opens and migrates a store: PostgreSQL when <paramref name="databaseUrl"/> is a <c>postgres://</c>
    /// or <c>postgresql://</c> URL (or an Npgsql connection string starting with <c>Host=</c>),
    /// otherwise the SQLite file in <paramref name="dataDirectory"/>.
    /// </summary>
    public static IStore Open(string dataDirectory, string? databaseUrl = null)
    {
        IStore store = string.IsNullOrWhiteSpace(databaseUrl)
            ? new SqliteStore(Path.Combine(dataDirectory, SqliteFileName))
            : new PostgresStore(databaseUrl);
        try
        {
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
