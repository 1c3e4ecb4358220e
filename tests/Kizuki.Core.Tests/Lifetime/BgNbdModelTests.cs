using Kizuki.Lifetime;

namespace Kizuki.Tests.Lifetime;

public sealed class BgNbdModelTests
{
    private static readonly BgNbdModel Published = new(0.243, 4.414, 0.793, 2.426, 0, TimePeriod.Week);

    [Fact]
    public void Fit_Cdnow_MatchesPublishedParametersAndLogLikelihood()
    {
        var model = BgNbdModel.Fit(Cdnow.Summaries, TimePeriod.Week);
        AssertSignificant(0.2425945, model.R);
        AssertSignificant(4.4136019, model.Alpha);
        AssertSignificant(0.7929199, model.A);
        AssertSignificant(2.4258881, model.B);
        Assert.Equal(-9582.429, model.LogLikelihood, 0.01);
    }

    [Theory]
    [InlineData(0.2425945, 4.4136019, 0.7929199, 2.4258881)]
    [InlineData(1, 9.75, 1, 1)]
    [InlineData(3e-6, 5e5, 2e-6, 8e5)]
    [InlineData(40, 0.01, 30, 1e-5)]
    public void LogLikelihoodWithGradient_Cdnow_MatchesCentralDifferences(double r, double alpha, double a, double b)
    {
        var data = SummaryData.From(Cdnow.Summaries);
        GradientCheck.AssertMatchesCentralDifference(
            (p, g) => BgNbdModel.LogLikelihoodWithGradient(data, p[0], p[1], p[2], p[3], g),
            p => BgNbdModel.LogLikelihoodOf(data, p[0], p[1], p[2], p[3]),
            r, alpha, a, b);
    }

    [Fact]
    public void ConditionalExpectedPurchases_PublishedCustomer_Is1Point226()
    {
        Assert.Equal(1.226, Published.ConditionalExpectedPurchases(39, 2, 30.43, 38.86), 0.0005);
    }

    /// <summary>
    /// E[X(t)] is very sensitive to a − 1 (here −0.21), so the published values hold for the fitted parameters
    /// (the README's full-precision row), not the 3-decimal ones. At 78 weeks the formula, evaluated with mpmath at
    /// 30 digits, gives 1.857956; the published 1.8576 is 0.0004 low, so that horizon is held to the exact value
    /// and to the published one within 0.0005.
    /// </summary>
    [Theory]
    [InlineData(1, 0.0532, 0.00005)]
    [InlineData(3, 0.1506, 0.00005)]
    [InlineData(32, 1.0437, 0.00005)]
    [InlineData(78, 1.8576, 0.0005)]
    [InlineData(78, 1.857956, 0.0000005)]
    public void ExpectedPurchases_PublishedHorizons_MatchThePaper(double weeks, double expected, double tolerance)
    {
        var fitted = new BgNbdModel(0.2425945, 4.4136019, 0.7929199, 2.4258881, 0, TimePeriod.Week);
        Assert.Equal(expected, fitted.ExpectedPurchases(weeks), tolerance);
    }

    [Fact]
    public void ProbabilityOfPurchases_PublishedValues_Match()
    {
        Assert.Equal(0.5737864, Published.ProbabilityOfPurchases(39, 0), 6);
        Assert.Equal(1.07869e-07, Published.ProbabilityOfPurchases(2, 10), 1e-12);
    }

    [Fact]
    public void ProbabilityOfPurchases_SumsToOneOverCounts()
    {
        var total = Enumerable.Range(0, 200).Sum(n => Published.ProbabilityOfPurchases(39, n));
        Assert.Equal(1, total, 6);
    }

    [Fact]
    public void ProbabilityAlive_NoRepeat_IsOneAndFallsWithTimeSinceLastPurchase()
    {
        Assert.Equal(1, Published.ProbabilityAlive(0, 0, 30));
        var recent = Published.ProbabilityAlive(3, 35, 38);
        var stale = Published.ProbabilityAlive(3, 5, 38);
        Assert.InRange(recent, 0.5, 1);
        Assert.True(stale < recent);
    }

    [Fact]
    public void Fit_NoRepeatBuyers_FailsNamingTheProblem()
    {
        var summaries = Enumerable.Range(0, 50).Select(i => new CustomerSummary($"C{i}", 0, 0, 10 + i, 0, default)).ToArray();
        var error = Assert.Throws<LifetimeFitException>(() => BgNbdModel.Fit(summaries, TimePeriod.Week));
        Assert.Contains("repeat", error.Message, StringComparison.Ordinal);
    }

    internal static void AssertSignificant(double expected, double actual, int digits = 4)
    {
        var scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(expected))) - digits + 1);
        Assert.True(Math.Abs(expected - actual) <= scale / 2, $"expected {expected} to {digits} significant figures, got {actual}");
    }
}
