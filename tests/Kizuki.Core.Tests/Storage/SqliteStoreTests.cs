using Kizuki.Domain;
using Kizuki.Storage;
using Microsoft.Data.Sqlite;
using static Kizuki.Tests.Storage.StoreSamples;

namespace Kizuki.Tests.Storage;

/// <summary>Runs the store contract on SQLite, each test in a temporary directory of its own.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "kizuki-sqlite-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "data", StoreFactory.SqliteFileName);

    private protected override int LatestVersion => SqliteStore.LatestVersion;

    private protected override IStore OpenUnmigrated() => new SqliteStore(DatabasePath);

    private protected override IStore Reopen() => Track(new SqliteStore(DatabasePath));

    private protected override void DisposeDatabase()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Open_NewFile_CreatesDirectoryAndUsesWal()
    {
        using var store = StoreFactory.Open(Path.Combine(directory, "data"));

        Assert.Equal(StoreEngine.Sqlite, store.Engine);
        Assert.Equal(Path.GetFullPath(DatabasePath), store.Location);
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Store_AmountsAndInstants_AreStoredAsTextDecimalsAndUnixMilliseconds()
    {
        using var store = StoreFactory.Open(Path.Combine(directory, "data"));
        using (var session = store.BeginImport())
        {
            session.Add(BareOrder("o1", "c1", T0InTokyo, 1234.56m));
            session.Commit();
        }

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT amount, typeof(amount), ordered_at, status FROM orders";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(("1234.56", "text", T0.ToUnixTimeMilliseconds(), "completed"),
            (reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
    }

    [Fact]
    public void Migrate_DatabaseFromNewerProgram_ThrowsNamingBothVersions()
    {
        using var store = StoreFactory.Open(Path.Combine(directory, "data"));
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations VALUES (99, 0)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(store.Migrate);

        Assert.Contains("v99", error.Message, StringComparison.Ordinal);
        Assert.Equal(99, store.SchemaVersion);
    }

    [Fact]
    public void Migrate_VersionOneDatabase_KeepsActivitiesAndTheirIdempotency()
    {
        var path = Path.Combine(directory, "v1", StoreFactory.SqliteFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT;"
                + SqliteMigrations.All[0].Sql
                + "INSERT INTO schema_migrations VALUES (1, 0);"
                + "INSERT INTO activities VALUES ('a2', 'c1', 2000, 'login', NULL, NULL), ('a1', 'c1', 1000, 'page_view', '/pricing', 3.5);";
            command.ExecuteNonQuery();
        }

        using var store = new SqliteStore(path);
        store.Migrate();

        Assert.Equal(SqliteStore.LatestVersion, store.SchemaVersion);
        Assert.Equal(["a1", "a2"], store.Activities().Select(a => a.Id));
        Assert.Equal("/pricing", store.Activities().First().Name);
        using var session = store.BeginImport();
        session.Add(new Activity("a1", "c1", DateTimeOffset.FromUnixTimeMilliseconds(1000), "page_view", "/pricing", 3.5));
        Assert.Equal(1, session.Commit().Unchanged[EntityKind.Activities]);
    }
}
