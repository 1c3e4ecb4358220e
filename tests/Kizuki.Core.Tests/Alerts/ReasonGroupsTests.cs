using Kizuki.Alerts;
using Kizuki.Explanations;
using Kizuki.Features;

namespace Kizuki.Tests.Alerts;

public sealed class ReasonGroupsTests
{
    private static readonly FeatureCatalog Catalog = new FeatureContext(new FeatureSettings()).Catalog;

    public static TheoryData<string> CatalogGroups() => [.. FeatureCatalog.ReasonGroups.Select(g => g.Key)];

    private static RuleFacts Reason(string? top) => new("c1", new double[Catalog.Count], new string?[Catalog.Count]) { TopReason = top };

    private static CompiledRule Rule(string condition, IReadOnlyCollection<string>? groups = null) =>
        RuleCompiler.Compile($"rule \"r\" when {condition} then severity low", "r.rules", Catalog, groups).Rules[0];

    [Theory]
    [MemberData(nameof(CatalogGroups))]
    public void Compile_TopReasonOnEachCatalogGroup_MatchesThatGroupOnly(string group)
    {
        var rule = Rule($"top_reason = '{group}'");

        Assert.True(rule.UsesTopReason);
        Assert.True(rule.Matches(Reason(group)));
        Assert.False(rule.Matches(Reason(group == "logins" ? "tickets" : "logins")));
        Assert.False(rule.Matches(Reason(null)));
    }

    [Fact]
    public void Compile_SupportAlias_MatchesEverySupportGroupAndNothingElse()
    {
        var equal = Rule("top_reason = 'support'");
        var notEqual = Rule("'support' != top_reason");

        Assert.All(new[] { "tickets", "ticket_sentiment", "support_pages" }, g => Assert.True(equal.Matches(Reason(g)), g));
        Assert.All(new[] { "logins", "renewal", "support" }, g => Assert.False(equal.Matches(Reason(g)), g));
        Assert.False(notEqual.Matches(Reason("tickets")));
        Assert.True(notEqual.Matches(Reason("renewal")));
        Assert.False(notEqual.Matches(Reason(null)));
    }

    [Fact]
    public void Aliases_EveryMember_IsACatalogGroupAndNoAliasShadowsOne()
    {
        Assert.All(ReasonGroups.Aliases, a =>
        {
            Assert.DoesNotContain(a.Key, ReasonGroups.Default);
            Assert.All(a.Value, g => Assert.NotNull(FeatureCatalog.FindReasonGroup(g)));
        });
    }

    [Fact]
    public void Compile_UnknownReason_ListsTheGroupsAndTheAliases()
    {
        var e = Assert.Throws<RuleSyntaxException>(() => Rule("top_reason = 'profil'"));

        Assert.Equal((1, 28), (e.Line, e.Column));
        Assert.Contains("'profil' is not a reason group; expected one of logins, feature_usage, email", e.English, StringComparison.Ordinal);
        Assert.Contains("purchase_outlook", e.English, StringComparison.Ordinal);
        Assert.Contains("support = tickets|ticket_sentiment|support_pages", e.English, StringComparison.Ordinal);
        Assert.Contains("理由グループ「profil」はありません", e.Japanese, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_MetricsAndRegrouping_AddTheirGroups()
    {
        var settings = new FeatureSettings
        {
            Metrics = new Dictionary<string, string>(StringComparer.Ordinal) { ["exports_30d"] = "count(activity.type = 'export', 30d)" },
        };
        var catalog = new FeatureContext(settings).Catalog;
        var explanations = new ExplanationSettings
        {
            Groups = new Dictionary<string, string> { ["exports_30d"] = "onboarding" },
            Playbook = new Dictionary<string, PlaybookEntry> { ["onboarding"] = new("導入支援", "Onboarding help") },
        };

        var plain = ReasonGroups.Of(catalog);
        var regrouped = ReasonGroups.Of(catalog, explanations);

        Assert.Equal(ReasonGroups.Default, plain.Take(ReasonGroups.Default.Count));
        Assert.Contains(FeatureCatalog.CustomReasonGroup, plain);
        Assert.DoesNotContain("onboarding", plain);
        Assert.Contains("onboarding", regrouped);
        Assert.True(RuleCompiler.Compile("rule \"r\" when top_reason = 'onboarding' then severity low", "r", catalog, regrouped)
            .Rules[0].Matches(new RuleFacts("c", new double[catalog.Count], new string?[catalog.Count]) { TopReason = "onboarding" }));
    }
}
