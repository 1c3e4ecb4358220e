using System.Data.Common;
using Kizuki.Domain;
using Npgsql;

namespace Kizuki.Storage;

/// <summary>The server store: a PostgreSQL database.</summary>
/// <remarks>
/// Imports stream rows by binary COPY into temporary staging tables and merge them at commit with
/// <c>INSERT ... SELECT ... ON CONFLICT</c>, all in one transaction. Migrations take an advisory lock,
/// so several processes starting at once apply each step exactly once.
/// </remarks>
internal sealed class PostgresStore : RelationalStore
{
    /// <summary>The advisory lock key that serialises migrations ("KIZUKI" in ASCII).</summary>
    private const long MigrationLock = 0x4B495A554B49;

    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider clock;

    /// <summary>Connects to the database a URL or connection string names; call <see cref="Migrate"/> before use.</summary>
    /// <param name="databaseUrl"><c>postgres://user:pass@host:port/db</c>, <c>postgresql://...</c> or <c>Host=...;...</c>.</param>
    /// <param name="timeProvider">Clock for the migration history; the system clock by default.</param>
    public PostgresStore(string databaseUrl, TimeProvider? timeProvider = null)
    {
        var builder = PostgresConnectionString.Parse(databaseUrl);
        Location = PostgresConnectionString.Describe(builder);
        dataSource = NpgsqlDataSource.Create(builder);
        clock = timeProvider ?? TimeProvider.System;
        var dialect = new PostgresDialect(dataSource);
        UseDialect(dialect);
    }

    /// <inheritdoc />
    public override StoreEngine Engine => StoreEngine.Postgres;

    /// <inheritdoc />
    public override string Location { get; }

    /// <summary>The schema version this program creates.</summary>
    public static int LatestVersion => PostgresMigrations.All[^1].Version;

    /// <inheritdoc />
    public override int SchemaVersion
    {
        get
        {
            using var connection = dataSource.OpenConnection();
            return ReadVersion(connection, null);
        }
    }

    /// <inheritdoc />
    public override void Migrate()
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"""
            SELECT pg_advisory_xact_lock({MigrationLock});
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer NOT NULL PRIMARY KEY,
                applied_at timestamptz NOT NULL
            );
            """);
        var current = ReadVersion(connection, transaction);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"データベース {Location} のスキーマ (v{current}) はこのプログラム (v{LatestVersion}) より新しいです。Kizuki を更新してください。 / " +
                $"The database {Location} is at schema v{current}, newer than this program (v{LatestVersion}); update Kizuki.");
        }

        foreach (var migration in PostgresMigrations.All.Where(m => m.Version > current))
        {
            Execute(connection, transaction, migration.Sql);
            using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at)", connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("at", StoreValues.ToUtcMilliseconds(clock.GetUtcNow()));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public override IImportSession BeginImport()
    {
        var connection = dataSource.OpenConnection();
        try
        {
            return new PostgresImportSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Closes the connection pool.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            dataSource.Dispose();
        }
    }

    private static int ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        using var command = new NpgsqlCommand(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", connection, transaction);
        if (command.ExecuteScalar() is not true)
        {
            return 0;
        }

        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return (int)command.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private sealed class PostgresDialect(NpgsqlDataSource dataSource) : IStoreDialect
    {
        public DbConnection Open() => dataSource.OpenConnection();

        public string NullSafeEquals(string left, string right) => $"{left} IS NOT DISTINCT FROM {right}";

        public object TimeValue(DateTimeOffset instant) => StoreValues.ToUtcMilliseconds(instant);

        public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
            new(reader.GetFieldValue<DateTime>(ordinal), TimeSpan.Zero);

        public decimal ReadDecimal(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal);

        public object DecimalValue(decimal value) => value;

        public string JsonParameter(string parameter) => parameter + "::jsonb";
    }
}
