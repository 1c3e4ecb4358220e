using Kizuki.Demo;
using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.Live;
using Kizuki.Storage;

namespace Kizuki.Tests.Features;

/// <summary>
/// One definition, two evaluators: over the whole catalog (built-in features and user-defined metrics) and many
/// as-of instants, the batch evaluator (from the store) and the live evaluator (event by event, out of order within
/// the allowed lateness, tickets and subscriptions updated when they close or end) give the same value for every
/// customer: exactly for counts, to 1e-9 relative for real values.
/// </summary>
public sealed class ParityTests : IDisposable
{
    private const int Checkpoints = 8;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(3);

    private readonly string _dir = Directory.CreateTempSubdirectory("kizuki-parity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static FeatureSettings Settings { get; } = new()
    {
        Metrics = new Dictionary<string, string>
        {
            ["login_ratio_14d"] = "count(activity.type = 'login', 14d) / max(1, count(activity.type = 'login', 56d) / 4)",
            ["pricing_views_60d"] = "count(activity.category = 'pricing', 60d)",
            ["completed_spend_45d"] = "sum(order.amount, order.status = 'completed', 45d)",
            ["days_since_ticket"] = "days_since(ticket.open or not ticket.open)",
            ["latest_survey"] = "latest(survey.score, survey.kind = 'nps' or survey.kind = 'csat')",
        },
    };

    [Theory]
    [InlineData(DemoScenario.Saas, 11L, false)]
    [InlineData(DemoScenario.Ec, 12L, false)]
    [InlineData(DemoScenario.Ec, 13L, true)]
    public void BatchAndLive_WholeCatalogAtRandomInstants_Agree(DemoScenario scenario, long seed, bool lifetime)
    {
        using var store = StoreFactory.Open(_dir);
        var options = new DemoOptions { Scenario = scenario, Customers = 250, Seed = seed };
        using (var session = store.BeginImport())
        {
            DemoGenerator.Generate(options, session, Path.Combine(_dir, "truth"));
            session.Commit();
        }

        var context = new FeatureContext(Settings, lifetime ? LifetimeModels(options) : null);
        var live = new LiveFeatureEvaluator(context);
        var lifetimeValues = 0;
        var deliveries = LiveFeed.From(store, seed, MaxDelay);
        var random = new Random((int)seed);
        var span = (options.HistoryEnd - options.HistoryStart).TotalDays;
        var instants = Enumerable.Range(0, Checkpoints)
            .Select(_ => options.HistoryStart.AddDays(60 + random.NextDouble() * (span - 60)))
            .Order()
            .ToList();

        var delivered = 0;
        var compared = 0;
        foreach (var asOf in instants)
        {
            // Everything that happened before the instant has arrived (and some of what came after it, too).
            while (delivered < deliveries.Count && deliveries[delivered].Arrival < asOf + MaxDelay)
            {
                deliveries[delivered++].Apply(live);
            }

            var batch = BatchFeatureEvaluator.Evaluate(store, context, asOf);
            Assert.True(batch.RowCount > 0);
            for (var row = 0; row < batch.RowCount; row++)
            {
                var liveValues = live.Evaluate(batch.CustomerIds[row], asOf);
                for (var f = 0; f < context.Catalog.Count; f++)
                {
                    var definition = context.Catalog.Definitions[f];
                    if (definition.Kind == FeatureKind.Categorical)
                    {
                        Assert.True(batch.Categories(f)[row] == liveValues.Categories[f],
                            $"{definition.Name} of {batch.CustomerIds[row]} at {asOf:O}: batch {batch.Categories(f)[row]}, live {liveValues.Categories[f]}");
                    }
                    else
                    {
                        AssertSame(batch.Numbers(f)[row], liveValues.Numbers[f], definition.Name, batch.CustomerIds[row], asOf);
                        lifetimeValues += definition.Name == "p_no_purchase_window" && !double.IsNaN(liveValues.Numbers[f]) ? 1 : 0;
                    }
                }

                compared++;
            }
        }

        Assert.Equal(0, live.RefusedLate);
        Assert.True(!lifetime || lifetimeValues > Checkpoints * 20, $"only {lifetimeValues} lifetime values compared");
        Assert.True(compared > Checkpoints * 100, $"compared only {compared} customer-instants");
    }

    /// <summary>Lifetime fits as a trained model stores them: none early on, then a BG/NBD fit, a failed fit (features missing), then another BG/NBD fit.</summary>
    private static Kizuki.Lifetime.LifetimeFeatureModels LifetimeModels(DemoOptions options) => new("bgnbd", 60,
    [
        new(options.HistoryStart.AddDays(90), "bgnbd", [0.8, 40, 0.6, 3.5], 100, null),
        new(options.HistoryStart.AddDays(200), "bgnbd", null, 150, "not identified"),
        new(options.HistoryStart.AddDays(260), "bgnbd", [1.2, 25, 0.4, 2.0], 200, null),
    ]);

    private static void AssertSame(double batch, double live, string feature, string customer, DateTimeOffset asOf)
    {
        var same = (double.IsNaN(batch) && double.IsNaN(live))
            || batch == live
            || Math.Abs(batch - live) <= 1e-9 * Math.Max(Math.Abs(batch), Math.Abs(live));
        Assert.True(same, $"{feature} of {customer} at {asOf:O}: batch {batch}, live {live}");
    }

    /// <summary>The store's records as a live feed: each record arrives at its time plus a random delay; tickets and
    /// subscriptions arrive first as they were when created and again when they close or end.</summary>
    private sealed record LiveFeed(DateTimeOffset Arrival, Action<LiveFeatureEvaluator> Apply)
    {
        public static List<LiveFeed> From(IStore store, long seed, TimeSpan maxDelay)
        {
            var random = new Random((int)seed + 1);
            DateTimeOffset Late(DateTimeOffset at) => at + random.NextDouble() * maxDelay;
            var feed = new List<LiveFeed>();
            foreach (var c in store.Customers())
            {
                feed.Add(new LiveFeed(c.SignupAt, l => l.Apply(c)));
            }

            foreach (var o in store.Orders())
            {
                feed.Add(new LiveFeed(Late(o.OrderedAt), l => l.Apply(o)));
            }

            foreach (var a in store.Activities())
            {
                feed.Add(new LiveFeed(Late(a.OccurredAt), l => l.Apply(a)));
            }

            foreach (var s in store.Surveys())
            {
                feed.Add(new LiveFeed(Late(s.RespondedAt), l => l.Apply(s)));
            }

            foreach (var e in store.ChurnEvents())
            {
                feed.Add(new LiveFeed(Late(e.OccurredAt), l => l.Apply(e)));
            }

            foreach (var t in store.Tickets())
            {
                var opened = t with { ClosedAt = null, Status = TicketStatus.Open, Satisfaction = null };
                var openedArrives = Late(t.OpenedAt);
                feed.Add(new LiveFeed(openedArrives, l => l.Apply(opened)));
                if (t.ClosedAt is { } closed)
                {
                    // A ticket's closing never reaches the feed before its opening.
                    feed.Add(new LiveFeed(Max(Late(closed), openedArrives), l => l.Apply(t)));
                }
            }

            foreach (var s in store.Subscriptions())
            {
                var running = s with { EndedAt = null, CancellationReason = null, Competitor = null };
                var startArrives = Late(s.StartedAt);
                feed.Add(new LiveFeed(startArrives, l => l.Apply(running)));
                if (s.EndedAt is { } ended)
                {
                    feed.Add(new LiveFeed(Max(Late(ended), startArrives), l => l.Apply(s)));
                }
            }

            foreach (var t in store.Touches())
            {
                feed.Add(new LiveFeed(Late(t.TouchedAt), l => l.Apply(t)));
            }

            return [.. feed.OrderBy(f => f.Arrival)];
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
