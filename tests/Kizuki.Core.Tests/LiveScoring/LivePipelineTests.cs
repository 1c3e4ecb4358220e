using Kizuki.Alerts;
using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.LiveScoring;
using Kizuki.Storage;

namespace Kizuki.Tests.LiveScoring;

/// <summary>The live path on the embedded store: durable write, acknowledgement, state, rules, alerts and tasks.</summary>
public sealed class LivePipelineTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "kizuki-live-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Activity Login(string id, string customer, DateTimeOffset at) => new(id, customer, at, ActivityTypes.Login, null, null);

    [Fact]
    public async Task SubmitAsync_NewAndRepeatedEvents_AppliesEachOnceAndRaisesOneTask()
    {
        Directory.CreateDirectory(directory);
        using var store = StoreFactory.Open(directory);
        store.Migrate();
        using var work = WorkStores.For(store);
        var features = new FeatureContext(new FeatureSettings());
        var rules = RuleCompiler.Compile("rule \"busy\" when logins_7d >= 2 then severity high cooldown 7d", "test", features.Catalog);
        var scorer = new LiveScorer(new LiveScorerParts(features, store, work, rules, TimeProvider.System));
        var steps = new List<LiveStep>();
        IReadOnlyList<EventOutcome> first, second;
        await using (var pipeline = new LivePipeline(store, (IEventLedger)work, scorer, steps.Add))
        {
            first = await pipeline.SubmitAsync([new Customer("c1", "株式会社テスト", T0, CustomerSegment.Unknown, Customer.NoAttributes), Login("a1", "c1", T0.AddDays(1))]);
            second = await pipeline.SubmitAsync([Login("a1", "c1", T0.AddDays(1)), Login("a2", "c1", T0.AddDays(2)), Login("a2", "c1", T0.AddDays(2))]);
        }

        Assert.All(first, o => Assert.Equal(EventStatus.Accepted, o.Status));
        Assert.Equal([EventStatus.Duplicate, EventStatus.Accepted, EventStatus.Duplicate], second.Select(o => o.Status));
        Assert.Equal(2, store.Activities("c1").Count());
        Assert.Equal(2, scorer.State.History("c1").Activities.Count);
        var task = Assert.Single(work.Tasks(WorkTaskStatus.Open));
        Assert.Equal("busy", task.Rule);
        Assert.Equal("c1", task.CustomerId);
        Assert.Single(steps.SelectMany(s => s.Alerts));
    }
}
