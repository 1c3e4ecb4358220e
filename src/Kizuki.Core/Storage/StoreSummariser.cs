using System.Data.Common;
using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>Counts, time ranges and data-quality findings, computed in SQL that both engines run as written.</summary>
/// <remarks>
/// Every finding is one query that returns the affected ids with a window count, limited to
/// <see cref="ExampleCount"/> rows: the database does the work and only a handful of rows travel.
/// </remarks>
internal sealed class StoreSummariser(IStoreDialect dialect)
{
    /// <summary>How many example ids a finding carries.</summary>
    public const int ExampleCount = 5;

    /// <summary>The content, beyond customer and time, that makes two records of a kind likely duplicates.</summary>
    private static readonly IReadOnlyList<(StoreTable Table, string[] Content)> DuplicateContent =
    [
        (StoreTables.Orders, ["amount", "currency"]),
        (StoreTables.Activities, ["type", "name"]),
        (StoreTables.Surveys, ["kind", "score"]),
        (StoreTables.Touches, ["campaign", "channel"]),
    ];

    /// <summary>How many queries run at once, each on its own connection (readers never block each other).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    public StoreSummary Summarise(DateTimeOffset now)
    {
        var checks = new List<(string Code, EntityKind Kind, string Sql, object? Now)>();
        var eventExists = string.Join(" AND ", new[] { StoreTables.Orders, StoreTables.Activities,
                StoreTables.Subscriptions, StoreTables.Tickets, StoreTables.Surveys }
            .Select(t => $"NOT EXISTS (SELECT 1 FROM {t.Name} e WHERE e.customer_id = c.id)"));
        checks.Add((QualityCodes.CustomersWithoutEvents, EntityKind.Customers, $"SELECT c.id FROM customers c WHERE {eventExists}", null));
        checks.Add((QualityCodes.MissingValues, EntityKind.Customers, """
            SELECT id FROM customers
            WHERE coalesce(name, '') = ''
               OR (coalesce(industry, '') = '' AND coalesce(region, '') = '' AND coalesce(plan, '') = ''
                   AND coalesce(acquisition_channel, '') = '' AND coalesce(company_size, '') = '')
            """, null));

        var nowValue = dialect.TimeValue(now);
        foreach (var table in StoreTables.All.Where(t => t.TimeColumn is not null))
        {
            checks.Add((QualityCodes.EventsInFuture, table.Kind,
                $"SELECT id FROM {table.Name} WHERE {table.TimeColumn} > @now", nowValue));
        }

        foreach (var table in StoreTables.Events)
        {
            checks.Add((QualityCodes.EventsBeforeSignup, table.Kind,
                $"SELECT e.id FROM {table.Name} e JOIN customers c ON c.id = e.customer_id WHERE e.{table.TimeColumn} < c.signup_at", null));
        }

        foreach (var table in StoreTables.Events)
        {
            checks.Add((QualityCodes.UnknownCustomer, table.Kind,
                $"SELECT e.id FROM {table.Name} e WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = e.customer_id)", null));
        }

        // A later copy is a record with an earlier id of the same customer, time and content; the probe walks
        // the (customer_id, time, id) index, which is several times faster than a window over a full sort.
        foreach (var (table, content) in DuplicateContent)
        {
            var same = string.Join(" AND ", content.Select(c => dialect.NullSafeEquals($"b.{c}", $"a.{c}")));
            checks.Add((QualityCodes.LikelyDuplicates, table.Kind, $"""
                SELECT a.id FROM {table.Name} a
                WHERE EXISTS (
                    SELECT 1 FROM {table.Name} b
                    WHERE b.customer_id = a.customer_id AND b.{table.TimeColumn} = a.{table.TimeColumn} AND b.id < a.id
                      AND {same})
                """, null));
        }

        // Each query scans one table; on a large store they take seconds each, so they run side by side.
        // Results are placed by position, so the summary is the same whatever finishes first.
        var entities = new EntitySummary[StoreTables.All.Count];
        var findings = new QualityFinding?[checks.Count];
        var work = Enumerable.Range(0, entities.Length).Select(i => (Entity: true, Index: i))
            .Concat(Enumerable.Range(0, checks.Count).Select(i => (Entity: false, Index: i)));
        Parallel.ForEach(
            work,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            () => dialect.Open(),
            (item, _, connection) =>
            {
                if (item.Entity)
                {
                    entities[item.Index] = Entity(connection, StoreTables.All[item.Index]);
                }
                else
                {
                    var check = checks[item.Index];
                    findings[item.Index] = Finding(connection, check.Code, check.Kind, check.Sql, check.Now);
                }

                return connection;
            },
            connection => connection.Dispose());
        return new StoreSummary(entities, findings.OfType<QualityFinding>().ToList());
    }

    private EntitySummary Entity(DbConnection connection, StoreTable table)
    {
        using var command = connection.CreateCommand();
        var time = table.TimeColumn;
        command.CommandText = time is null
            ? $"SELECT count(*) FROM {table.Name}"
            : $"SELECT count(*), min({time}), max({time}) FROM {table.Name}";
        using var reader = command.ExecuteReader();
        reader.Read();
        var count = reader.GetInt64(0);
        return time is null || count == 0
            ? new EntitySummary(table.Kind, count, null, null)
            : new EntitySummary(table.Kind, count, dialect.ReadTime(reader, 1), dialect.ReadTime(reader, 2));
    }

    private static QualityFinding? Finding(DbConnection connection, string code, EntityKind kind, string idsSql, object? now)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, count(*) OVER () AS affected FROM ({idsSql}) f
            ORDER BY id
            LIMIT {ExampleCount}
            """;
        if (now is not null)
        {
            command.AddParameter("now", now);
        }

        using var reader = command.ExecuteReader();
        long count = 0;
        var examples = new List<string>(ExampleCount);
        while (reader.Read())
        {
            examples.Add(reader.GetString(0));
            count = reader.GetInt64(1);
        }

        return count == 0 ? null : new QualityFinding(code, kind, count, examples);
    }
}
