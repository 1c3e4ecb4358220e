using Kizuki.Alerts;
using Kizuki.Domain;
using Kizuki.Features;

namespace Kizuki.Tests.Alerts;

public sealed class RuleCompilerTests
{
    private static readonly FeatureCatalog Catalog = new FeatureContext(new FeatureSettings()).Catalog;

    private static RuleFacts Facts(params (string Name, double Value)[] values)
    {
        var numbers = Enumerable.Repeat(double.NaN, Catalog.Count).ToArray();
        foreach (var (name, value) in values)
        {
            numbers[Catalog.IndexOf(name)] = value;
        }

        return new RuleFacts("c1", numbers, new string?[Catalog.Count]);
    }

    [Fact]
    public void Compile_IssueExample_ResolvesAliasAndMatches()
    {
        var rules = RuleCompiler.Compile(
            "rule \"ログイン停止と満足度低下\" when days_without_login >= 3 and nps_change < 0 then severity high cooldown 7d", "r.rules", Catalog);

        var rule = Assert.Single(rules.Rules);
        Assert.Equal(AlertSeverity.High, rule.Definition.Severity);
        Assert.Equal(7, rule.Definition.CooldownDays);
        Assert.Equal(["days_since_last_login", "nps_change"], rule.Features);
        Assert.True(rule.Matches(Facts(("days_since_last_login", 4), ("nps_change", -2))));
        Assert.False(rule.Matches(Facts(("days_since_last_login", 2), ("nps_change", -2))));
        Assert.False(rule.Matches(Facts(("days_since_last_login", 4))));
    }

    [Fact]
    public void Compile_OrNotParenthesesAndUnits_FollowPrecedence()
    {
        var rules = RuleCompiler.Compile("""
            # comment
            rule "a" when not (logins_30d > 2) and (churn_probability >= 40% or churn_probability_change_7d > 0.1)
              then severity critical cooldown 2w follow_up holdout 10%
            rule "b" when attribute.industry = '製造業' or top_reason = 'login_frequency' then severity low
            """, "r.rules", Catalog);

        var a = rules.Rules[0];
        Assert.Equal(14, a.Definition.CooldownDays);
        Assert.True(a.Definition.FollowUp);
        Assert.Equal(0.1, a.Definition.HoldoutShare, 9);
        Assert.True(a.UsesProbability && a.UsesProbabilityChange);
        Assert.True(a.Matches(Facts(("logins_30d", 1)) with { ChurnProbability = 0.5 }));
        Assert.False(a.Matches(Facts(("logins_30d", 3)) with { ChurnProbability = 0.5 }));
        Assert.False(a.Matches(Facts(("logins_30d", 1)) with { ChurnProbability = 0.3, ChurnProbabilityChange7d = 0.05 }));
        var b = rules.Rules[1];
        var customer = new Customer("c1", "山田", DateTimeOffset.UnixEpoch, new CustomerSegment(Industry: "製造業"), Customer.NoAttributes);
        Assert.True(b.Matches(Facts() with { Customer = customer }));
        Assert.True(b.Matches(Facts() with { TopReason = "logins" }));
        Assert.False(b.Matches(Facts() with { TopReason = "tickets" }));
    }

    [Theory]
    [InlineData("rule \"a\" when dayz_since_last_login > 3 then severity high", 1, 15, "days_since_last_login")]
    [InlineData("rule \"a\" when logins_30d > then severity high", 1, 28, "feature name, number or string")]
    [InlineData("rule \"a\"\n  when logins_30d > 3 then severity urgent", 2, 37, "low, medium, high or critical")]
    [InlineData("rule \"a\" when logins_30d > 3", 1, 29, "'then'")]
    [InlineData("rule \"a\" when logins_30d > '3' then severity low", 1, 28, "is a number")]
    [InlineData("rule \"a\" when top_reason = 'price' then severity low", 1, 28, "expected one of logins, feature_usage")]
    [InlineData("rule \"a\" when (logins_30d > 3 then severity low", 1, 31, "expected ')'")]
    [InlineData("rule \"a\" when logins_30d > 3x then severity low", 1, 28, "unit")]
    public void Compile_BadRule_NamesLineColumnAndExpectation(string text, int line, int column, string expected)
    {
        var e = Assert.Throws<RuleSyntaxException>(() => RuleCompiler.Compile(text, "r.rules", Catalog));

        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(expected, e.English, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(e.Japanese));
        Assert.StartsWith($"r.rules:{line}:{column}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_DuplicateName_Throws()
    {
        var e = Assert.Throws<RuleSyntaxException>(() => RuleCompiler.Compile(
            "rule \"a\" when logins_30d > 1 then severity low\nrule \"a\" when logins_30d > 2 then severity low", "r", Catalog));

        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Compile_ReasonListGiven_ValidatesAgainstIt()
    {
        var rules = RuleCompiler.Compile("rule \"a\" when top_reason = 'price' then severity low", "r", Catalog, ["price"]);

        Assert.True(rules.Rules[0].Matches(Facts() with { TopReason = "price" }));
        Assert.True(rules.UsesTopReason);
    }
}
