using Microsoft.Data.Sqlite;

namespace Kizuki.Storage;

/// <summary>
/// The SQLite store's data generation: a counter and a random stamp that every committed import changes, in the same
/// transaction as the records it writes.
/// </summary>
/// <remarks>
/// Files derived from the store (the batch reader's activity snapshot) record the stamp they were built at and are
/// trusted only while the store still carries it, so the store stays the single source of truth. The stamp is random
/// rather than the counter alone so that a store re-created in the same place, or restored from a copy and written
/// again, never matches a snapshot of other data. Every record write goes through an import session (files, the demo,
/// the live intake), whose commit changes the generation; a trigger per row would cost an import about half again.
/// </remarks>
internal static class SqliteDataGeneration
{
    /// <summary>The schema version of the step that adds the generation.</summary>
    public const int Version = 7;

    /// <summary>The migration step that adds the generation table with its one row.</summary>
    public static readonly SchemaMigration Migration = new(Version,
        "Data generation: a counter and random stamp changed by every committed import, so derived files know when they are stale", """
        CREATE TABLE data_generation (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            generation INTEGER NOT NULL,
            stamp BLOB NOT NULL
        ) STRICT;
        INSERT INTO data_generation (id, generation, stamp) VALUES (1, 0, randomblob(16));
        """);

    /// <summary>The statement that moves the store to its next generation.</summary>
    public const string BumpSql = "UPDATE data_generation SET generation = generation + 1, stamp = randomblob(16) WHERE id = 1";

    /// <summary>The statement that reads the current stamp (16 bytes).</summary>
    public const string StampSql = "SELECT stamp FROM data_generation WHERE id = 1";

    /// <summary>Moves the store to its next generation inside <paramref name="transaction"/> (call it just before committing an import).</summary>
    public static void Bump(SqliteConnection connection, SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BumpSql;
        command.ExecuteNonQuery();
    }
}
