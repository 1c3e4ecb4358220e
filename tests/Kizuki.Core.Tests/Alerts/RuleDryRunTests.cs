using Kizuki.Alerts;
using Kizuki.Configuration;
using Kizuki.Demo;
using Kizuki.Features;
using Kizuki.Scoring;
using Kizuki.Storage;
using Kizuki.Tests.Explanations;

namespace Kizuki.Tests.Alerts;

/// <summary>Dry runs of rules that read the top reason, on a small trained demo.</summary>
public sealed class RuleDryRunTests(ExplainedDemoFixture demo) : IClassFixture<ExplainedDemoFixture>
{
    private static readonly DateTimeOffset AsOf = new DemoOptions().HistoryEnd;
    private readonly FeatureContext context = new(new KizukiSettings().Features);

    private RuleSet Compile(string text) => RuleCompiler.Compile(text, "test", context.Catalog, demo.Explainer.GroupKeys);

    private DryRunModel Model(bool explain = true) =>
        new(demo.Model, 1, ChurnScorer.Contractual) { Explainer = explain ? demo.Explainer : null };

    private RuleDryRunResult Run(RuleSet rules, int days = 1, DryRunModel? model = null)
    {
        using var store = StoreFactory.Open(demo.Directory);
        return RuleDryRun.Run(store, context, rules, AsOf, days, model ?? Model(), reasonGroups: demo.Explainer.GroupKeys);
    }

    [Fact]
    public void Run_TopReasonRules_HitExactlyTheCustomersWhoseExplainedTopGroupItIs()
    {
        var groups = demo.Explainer.GroupKeys;
        var rules = Compile(string.Join('\n', groups.Select(g => $"rule \"{g}\" when top_reason = '{g}' then severity low cooldown 0d")));

        var result = Run(rules);

        // The batch explainer (same contributions, same grouping) is the oracle: active, in the band the live scorer
        // explains (medium or above), and that group first among the reasons that raise the risk.
        var table = demo.Table;
        var running = table.Numbers(ChurnScorer.RunningSubscriptionFeature);
        var expected = groups.ToDictionary(g => g, _ => new List<string>());
        var explainable = 0;
        for (var row = 0; row < table.RowCount; row++)
        {
            var explanation = demo.Batch.Explain(row);
            if (running[row] != 1 || explanation.Probability < new ScoringSettings().MediumThreshold)
            {
                continue;
            }

            explainable++;
            if (explanation.Reasons.Raising.Count > 0)
            {
                expected[explanation.Reasons.Raising[0].Group].Add(table.CustomerIds[row]);
            }
        }

        Assert.False(result.TopReasonUnknown);
        Assert.True(expected.Values.Count(v => v.Count > 0) >= 2, "the demo should have customers with at least two different top reasons");
        foreach (var rule in result.Rules)
        {
            Assert.Equal(expected[rule.Name].Order(StringComparer.Ordinal), rule.HitsNow.Select(h => h.CustomerId).Order(StringComparer.Ordinal));
        }

        // Each customer-day was explained at most once, whatever the number of rules.
        Assert.Equal(explainable, result.Explained);
    }

    [Fact]
    public void Run_ConjunctionWhoseOtherPartNeverHolds_ExplainsNobody()
    {
        var rules = Compile("rule \"never\" when top_reason = 'renewal' and logins_30d < 0 then severity high");

        var result = Run(rules, days: 5);

        Assert.True(result.Evaluations > 0);
        Assert.Equal(0, result.Explained);
        Assert.All(result.Rules[0].Matches, m => Assert.Equal(0, m));
    }

    [Fact]
    public void Run_ConjunctionWithProbability_ExplainsOnlyWhereTheRestHolds()
    {
        var rules = Compile("""
            rule "high renewal" when top_reason = 'renewal' and churn_probability >= 30% then severity high cooldown 0d
            rule "high" when churn_probability >= 30% then severity low cooldown 0d
            """);

        var result = Run(rules, days: 3);

        var high = result.Rules[1].Matches.Sum();
        Assert.True(high > 0);
        Assert.InRange(result.Explained, 1, high);
        Assert.All(Enumerable.Range(0, 3), d => Assert.InRange(result.Rules[0].Matches[d], 0, result.Rules[1].Matches[d]));
        Assert.All(result.Rules[0].HitsNow, h => Assert.True(h.Probability >= 0.30));
    }

    [Fact]
    public void Run_NegatedTopReason_HoldsWhenTheTopReasonIsUnknownOrAnother()
    {
        var rules = Compile("""
            rule "not renewal" when not (top_reason = 'renewal') then severity low cooldown 0d
            rule "renewal" when top_reason = 'renewal' then severity low cooldown 0d
            rule "all" when has_running_subscription = 1 then severity low cooldown 0d
            """);

        var result = Run(rules);

        Assert.Equal(result.Rules[2].Matches[0], result.Rules[0].Matches[0] + result.Rules[1].Matches[0]);
        Assert.True(result.Rules[1].Matches[0] > 0);
    }

    [Fact]
    public void Run_ModelWithoutExplainer_SaysTheTopReasonIsUnknown()
    {
        var rules = Compile("rule \"r\" when top_reason = 'renewal' then severity low");

        var result = Run(rules, model: Model(explain: false));

        Assert.True(result.TopReasonUnknown);
        Assert.Equal(0, result.Rules[0].Matches[0]);
        Assert.Equal(0, result.Explained);
    }

    [Fact]
    public void Run_TopReasonWithoutModel_FailsNamingTopReason()
    {
        var rules = Compile("rule \"r\" when top_reason = 'renewal' then severity low");
        using var store = StoreFactory.Open(demo.Directory);

        var error = Assert.Throws<InvalidOperationException>(() => RuleDryRun.Run(store, context, rules, AsOf, 1, model: null));

        Assert.Contains("a rule reads top_reason but there is no active model", error.Message, StringComparison.Ordinal);
    }
}
