using System.Globalization;
using System.Text;
using Kizuki.Demo;
using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.LiveScoring;
using Kizuki.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuki.Tests.LiveScoring;

/// <summary>
/// The embedded store's single-transaction live path: its rows equal an import's, every commit changes the data generation,
/// a rolled-back group leaves nothing, and a foreign ledger still decides what is new.
/// </summary>
public sealed class LiveGroupCommitTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("kizuki-livecommit-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private SqliteStore NewStore(string name)
    {
        var store = new SqliteStore(Path.Combine(directory, name, "kizuki.db"));
        store.Migrate();
        return store;
    }

    private static Activity Login(string id, string customer, DateTimeOffset at) => new(id, customer, at, ActivityTypes.Login, null, null);

    [Fact]
    public void Add_EveryKind_StoresTheRowsAnImportStores()
    {
        using var imported = NewStore("import");
        using (var session = imported.BeginImport())
        {
            DemoGenerator.Generate(new DemoOptions { Customers = 100, Seed = 11 }, session, Path.Combine(directory, "truth"));
            session.Commit();
        }

        var touch = new Touch("t1", imported.Customers().First().Id, T0, "春の再訪", "email", IsControl: true);
        using (var session = imported.BeginImport())
        {
            session.Add(touch);
            session.Commit();
        }

        using var live = NewStore("live");
        using (var writes = new SqliteLiveWrites(live))
        {
            writes.Begin();
            var changed = imported.Customers().Sum(writes.Add) + imported.Subscriptions().Sum(writes.Add) + imported.Orders().Sum(writes.Add)
                + imported.Activities().Sum(writes.Add) + imported.Tickets().Sum(writes.Add) + imported.Surveys().Sum(writes.Add)
                + imported.Touches().Sum(writes.Add) + imported.ChurnEvents().Sum(writes.Add);
            writes.Commit();
            Assert.True(changed > 100, $"only {changed} rows were written");
        }

        foreach (var table in StoreTables.All)
        {
            Assert.Equal(Dump(imported, table), Dump(live, table));
        }
    }

    [Fact]
    public void Add_StoredOrRepeatedId_ReportsNoChange()
    {
        using var store = NewStore("repeat");
        using var writes = new SqliteLiveWrites(store);
        writes.Begin();
        var first = writes.Add(Login("a1", "c1", T0));
        var again = writes.Add(Login("a1", "c1", T0.AddDays(1)));
        writes.Commit();
        writes.Begin();
        var later = writes.Add(Login("a1", "c1", T0));
        writes.Commit();

        Assert.Equal((1, 0, 0), (first, again, later));
        Assert.Equal(T0, Assert.Single(store.Activities("c1")).OccurredAt);
    }

    [Fact]
    public void Commit_EachGroup_ChangesTheDataGenerationAndRollbackLeavesNothing()
    {
        using var store = NewStore("generation");
        var (generation, stamp) = Generation(store);
        using (var writes = new SqliteLiveWrites(store))
        {
            writes.Begin();
            writes.Add(Login("a1", "c1", T0));
            writes.Commit();
            writes.Begin();
            writes.Add(Login("a2", "c1", T0));
            writes.Commit();
            writes.Begin();
            writes.Add(Login("a3", "c1", T0));
            writes.Rollback();
            writes.Begin();
            writes.Add(Login("a4", "c1", T0));
        }

        var (after, stampAfter) = Generation(store);
        Assert.Equal(generation + 2, after);
        Assert.NotEqual(stamp, stampAfter);
        Assert.Equal(["a1", "a2"], store.Activities("c1").Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Commit_ManyGroups_CheckpointsTheLogInTheBackground()
    {
        using var store = NewStore("checkpoint");
        using var writes = new SqliteLiveWrites(store);
        for (var i = 0; i < SqliteLiveWrites.CheckpointEvery; i++)
        {
            writes.Begin();
            writes.Add(Login("a" + i.ToString(CultureInfo.InvariantCulture), "c1", T0));
            writes.Commit();
        }

        Assert.True(SpinWait.SpinUntil(() => writes.Checkpoints >= 1, TimeSpan.FromSeconds(30)), writes.CheckpointError ?? "no checkpoint ran");
        Assert.Null(writes.CheckpointError);
        Assert.Equal(SqliteLiveWrites.CheckpointEvery, store.Activities("c1").Count());
    }

    [Fact]
    public async Task SubmitAsync_EmbeddedStore_CommitsEventsInOneTransactionPerGroupAndChangesTheGeneration()
    {
        using var store = NewStore("pipeline");
        using var work = WorkStores.For(store);
        var features = new FeatureContext(new FeatureSettings());
        var scorer = new LiveScorer(new LiveScorerParts(features, store, work, new Kizuki.Alerts.RuleSet([]), TimeProvider.System));
        var (generation, _) = Generation(store);
        await using (var pipeline = new LivePipeline(store, (IEventLedger)work, scorer))
        {
            Assert.True(pipeline.ScoresOnOwnThread);
            await pipeline.SubmitAsync([Login("a1", "c1", T0)]);
            Assert.Equal(generation + 1, Generation(store).Generation);
            await pipeline.SubmitAsync([Login("a1", "c1", T0), Login("a2", "c1", T0.AddHours(1))]);
            Assert.Equal(generation + 2, Generation(store).Generation);
        }

        Assert.Equal(2, scorer.State.History("c1").Activities.Count);
    }

    [Fact]
    public async Task SubmitAsync_LedgerThatKnowsNoEvent_ScoresStoredEventsAgain()
    {
        using var store = NewStore("replay");
        using (var session = store.BeginImport())
        {
            session.Add(Login("a1", "c1", T0));
            session.Commit();
        }

        using var work = WorkStores.For(store);
        var scorer = new LiveScorer(new LiveScorerParts(new FeatureContext(new FeatureSettings()), store, work, new Kizuki.Alerts.RuleSet([]), TimeProvider.System));
        IReadOnlyList<EventOutcome> outcomes;
        await using (var pipeline = new LivePipeline(store, new ForgetfulLedger(), scorer))
        {
            outcomes = await pipeline.SubmitAsync([Login("a1", "c1", T0), Login("a1", "c1", T0)]);
        }

        Assert.Equal([EventStatus.Accepted, EventStatus.Duplicate], outcomes.Select(o => o.Status));
        Assert.Equal(1, scorer.State.History("c1").Activities.Count);
        Assert.Single(store.Activities("c1"));
    }

    private static (long Generation, byte[] Stamp) Generation(SqliteStore store)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT generation, stamp FROM data_generation WHERE id = 1";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    private static string Dump(SqliteStore store, StoreTable table)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {table.ColumnList()} FROM {table.Name} ORDER BY {table.Key}";
        using var reader = command.ExecuteReader();
        var text = new StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                text.Append(reader.GetDataTypeName(i)).Append(':')
                    .Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('|');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private sealed class ForgetfulLedger : IEventLedger
    {
        public HashSet<string> Known(EntityKind kind, IReadOnlyCollection<string> ids) => new(StringComparer.Ordinal);
    }
}
