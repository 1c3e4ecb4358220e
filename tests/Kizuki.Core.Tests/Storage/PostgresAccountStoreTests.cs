using Kizuki.Storage;

namespace Kizuki.Tests.Storage;

/// <summary>Runs the account store contract on PostgreSQL, each test in a database of its own on the shared cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountStoreTests(PostgresCluster cluster) : AccountStoreContract
{
    private string? database;

    private protected override (IStore Store, IAccountStore Accounts) Open()
    {
        var url = cluster.CreateDatabase(out var name);
        database = name;
        var store = StoreFactory.Open("unused", url);
        return (store, AccountStores.For(store, url));
    }

    private protected override void DisposeDatabase()
    {
        if (database is not null)
        {
            cluster.DropDatabase(database);
        }
    }

    [Fact]
    public void For_PostgresStoreWithoutUrl_ThrowsNamingTheUrl()
    {
        var url = cluster.CreateDatabase(out var name);
        database = name;
        using var store = StoreFactory.Open("unused", url);

        var error = Assert.Throws<ArgumentException>(() => AccountStores.For(store));

        Assert.Equal("databaseUrl", error.ParamName);
    }
}
