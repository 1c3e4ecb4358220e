using Kizuki.Alerts;
using Kizuki.Configuration;
using Kizuki.Demo;
using Kizuki.Features;

namespace Kizuki.Tests.Demo;

public sealed class DemoRulesTests
{
    [Fact]
    public void Rules_CompileAgainstTheDefaultCatalog_WithJapaneseNamesAndAFollowUp()
    {
        var settings = DemoRules.Apply(new KizukiSettings());
        var catalog = new FeatureContext(settings.Features).Catalog;

        var rules = RuleCompiler.Compile([.. settings.Alerts.Rules.SelectMany(r => RuleParser.Parse(r, "demo"))], catalog);

        Assert.Equal(DemoRules.Rules.Count, rules.Rules.Count);
        Assert.All(rules.Rules, r => Assert.Contains(r.Name, n => n > '\u3000'));
        Assert.True(rules.UsesProbabilityChange);
        Assert.True(rules.UsesTopReason);
        Assert.Contains(rules.Rules, r => r.Definition.FollowUp);
    }

    [Fact]
    public void HasRules_SettingsWithRuleFiles_KeepsThem()
    {
        var settings = new KizukiSettings { Alerts = new AlertSettings { RuleFiles = ["mine.rules"] } };

        Assert.True(DemoRules.HasRules(settings));
        Assert.False(DemoRules.HasRules(new KizukiSettings()));
        Assert.True(DemoRules.HasRules(DemoRules.Apply(new KizukiSettings())));
    }
}
