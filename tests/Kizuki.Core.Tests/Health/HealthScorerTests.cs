using Kizuki.Features;
using Kizuki.Health;

namespace Kizuki.Tests.Health;

public sealed class HealthScorerTests
{
    private static readonly FeatureCatalog Catalog = new FeatureContext(new FeatureSettings()).Catalog;

    private static double[] Row(params (string Name, double Value)[] values)
    {
        var numbers = Enumerable.Repeat(double.NaN, Catalog.Count).ToArray();
        foreach (var (name, value) in values)
        {
            numbers[Catalog.IndexOf(name)] = value;
        }

        return numbers;
    }

    private static readonly HealthSettings TwoMeasures = new()
    {
        Measures = [new("days_since_last_login", 3, Good: 0, Bad: 30), new("latest_nps", 1, Good: 10, Bad: 0)],
    };

    [Fact]
    public void Score_KnownMeasures_IsWeightedMeanOfLinearPoints()
    {
        var scorer = new HealthScorer(TwoMeasures, Catalog);

        var score = scorer.Score(Row(("days_since_last_login", 15), ("latest_nps", 10)));

        Assert.Equal((50 * 3 + 100 * 1) / 4.0, score.Value, 9);
        Assert.Equal(HealthBand.Watch, score.Band);
        Assert.Equal(score.Value, score.Terms.Sum(t => t.Contribution), 9);
        Assert.Equal("days_since_last_login", score.Drags.First().Feature);
        Assert.Equal(score.Value, scorer.Value(Row(("days_since_last_login", 15), ("latest_nps", 10))), 9);
    }

    [Fact]
    public void Score_UnknownMeasure_IsLeftOutAndValuesClamp()
    {
        var scorer = new HealthScorer(TwoMeasures, Catalog);

        var score = scorer.Score(Row(("days_since_last_login", -5)));

        Assert.Equal(100, score.Value, 9);
        Assert.Equal(HealthBand.Healthy, score.Band);
        Assert.Equal(0, score.Terms[1].Share);
        Assert.True(double.IsNaN(scorer.Score(Row()).Value));
        Assert.Equal(HealthBand.AtRisk, scorer.Score(Row(("days_since_last_login", 90))).Band);
    }

    [Fact]
    public void MovesSince_LoginGap_NamesTheMeasureThatMovedIt()
    {
        var scorer = new HealthScorer(TwoMeasures, Catalog);
        var before = scorer.Score(Row(("days_since_last_login", 0), ("latest_nps", 8)));
        var after = scorer.Score(Row(("days_since_last_login", 30), ("latest_nps", 8)));

        var moves = after.MovesSince(before);

        var move = Assert.Single(moves);
        Assert.Equal("days_since_last_login", move.Feature);
        Assert.Equal(after.Value - before.Value, move.Points, 9);
        Assert.Equal(-75, move.Points, 9);
    }

    [Fact]
    public void Constructor_UnknownOrCategoricalFeature_NamesTheSetting()
    {
        var unknown = new HealthSettings { Measures = [new("no_such_feature", 1, 1, 0)] };
        var categorical = new HealthSettings { Measures = [new("industry", 1, 1, 0)] };

        Assert.Contains("alerts.health.measures[0].feature 'no_such_feature'",
            Assert.Throws<InvalidDataException>(() => new HealthScorer(unknown, Catalog)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => new HealthScorer(categorical, Catalog));
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(1, double.NaN, 0)]
    public void Validate_BadMeasure_Throws(double weight, double good, double bad)
    {
        var settings = new HealthSettings { Measures = [new("logins_30d", weight, good, bad)] };

        Assert.Throws<InvalidDataException>(settings.Validate);
    }

    [Fact]
    public void Defaults_AreValidAgainstTheBuiltInCatalog()
    {
        var scorer = new HealthScorer(new HealthSettings(), Catalog);

        Assert.Equal(6, scorer.Features.Count());
    }
}
