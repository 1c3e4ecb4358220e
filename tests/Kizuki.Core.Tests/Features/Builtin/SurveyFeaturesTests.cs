using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Builtin;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Builtin;

public sealed class SurveyFeaturesTests
{
    private static readonly long T = Millis.Of(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private static double[] Evaluate(CustomerHistory history, long asOf)
    {
        var group = new SurveyFeatures();
        var numbers = new double[group.Definitions.Count];
        Array.Fill(numbers, -12345);
        group.Evaluate(history, asOf, new FeatureRow(numbers, new string?[numbers.Length], 0));
        return numbers;
    }

    private static double Value(CustomerHistory history, string name) =>
        Evaluate(history, T)[SurveyFeatures.All.Select((d, i) => (d, i)).Single(p => p.d.Name == name).i];

    private static SurveyEvent Nps(double daysAgo, int score) => new(T - (long)Math.Round(daysAgo * Millis.Day), SurveyKind.Nps, score);

    private static SurveyEvent Csat(double daysAgo, int score) => new(T - (long)Math.Round(daysAgo * Millis.Day), SurveyKind.Csat, score);

    private static CustomerHistory With(params SurveyEvent[] answers)
    {
        var history = new CustomerHistory("K1");
        foreach (var answer in answers)
        {
            history.Surveys.Add(answer);
        }

        return history;
    }

    [Fact]
    public void Evaluate_TwoNpsOneCsat_LatestChangeAndRecency()
    {
        var history = With(Nps(200, 8), Nps(100, 9), Csat(50, 4), Nps(10.5, 5), Csat(0, 1));
        Assert.Equal(5, Value(history, "latest_nps"));
        Assert.Equal(-4, Value(history, "nps_change"));
        Assert.Equal(4, Value(history, "latest_csat"));
        Assert.True(double.IsNaN(Value(history, "csat_change")));
        Assert.Equal(1, Value(history, "is_detractor"));
        Assert.Equal(10.5, Value(history, "days_since_last_survey"), 9);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(6, 1)]
    [InlineData(7, 0)]
    [InlineData(10, 0)]
    public void Evaluate_LatestNps_DetractorUpToSix(int score, double expected) =>
        Assert.Equal(expected, Value(With(Nps(3, score)), "is_detractor"));

    [Fact]
    public void Evaluate_TwoCsat_ChangeIsLatestMinusPrevious()
    {
        var history = With(Csat(40, 2), Csat(20, 5));
        Assert.Equal(5, Value(history, "latest_csat"));
        Assert.Equal(3, Value(history, "csat_change"));
        Assert.True(double.IsNaN(Value(history, "latest_nps")));
        Assert.True(double.IsNaN(Value(history, "is_detractor")));
    }

    [Fact]
    public void Evaluate_NoAnswers_AllUnknown()
    {
        var values = Evaluate(new CustomerHistory("K1"), T);
        Assert.All(values, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Evaluate_AnswerBeyondHorizon_IsIgnored()
    {
        var history = With(Nps(731, 2), Nps(730, 9));
        Assert.Equal(9, Value(history, "latest_nps"));
        Assert.True(double.IsNaN(Value(history, "nps_change")));
        Assert.Equal(730, Value(history, "days_since_last_survey"), 9);
    }

    [Fact]
    public void Evaluate_AnswersAtOrAfterAsOf_ChangeNothing()
    {
        var history = With(Nps(100, 9), Nps(10, 7), Csat(5, 3));
        var before = Evaluate(history, T);
        history.Surveys.Add(Nps(0, 0));
        history.Surveys.Add(Csat(-1, 1));
        Assert.Equal(before, Evaluate(history, T));
    }

    [Fact]
    public void Definitions_All_AreSatisfactionFeaturesWithUniqueNames()
    {
        Assert.Equal(SurveyFeatures.All.Count, SurveyFeatures.All.Select(d => d.Name).Distinct().Count());
        Assert.All(SurveyFeatures.All, d => Assert.Equal(BusinessField.Satisfaction, d.Field));
    }
}
