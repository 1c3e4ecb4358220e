using Kizuki.Storage;

namespace Kizuki.Tests.Storage;

/// <summary>Runs the account store contract on SQLite, each test in a temporary directory of its own.</summary>
public sealed class SqliteAccountStoreTests : AccountStoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "kizuki-accounts-" + Guid.NewGuid().ToString("N"));

    private protected override (IStore Store, IAccountStore Accounts) Open()
    {
        var store = StoreFactory.Open(directory);
        return (store, AccountStores.For(store));
    }

    private protected override void DisposeDatabase()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
