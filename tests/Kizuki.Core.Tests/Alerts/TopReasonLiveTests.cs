using Kizuki.Alerts;
using Kizuki.Configuration;
using Kizuki.Domain;
using Kizuki.LiveScoring;
using Kizuki.Scoring;
using Kizuki.Storage;
using Kizuki.Tests.LiveScoring;

namespace Kizuki.Tests.Alerts;

/// <summary><c>top_reason</c> rules in the settings, run by the live scorer over a trained model: they see the catalog's groups.</summary>
public sealed class TopReasonLiveTests(LiveModelFixture demo) : IClassFixture<LiveModelFixture>, IDisposable
{
    private readonly List<string> directories = [];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Step_CustomersWhoseTopReasonIsTickets_FireTheTicketsRuleAndTheSupportAlias()
    {
        var directory = demo.Copy();
        directories.Add(directory);
        var settings = new KizukiSettings
        {
            // Every score is explained (the medium band starts at 0.1%), so every customer has a top reason.
            Scoring = new ScoringSettings { MediumThreshold = 0.001, HighThreshold = 0.999 },
            Alerts = new AlertSettings
            {
                Rules =
                [
                    "rule \"any\" when churn_probability >= 0 then severity low",
                    "rule \"tickets\" when top_reason = 'tickets' then severity high",
                    "rule \"support\" when top_reason = 'support' then severity high",
                ],
            },
        };
        settings.Save(directory);
        using var store = StoreFactory.Open(directory);
        using var work = WorkStores.For(store);
        var scorer = LiveScoringHost.CreateScorer(directory, settings, store, work, TimeProvider.System);
        scorer.Warm(demo.HistoryEnd);

        var at = demo.HistoryEnd.AddHours(1);
        var step = scorer.Step([.. demo.CustomerIds.Select(c => (object)new Activity("t-" + c, c, at, ActivityTypes.Login, null, null))]);

        var top = step.Alerts.Where(a => a.Rule == "any").ToDictionary(a => a.CustomerId, a => a.TopReason, StringComparer.Ordinal);
        string[] Fired(string rule) => [.. step.Alerts.Where(a => a.Rule == rule).Select(a => a.CustomerId).Order(StringComparer.Ordinal)];
        string[] TopIn(params string[] groups) => [.. top.Where(t => groups.Contains(t.Value)).Select(t => t.Key).Order(StringComparer.Ordinal)];
        var seen = string.Join(", ", top.Values.GroupBy(v => v ?? "-").Select(g => $"{g.Key}={g.Count()}"));

        Assert.True(TopIn("tickets").Length > 0, $"some customer's top reason is tickets; seen {seen}");
        Assert.Equal(TopIn("tickets"), Fired("tickets"));
        Assert.Equal(TopIn("tickets", "ticket_sentiment", "support_pages"), Fired("support"));
        Assert.All(step.Alerts.Where(a => a.Rule == "tickets"), a => Assert.Equal("tickets", a.TopReason));
    }
}
