using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Builtin;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Builtin;

public sealed class ProfileFeaturesTests
{
    private static readonly DateTimeOffset Signup = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Evaluate_CustomerWithAttributes_GivesAgeSegmentsAndChosenAttributes()
    {
        var group = new ProfileFeatures(["会員ランク"]);
        var history = new CustomerHistory("K1")
        {
            Customer = new Customer("K1", "山田商店", Signup, new CustomerSegment("小売", "東京都", "Gold", "広告", "10-49"),
                new Dictionary<string, string> { ["会員ランク"] = "プラチナ", ["メモ"] = "x" }),
        };
        var numbers = new double[group.Definitions.Count];
        var categories = new string?[numbers.Length];
        group.Evaluate(history, Millis.Of(Signup.AddDays(10)), new FeatureRow(numbers, categories, 0));

        Assert.Equal(10, numbers[0], 9);
        Assert.Equal(["小売", "東京都", "Gold", "広告", "10-49", "プラチナ"], categories.Skip(1));
        Assert.Equal("attr_会員ランク", group.Definitions[^1].Name);
    }

    [Fact]
    public void Evaluate_BeforeSignup_AgeIsUnknown()
    {
        var group = new ProfileFeatures([]);
        var history = new CustomerHistory("K1") { Customer = new Customer("K1", null, Signup, CustomerSegment.Unknown, Customer.NoAttributes) };
        var numbers = new double[group.Definitions.Count];
        group.Evaluate(history, Millis.Of(Signup), new FeatureRow(numbers, new string?[numbers.Length], 0));
        Assert.True(double.IsNaN(numbers[0]));
    }
}
