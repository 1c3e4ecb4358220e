using Npgsql;

namespace Kizuki.Storage;

internal sealed partial class PostgresImportSession
{
    /// <summary>
    /// The statement that moves an append-only staging table into its target; returns the number inserted.
    /// Rows whose key is stored (or staged earlier) are left out.
    /// </summary>
    internal static string AppendSql(StoreTable table, string stage) => $"""
        WITH written AS (
            INSERT INTO {table.Name} ({table.ColumnList()})
            SELECT {table.ColumnList()} FROM {stage}
            ON CONFLICT ({table.Key}) DO NOTHING
            RETURNING 1)
        SELECT count(*), 0::bigint FROM written
        """;

    /// <summary>
    /// The statement that upserts one round of an upserted staging table (the <c>@round</c>-th copy of each id,
    /// in the order added); returns the numbers inserted and updated. Identical rows change nothing.
    /// </summary>
    internal static string UpsertSql(StoreTable table, string stage)
    {
        var values = table.ValueColumns.ToList();
        var set = string.Join(", ", values.Select(c => $"{c} = excluded.{c}"));
        var stored = string.Join(", ", values.Select(c => $"target.{c}"));
        var incoming = string.Join(", ", values.Select(c => $"excluded.{c}"));
        return $"""
            WITH staged AS (
                SELECT {table.ColumnList()}, row_number() OVER (PARTITION BY {table.Key} ORDER BY seq) AS round
                FROM {stage}),
            written AS (
                INSERT INTO {table.Name} AS target ({table.ColumnList()})
                SELECT {table.ColumnList()} FROM staged WHERE round = @round
                ON CONFLICT ({table.Key}) DO UPDATE SET {set}
                WHERE ({stored}) IS DISTINCT FROM ({incoming})
                RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
            """;
    }

    private void Merge(IStaging staging, WriteTally tally)
    {
        var table = staging.Table;
        var rounds = 1L;
        if (table.IsUpserted)
        {
            using var count = new NpgsqlCommand(
                $"SELECT coalesce(max(copies), 0) FROM (SELECT count(*) AS copies FROM {staging.Name} GROUP BY {table.Key}) c",
                connection);
            rounds = (long)count.ExecuteScalar()!;
        }

        long inserted = 0, updated = 0;
        using var merge = new NpgsqlCommand(
            table.IsUpserted ? UpsertSql(table, staging.Name) : AppendSql(table, staging.Name), connection);
        var round = new NpgsqlParameter<long>("round", 1);
        if (table.IsUpserted)
        {
            merge.Parameters.Add(round);
        }

        for (var r = 1L; r <= rounds; r++)
        {
            round.TypedValue = r;
            using var reader = merge.ExecuteReader();
            reader.Read();
            inserted += reader.GetInt64(0);
            updated += reader.GetInt64(1);
        }

        tally.Inserted(table.Kind, inserted);
        tally.Updated(table.Kind, updated);
        tally.Unchanged(table.Kind, staging.Count - inserted - updated);
    }
}
