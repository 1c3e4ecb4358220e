using Kizuki.Alerts;
using Kizuki.Features;

namespace Kizuki.Tests.Alerts;

public sealed class AlertEngineTests
{
    private static readonly FeatureCatalog Catalog = new FeatureContext(new FeatureSettings()).Catalog;
    private static readonly DateTimeOffset Day0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static RuleFacts Facts(string customer, double logins)
    {
        var numbers = Enumerable.Repeat(double.NaN, Catalog.Count).ToArray();
        numbers[Catalog.IndexOf("logins_30d")] = logins;
        return new RuleFacts(customer, numbers, new string?[Catalog.Count]);
    }

    [Fact]
    public void Evaluate_SameCustomerInsideCooldown_FiresOnceThenAgainAfter()
    {
        var rules = RuleCompiler.Compile("rule \"quiet\" when logins_30d < 1 then severity high cooldown 7d", "r", Catalog);
        var engine = new AlertEngine(rules, new InMemoryAlertStateStore());

        var first = engine.Evaluate(Facts("c1", 0), Day0);
        var again = engine.Evaluate(Facts("c1", 0), Day0.AddDays(6.9));
        var other = engine.Evaluate(Facts("c2", 0), Day0.AddDays(1));
        var later = engine.Evaluate(Facts("c1", 0), Day0.AddDays(7));

        var alert = Assert.Single(first);
        Assert.Equal(("quiet", "c1", AlertSeverity.High), (alert.Rule, alert.CustomerId, alert.Severity));
        Assert.Empty(again);
        Assert.Single(other);
        Assert.Single(later);
        Assert.Empty(engine.Evaluate(Facts("c3", 5), Day0));
    }

    [Fact]
    public void ControlHoldout_SameInputs_SameGroupAndShareNearRequested()
    {
        var ids = Enumerable.Range(0, 20_000).Select(i => $"C{i:D6}").ToList();

        var share = ids.Count(id => ControlHoldout.IsControl("rule-a", id, 0.2)) / (double)ids.Count;
        var otherRule = ids.Count(id => ControlHoldout.IsControl("rule-a", id, 0.2) && ControlHoldout.IsControl("rule-b", id, 0.2)) / (double)ids.Count;

        Assert.InRange(share, 0.19, 0.21);
        Assert.InRange(otherRule, 0.03, 0.05);
        Assert.Equal(ControlHoldout.Draw("rule-a", "C000042"), ControlHoldout.Draw("rule-a", "C000042"));
        Assert.False(ControlHoldout.IsControl("rule-a", "C000042", 0));
    }

    [Fact]
    public void Evaluate_RuleWithHoldout_MarksControlCustomersDeterministically()
    {
        var rules = RuleCompiler.Compile("rule \"r\" when logins_30d < 1 then severity low follow_up holdout 50%", "r", Catalog);
        var engine = new AlertEngine(rules, new InMemoryAlertStateStore());

        var alerts = Enumerable.Range(0, 200).SelectMany(i => engine.Evaluate(Facts($"c{i}", 0), Day0)).ToList();

        Assert.Equal(200, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(ControlHoldout.IsControl("r", a.CustomerId, 0.5), a.IsControl));
        Assert.InRange(alerts.Count(a => a.IsControl), 70, 130);
    }
}
