using Kizuki.Alerts;
using Kizuki.Configuration;
using Kizuki.Domain;
using Kizuki.Explanations;
using Kizuki.LiveScoring;
using Kizuki.Modeling.Registry;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.Tests.LiveScoring;

/// <summary>The live scorer over a trained model: warm start from stored scores, kept reasons, settings taken up while running.</summary>
public sealed class LiveScorerTests(LiveModelFixture demo) : IClassFixture<LiveModelFixture>, IDisposable
{
    private readonly List<string> directories = [];
    private readonly List<IDisposable> owned = [];

    public void Dispose()
    {
        foreach (var resource in owned)
        {
            resource.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private string Copy()
    {
        var directory = demo.Copy();
        directories.Add(directory);
        return directory;
    }

    private static IReadOnlyList<object> Logins(IEnumerable<string> customers, DateTimeOffset at, string tag) =>
        [.. customers.Select(c => new Activity($"{tag}-{c}", c, at, ActivityTypes.Login, null, null))];

    [Fact]
    public void Warm_StoredScoresOfTheDayBefore_RulesSeeTheChangeSinceYesterday()
    {
        var directory = Copy();
        var settings = new KizukiSettings { Alerts = new AlertSettings { Rules = ["rule \"jump\" when churn_probability_change_1d > 0 then severity high"] } };
        settings.Save(directory);
        using var store = StoreFactory.Open(directory);
        using var work = WorkStores.For(store);
        var version = new ModelRegistry(directory).Active!.Value;
        var customers = demo.CustomerIds.Take(60).ToList();
        var seeded = customers.Where((_, i) => i % 2 == 0).ToHashSet(StringComparer.Ordinal);
        store.SaveScores([.. seeded.Select(c => new StoredScore(c, demo.HistoryEnd.AddDays(-1), version, 0, RiskBand.Low, 0,
            new Dictionary<string, object?>(), demo.HistoryEnd.AddDays(-1)))]);

        var scorer = LiveScoringHost.CreateScorer(directory, settings, store, work, TimeProvider.System, explain: false);
        scorer.Warm(demo.HistoryEnd);
        var step = scorer.Step(Logins(customers, demo.HistoryEnd.AddHours(1), "a"));

        Assert.Equal(seeded.Count, scorer.TrailsSeeded);
        Assert.NotEmpty(step.Alerts);
        Assert.All(step.Alerts, a => Assert.Contains(a.CustomerId, seeded));
        Assert.Contains(step.Scores, s => !seeded.Contains(s.CustomerId));
    }

    [Fact]
    public void Step_SmallMoveInTheSameBand_KeepsTheLastReasons()
    {
        var (scorer, store) = ScorerWithReasons(reasonsChange: 1.0);
        var customer = ScoredCustomer(scorer);
        var computed = scorer.ReasonsComputed;
        var first = scorer.Step(Logins([customer], demo.HistoryEnd.AddHours(2), "b"));
        var second = scorer.Step(Logins([customer], demo.HistoryEnd.AddHours(3), "c"));

        Assert.Equal(computed, scorer.ReasonsComputed);
        Assert.Equal(first.Scores[0].Reasons, second.Scores[0].Reasons);
        Assert.NotNull(second.Scores[0].Reasons);
        Assert.Equal(second.Scores[0].Reasons, store.Scores(demo.HistoryEnd.AddHours(3).AddMilliseconds(1), customer).Single().Reasons);
    }

    [Fact]
    public void Step_ThresholdZero_ComputesReasonsForEveryScore()
    {
        var (scorer, _) = ScorerWithReasons(reasonsChange: 0);
        var customer = ScoredCustomer(scorer);
        var computed = scorer.ReasonsComputed;
        scorer.Step(Logins([customer], demo.HistoryEnd.AddHours(2), "b"));
        scorer.Step(Logins([customer], demo.HistoryEnd.AddHours(3), "c"));

        Assert.Equal(computed + 2, scorer.ReasonsComputed);
    }

    [Fact]
    public void Warm_StoredScoreWithReasons_FirstLiveScoreReusesThem()
    {
        var (scorer, store) = ScorerWithReasons(reasonsChange: 1.0);
        var customer = ScoredCustomer(scorer);
        var stored = store.Scores(customerId: customer).Single();
        var again = ScorerOver(store, reasonsChange: 1.0);
        again.Warm(demo.HistoryEnd.AddHours(2));
        var step = again.Step(Logins([customer], demo.HistoryEnd.AddHours(2), "b"));

        Assert.Equal(0, again.ReasonsComputed);
        Assert.Equal(stored.Reasons, step.Scores[0].Reasons);
    }

    [Fact]
    public async Task SubmitAsync_EmbeddedStore_ScoresFollowTheAcknowledgementWithTheirReasons()
    {
        var (scorer, store) = ScorerWithReasons(reasonsChange: 0.05);
        var customers = demo.CustomerIds.Take(30).ToList();
        var at = demo.HistoryEnd.AddHours(1);
        var work = WorkStores.For(store);
        owned.Add(work);
        var steps = new List<LiveStep>();
        await using var pipeline = new LivePipeline(store, (IEventLedger)work, scorer, steps.Add);
        var outcomes = await pipeline.SubmitAsync(Logins(customers, at, "p"));

        // The scorer thread scores what was acknowledged; the writer stores the scores in its next transaction, even when
        // no further events come.
        Assert.True(SpinWait.SpinUntil(() => pipeline.Scored == customers.Count || pipeline.Failure is not null, TimeSpan.FromSeconds(60)));
        Assert.Null(pipeline.Failure);
        var stored = store.Scores(at.AddMilliseconds(1)).ToList();
        Assert.True(pipeline.ScoresOnOwnThread);
        Assert.All(outcomes, o => Assert.Equal(EventStatus.Accepted, o.Status));
        Assert.NotEmpty(stored);
        Assert.All(stored, s => Assert.Contains(s.CustomerId, customers));
        Assert.All(stored, s => Assert.NotNull(s.Reasons));
        Assert.Equal(customers.Count, pipeline.Latencies.Count);

        // The feature JSON written on the scorer thread (bound to SQLite as UTF-8) reads back as the values scored.
        var scoredNow = steps.SelectMany(s => s.Scores).ToDictionary(s => s.CustomerId);
        Assert.All(stored, s => Assert.Equal(
            scoredNow[s.CustomerId].Features.OrderBy(f => f.Key, StringComparer.Ordinal),
            s.Features.OrderBy(f => f.Key, StringComparer.Ordinal)));
    }

    [Fact]
    public async Task SubmitAsync_SomeReasonsDue_TheOthersScoresArePostedBeforeThem()
    {
        var (probe, _) = ScorerWithReasons(reasonsChange: 1.0);
        var active = probe.Step(Logins(demo.CustomerIds.Take(80), demo.HistoryEnd.AddHours(1), "a")).Scores.Select(s => s.CustomerId).ToList();
        var (scorer, store) = ScorerWithReasons(reasonsChange: 1.0);
        var kept = active.Take(10).ToList();
        var due = active.Skip(10).Take(10).ToList();
        var at = demo.HistoryEnd.AddHours(2);
        scorer.Step(Logins(kept, demo.HistoryEnd.AddHours(1), "a"));
        var computed = scorer.ReasonsComputed;
        var work = WorkStores.For(store);
        owned.Add(work);
        var steps = new List<LiveStep>();
        await using var pipeline = new LivePipeline(store, (IEventLedger)work, scorer, steps.Add);

        // One submission, one group: the customers whose reasons are kept are scored and posted before the others' reasons.
        await pipeline.SubmitAsync(Logins([.. kept, .. due], at, "b"));

        Assert.True(SpinWait.SpinUntil(() => pipeline.Scored == 20 || pipeline.Failure is not null, TimeSpan.FromSeconds(60)));
        Assert.Null(pipeline.Failure);
        Assert.Equal(2, steps.Count);
        Assert.Equal(kept.Order(StringComparer.Ordinal), steps[0].Scores.Select(s => s.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal(due.Order(StringComparer.Ordinal), steps[1].Scores.Select(s => s.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal(computed + due.Count, scorer.ReasonsComputed);
        Assert.All(steps.SelectMany(s => s.Scores), s => Assert.NotNull(s.Reasons));
        Assert.Equal(steps.Sum(s => s.Scores.Count), store.Scores(at.AddMilliseconds(1)).Count());

        // Every event is counted once, in the part that scored its customer.
        Assert.Equal(20, pipeline.ComputedLatencies.Count);
        Assert.Equal(20, pipeline.Latencies.Count);
    }

    [Fact]
    public void Step_ManyCustomersAtOnce_GivesTheReasonsEachGetsAlone()
    {
        var (together, _) = ScorerWithReasons(reasonsChange: 0.05);
        var (alone, _) = ScorerWithReasons(reasonsChange: 0.05);
        var customers = demo.CustomerIds.Take(12).ToList();
        var at = demo.HistoryEnd.AddHours(1);

        // One step explains the twelve as one block; the other explains them one step each (same events, same as-of).
        var block = together.Step(Logins(customers, at, "m")).Scores.ToDictionary(s => s.CustomerId, s => s.Reasons);
        var single = customers.SelectMany(c => alone.Step(Logins([c], at, "m")).Scores).ToDictionary(s => s.CustomerId, s => s.Reasons);

        Assert.NotEmpty(block);
        Assert.Equal(single.Keys.Order(StringComparer.Ordinal), block.Keys.Order(StringComparer.Ordinal));
        foreach (var (customer, json) in single)
        {
            var one = ReasonsJson.Read(json!)!;
            var many = ReasonsJson.Read(block[customer]!)!;
            Assert.Equal(one.Raising.Select(r => (r.Group, r.Feature, Math.Round(r.ProbabilityPoints, 6), r.SentenceJa, r.SentenceEn)), many.Raising.Select(r => (r.Group, r.Feature, Math.Round(r.ProbabilityPoints, 6), r.SentenceJa, r.SentenceEn)));
            Assert.Equal(one.Lowering.Select(r => (r.Group, r.Feature, Math.Round(r.ProbabilityPoints, 6))), many.Lowering.Select(r => (r.Group, r.Feature, Math.Round(r.ProbabilityPoints, 6))));
            Assert.Equal(one.Action, many.Action);
        }
    }

    [Fact]
    public void Step_EveryCustomerAtOnce_ScoresEqualTheBatchModelOnTheirStoredFeatures()
    {
        var (scorer, store) = ScorerWithReasons(reasonsChange: 0.05);
        var registry = new ModelRegistry(Path.GetDirectoryName(store.Location)!);
        var model = registry.Load(registry.Active!.Value);

        // One step of every customer: the trees score them as one block (and over both cores, with enough rows).
        var scores = scorer.Step(Logins(demo.CustomerIds, demo.HistoryEnd.AddHours(1), "b")).Scores;

        Assert.True(scores.Count > 100, $"{scores.Count} customers scored");
        var names = model.Encoder.Columns.Select(c => c.Name).ToArray();
        var x = model.Encoder.Encode(
            c => [.. scores.Select(s => s.Features[names[c]] is double value ? value : double.NaN)],
            c => [.. scores.Select(s => s.Features[names[c]] as string)],
            [.. Enumerable.Range(0, scores.Count)]);
        Assert.Equal(model.Probabilities(x), scores.Select(s => s.Probability));
    }

    [Fact]
    public async Task Warm_ScoresLostAfterTheirAcknowledgement_AreComputedAgainWhenThePipelineStarts()
    {
        var (scorer, store) = ScorerWithReasons(reasonsChange: 0.05);
        var customers = demo.CustomerIds.Take(10).ToList();
        var (first, second) = (demo.HistoryEnd.AddHours(1), demo.HistoryEnd.AddHours(2));
        var work = WorkStores.For(store);
        owned.Add(work);
        await using (var pipeline = new LivePipeline(store, (IEventLedger)work, scorer))
        {
            await pipeline.SubmitAsync(Logins(customers, first, "x"));

            // The first logins' scores are stored before the second come (else one step would score both).
            Assert.True(SpinWait.SpinUntil(() => pipeline.Scored == customers.Count || pipeline.Failure is not null, TimeSpan.FromSeconds(60)));
            await pipeline.SubmitAsync(Logins(customers, second, "y"));
        }

        var scored = store.Scores(second.AddMilliseconds(1)).Select(s => s.CustomerId).Order(StringComparer.Ordinal).ToList();
        Assert.True(scored.Count >= 3, $"only {scored.Count} customers were scored");

        // A crash between the acknowledgement of the second logins and the commit of their scores: events stored, scores not.
        var lost = scored.Take(3).ToList();
        using (var connection = ((SqliteStore)store).Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM scores WHERE as_of = @a AND customer_id IN (@c0, @c1, @c2)";
            command.Parameters.AddWithValue("@a", second.AddMilliseconds(1).ToUnixTimeMilliseconds());
            for (var i = 0; i < 3; i++)
            {
                command.Parameters.AddWithValue("@c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), lost[i]);
            }

            Assert.Equal(3, command.ExecuteNonQuery());
        }

        var restarted = ScorerOver(store, reasonsChange: 0.05);
        restarted.Warm();

        Assert.Equal(lost.Select(c => (c, second)), restarted.Behind);
        await using (new LivePipeline(store, (IEventLedger)work, restarted))
        {
        }

        Assert.Empty(restarted.Behind);
        Assert.Equal(scored, store.Scores(second.AddMilliseconds(1)).Select(s => s.CustomerId).Order(StringComparer.Ordinal));
        Assert.All(store.Scores(second.AddMilliseconds(1)).Where(s => lost.Contains(s.CustomerId)), s => Assert.NotNull(s.Reasons));
    }

    /// <summary>A scorer over a copy in which every score is in the low band and gets reasons (explained from the low band).</summary>
    private (LiveScorer Scorer, IStore Store) ScorerWithReasons(double reasonsChange)
    {
        var directory = Copy();
        var store = StoreFactory.Open(directory);
        owned.Add(store);
        var scorer = ScorerOver(store, reasonsChange);
        scorer.Warm(demo.HistoryEnd);
        return (scorer, store);
    }

    private LiveScorer ScorerOver(IStore store, double reasonsChange)
    {
        var directory = Path.GetDirectoryName(store.Location)!;
        var registry = new ModelRegistry(directory);
        var version = registry.Active!.Value;
        var model = registry.Load(version);
        var metadata = registry.Metadata(version);
        var features = metadata.CreateFeatureContext(new KizukiSettings().Features);
        var work = WorkStores.For(store);
        owned.Add(work);
        return new LiveScorer(new LiveScorerParts(features, store, work, new RuleSet([]), TimeProvider.System)
        {
            Model = model,
            Metadata = metadata,
            Explainer = new Explainer(model, features.Catalog.Definitions, new ExplanationSettings(), ReasonFormat.Japan),
            ExplainFrom = RiskBand.Low,
            Scoring = new ScoringSettings { MediumThreshold = 0.98, HighThreshold = 0.99 },
            ReasonsChange = reasonsChange,
        });
    }

    /// <summary>Scores customers once (as of one hour after the history) and returns one that got a score.</summary>
    private string ScoredCustomer(LiveScorer scorer)
    {
        var step = scorer.Step(Logins(demo.CustomerIds.Take(40), demo.HistoryEnd.AddHours(1), "a"));
        Assert.Equal(step.Scores.Count, scorer.ReasonsComputed);
        return step.Scores[0].CustomerId;
    }
}
