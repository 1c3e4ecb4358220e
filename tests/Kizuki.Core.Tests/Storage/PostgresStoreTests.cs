using Kizuki.Storage;
using Npgsql;
using static Kizuki.Tests.Storage.StoreSamples;

namespace Kizuki.Tests.Storage;

/// <summary>Runs the store contract on PostgreSQL, each test in a database of its own on the shared cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests : StoreContract
{
    private readonly PostgresCluster cluster;
    private readonly string url;
    private readonly string database;

    public PostgresStoreTests(PostgresCluster cluster)
    {
        this.cluster = cluster;
        url = cluster.CreateDatabase(out database);
    }

    private protected override int LatestVersion => PostgresStore.LatestVersion;

    private protected override IStore OpenUnmigrated() => new PostgresStore(url);

    private protected override IStore Reopen() => Track(new PostgresStore(url));

    private protected override void DisposeDatabase() => cluster.DropDatabase(database);

    [Fact]
    public void Open_Url_ReportsLocationWithoutPassword()
    {
        using var store = StoreFactory.Open("unused", url);

        Assert.Equal(StoreEngine.Postgres, store.Engine);
        Assert.DoesNotContain("unused-secret", store.Location, StringComparison.Ordinal);
        Assert.StartsWith("postgresql://kizuki@127.0.0.1:", store.Location, StringComparison.Ordinal);
        Assert.EndsWith("/" + database, store.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NpgsqlConnectionString_Works()
    {
        var builder = PostgresConnectionString.Parse(url);
        using var store = StoreFactory.Open("unused", $"Host={builder.Host};Port={builder.Port};Username={builder.Username};Database={database}");

        Assert.Equal(PostgresStore.LatestVersion, store.SchemaVersion);
    }

    [Fact]
    public void Store_AmountsAndInstants_UseNativeTypes()
    {
        using var store = StoreFactory.Open("unused", url);
        using (var session = store.BeginImport())
        {
            session.Add(BareOrder("o1", "c1", T0InTokyo, 1234.56m));
            session.Commit();
        }

        using var connection = new NpgsqlConnection(PostgresConnectionString.Parse(url).ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT amount::text, pg_typeof(amount)::text, pg_typeof(ordered_at)::text, ordered_at = '2024-04-01T00:00:00Z' FROM orders",
            connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(("1234.56", "numeric", "timestamp with time zone", true),
            (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
    }
}
