using Kizuki.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuki.Tests.Storage;

/// <summary>Migration 8 of the SQLite store: the scores of a version-7 store survive the move to a rowid table.</summary>
public sealed class SqliteScoresMigrationTests : IDisposable
{
    private const int ScoresAsRowidTable = 8;

    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 15, 0, 0, TimeSpan.Zero);

    private readonly string directory = Directory.CreateTempSubdirectory("kizuki-scores-migration-").FullName;

    private string DatabasePath => Path.Combine(directory, StoreFactory.SqliteFileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static StoredScore Score(string customerId, DateTimeOffset asOf, int version, double probability, string? reasons) => new(
        customerId,
        asOf,
        version,
        probability,
        probability >= 0.5 ? RiskBand.High : RiskBand.Low,
        1234.5m,
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["days_since_last_order"] = probability * 100,
            ["plan"] = "プロ",
            ["nps_last"] = null,
        },
        AsOf.AddDays(2))
    {
        Reasons = reasons,
    };

    /// <summary>An empty store at <paramref name="version"/>, as a program of that version left it.</summary>
    private SqliteStore StoreAt(int version)
    {
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT;"
                + string.Concat(SqliteMigrations.All.Where(m => m.Version <= version)
                    .Select(m => m.Sql + FormattableString.Invariant($";\nINSERT INTO schema_migrations VALUES ({m.Version}, 0);\n")));
            command.ExecuteNonQuery();
        }

        return new SqliteStore(DatabasePath);
    }

    private static List<StoredScore> VersionSevenScores() =>
    [
        Score("c2", AsOf, 1, 0.75, """{"raising":[],"lowering":[],"action":null}"""),
        Score("c1", AsOf.AddDays(1), 1, 0.125, null),
        Score("c1", AsOf, 2, 0.5, """{"raising":[{"group":"logins","feature":"login_trend","log_odds":0.5,"probability_points":18,"ja":"ログインが減少","en":"Logins fell"}],"lowering":[],"action":null}"""),
        Score("c1", AsOf, 1, 0.25, null),
    ];

    private static void AssertSame(IReadOnlyList<StoredScore> expected, IReadOnlyList<StoredScore> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal((e.CustomerId, e.AsOf, e.ModelVersion, e.Probability, e.Band, e.RevenueAtRisk, e.ScoredAt, e.Reasons),
                (a.CustomerId, a.AsOf, a.ModelVersion, a.Probability, a.Band, a.RevenueAtRisk, a.ScoredAt, a.Reasons));
            Assert.Equal(e.Features.OrderBy(f => f.Key, StringComparer.Ordinal), a.Features.OrderBy(f => f.Key, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Migrate_VersionSevenStoreWithScores_ReadsBackTheSameScores()
    {
        using var store = StoreAt(ScoresAsRowidTable - 1);
        store.SaveScores(VersionSevenScores());
        var before = store.Scores().ToList();

        store.Migrate();

        Assert.Equal(SqliteStore.LatestVersion, store.SchemaVersion);
        Assert.Equal(4, before.Count);
        AssertSame(before, store.Scores().ToList());
        AssertSame([.. before.Where(s => s.AsOf == AsOf)], store.Scores(asOf: AsOf).ToList());
        AssertSame([.. before.Where(s => s.CustomerId == "c1")], store.Scores(customerId: "c1").ToList());
    }

    [Fact]
    public void SaveScores_SameKeyAfterMigration_ReplacesTheStoredScore()
    {
        using var store = StoreAt(ScoresAsRowidTable - 1);
        store.SaveScores(VersionSevenScores());
        store.Migrate();

        store.SaveScores([Score("c1", AsOf, 1, 0.875, """{"raising":[],"lowering":[],"action":null}"""), Score("c3", AsOf, 1, 0.5, null)]);
        store.SaveScores([Score("c2", AsOf, 1, 0.0625, null)]);

        var read = store.Scores(asOf: AsOf).ToList();
        Assert.Equal([("c1", 1, 0.875), ("c1", 2, 0.5), ("c2", 1, 0.0625), ("c3", 1, 0.5)],
            read.Select(s => (s.CustomerId, s.ModelVersion, s.Probability)));
        Assert.Equal("""{"raising":[],"lowering":[],"action":null}""", read[0].Reasons);
        Assert.Null(read[2].Reasons);
        Assert.Equal(5, store.Scores().Count());
    }

    [Fact]
    public void Migrate_VersionSevenStore_KeepsScoresStrictAndTheirKeyUnique()
    {
        using (var store = StoreAt(ScoresAsRowidTable - 1))
        {
            store.SaveScores(VersionSevenScores());
            store.Migrate();
        }

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO scores (customer_id, as_of, model_version, probability, band, revenue_at_risk, features, scored_at) "
            + "VALUES ('c9', 'yesterday', 1, 0.5, 'low', '0', '{}', 0)";
        Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        command.CommandText = "INSERT INTO scores (customer_id, as_of, model_version, probability, band, revenue_at_risk, features, scored_at) "
            + FormattableString.Invariant($"VALUES ('c1', {AsOf.ToUnixTimeMilliseconds()}, 1, 0.5, 'low', '0', '{{}}', 0)");
        var duplicate = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        Assert.Contains("UNIQUE", duplicate.Message, StringComparison.Ordinal);
    }
}
