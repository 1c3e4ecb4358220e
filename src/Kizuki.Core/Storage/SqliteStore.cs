using System.Data.Common;
using Kizuki.Domain;
using Microsoft.Data.Sqlite;

namespace Kizuki.Storage;

/// <summary>The embedded store: one SQLite file in the data directory.</summary>
/// <remarks>
/// The file runs in WAL mode with <c>synchronous=NORMAL</c>: readers never block the writer, a committed
/// import survives a process crash, and a crash mid-import leaves nothing of it (the uncommitted
/// transaction is discarded on the next open). Each operation takes a pooled connection of its own.
/// </remarks>
internal sealed class SqliteStore : RelationalStore
{
    /// <summary>How long a connection waits for another writer before failing: 30 seconds.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>Page cache per connection in KiB: 64 MiB keeps the indexes of a large import in memory.</summary>
    public const int CacheKibibytes = 65_536;

    private readonly string connectionString;
    private readonly TimeProvider clock;
    private bool disposed;

    /// <summary>Opens (creating if needed) the SQLite file at <paramref name="path"/>; call <see cref="Migrate"/> before use.</summary>
    /// <param name="path">The database file; its directory is created when missing.</param>
    /// <param name="timeProvider">Clock for the migration history; the system clock by default.</param>
    public SqliteStore(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Location = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(Location);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Location,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        clock = timeProvider ?? TimeProvider.System;
        var dialect = new SqliteDialect(this);
        UseDialect(dialect);
    }

    /// <inheritdoc />
    public override StoreEngine Engine => StoreEngine.Sqlite;

    /// <inheritdoc />
    public override string Location { get; }

    /// <inheritdoc />
    public override int SchemaVersion
    {
        get
        {
            using var connection = Open();
            return ReadVersion(connection, null);
        }
    }

    /// <summary>The schema version this program creates.</summary>
    public static int LatestVersion => SqliteMigrations.All[^1].Version;

    /// <inheritdoc />
    public override void Migrate()
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER NOT NULL PRIMARY KEY,
                applied_at INTEGER NOT NULL
            ) STRICT
            """);
        var current = ReadVersion(connection, transaction);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"データベース {Location} のスキーマ (v{current}) はこのプログラム (v{LatestVersion}) より新しいです。Kizuki を更新してください。 / " +
                $"The database {Location} is at schema v{current}, newer than this program (v{LatestVersion}); update Kizuki.");
        }

        foreach (var migration in SqliteMigrations.All.Where(m => m.Version > current))
        {
            Execute(connection, transaction, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)";
            record.Parameters.AddWithValue("@version", migration.Version);
            record.Parameters.AddWithValue("@at", StoreValues.ToUnixMilliseconds(clock.GetUtcNow()));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public override IImportSession BeginImport()
    {
        var connection = Open();
        try
        {
            return new SqliteImportSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Releases the pooled connections, so the file is closed once every reader has finished.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Opens a pooled connection with the store's settings applied.</summary>
    internal SqliteConnection Open()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, null, $"""
                PRAGMA busy_timeout = {BusyTimeoutMilliseconds};
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA cache_size = -{CacheKibibytes};
                PRAGMA temp_store = MEMORY;
                """);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class SqliteDialect(SqliteStore store) : IStoreDialect
    {
        public DbConnection Open() => store.Open();

        public string NullSafeEquals(string left, string right) => $"{left} IS {right}";

        public object TimeValue(DateTimeOffset instant) => StoreValues.ToUnixMilliseconds(instant);

        public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
            StoreValues.FromUnixMilliseconds(reader.GetInt64(ordinal));

        public decimal ReadDecimal(DbDataReader reader, int ordinal) => StoreValues.ParseDecimal(reader.GetString(ordinal));

        public object DecimalValue(decimal value) => StoreValues.ToText(value);

        public string JsonParameter(string parameter) => parameter;
    }
}
