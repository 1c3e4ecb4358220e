using Kizuki.Alerts;
using Kizuki.Features;

namespace Kizuki.Tests.Alerts;

public sealed class FollowUpTemplatesTests
{
    private static FollowUpTemplate Own(string en) => new(
        new Dictionary<string, string> { ["ja"] = "件名", ["en"] = "Subject" },
        new Dictionary<string, string> { ["ja"] = "{name}様", ["en"] = en });

    [Fact]
    public void Defaults_EveryKey_IsACatalogReasonGroupOrTheFallbackAndValid()
    {
        FollowUpTemplates.Validate(FollowUpTemplates.Defaults);

        Assert.All(FollowUpTemplates.Defaults.Keys, k => Assert.True(k == FollowUpTemplates.Fallback || FeatureCatalog.FindReasonGroup(k) is not null, k));
        Assert.Contains("tickets", FollowUpTemplates.Defaults.Keys);
        Assert.Contains("logins", FollowUpTemplates.Defaults.Keys);
    }

    [Theory]
    [InlineData("tickets", "Following up on your request")]
    [InlineData("ticket_sentiment", "About your recent requests")]
    [InlineData("logins", "Checking in")]
    [InlineData("renewal", "Before your renewal")]
    [InlineData("profile", "Checking in")]
    [InlineData(null, "Checking in")]
    public void For_NoOverrides_GivesTheGroupsBuiltInTemplate(string? reason, string subject)
    {
        Assert.Equal(subject, FollowUpTemplates.For(reason, null).Subject["en"]);
    }

    [Fact]
    public void For_OverrideUnderAnAlias_AppliesToEveryGroupItCovers()
    {
        var overrides = new Dictionary<string, FollowUpTemplate> { ["support"] = Own("support"), ["ticket_sentiment"] = Own("sentiment") };

        Assert.Equal("support", FollowUpTemplates.For("tickets", overrides).Body["en"]);
        Assert.Equal("support", FollowUpTemplates.For("support_pages", overrides).Body["en"]);
        Assert.Equal("sentiment", FollowUpTemplates.For("ticket_sentiment", overrides).Body["en"]);
        Assert.Equal("Checking in", FollowUpTemplates.For("logins", overrides).Subject["en"]);
    }

    [Fact]
    public void For_OverriddenFallback_UsedForAGroupWithoutTemplate()
    {
        var overrides = new Dictionary<string, FollowUpTemplate> { [FollowUpTemplates.Fallback] = Own("fallback") };

        Assert.Equal("fallback", FollowUpTemplates.For("contract", overrides).Body["en"]);
        Assert.Equal("Before your renewal", FollowUpTemplates.For("renewal", overrides).Subject["en"]);
    }
}
