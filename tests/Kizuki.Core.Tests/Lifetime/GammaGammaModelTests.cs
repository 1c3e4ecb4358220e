using Kizuki.Lifetime;

namespace Kizuki.Tests.Lifetime;

public sealed class GammaGammaModelTests
{
    [Fact]
    public void Fit_CdnowRepeatBuyers_MatchesPublishedParameters()
    {
        var model = GammaGammaModel.Fit(Cdnow.Summaries);
        Assert.Equal(946, Cdnow.Summaries.Count(s => s.Frequency > 0));
        BgNbdModelTests.AssertSignificant(6.25, model.P, 3);
        BgNbdModelTests.AssertSignificant(3.74, model.Q, 3);
        BgNbdModelTests.AssertSignificant(15.44, model.Gamma, 4);
        Assert.Equal(-4055.918, model.LogLikelihood, 0.01);
    }

    [Theory]
    [InlineData(6.25, 3.74, 15.44)]
    [InlineData(1, 1, 35)]
    [InlineData(1e-3, 2e3, 5e-2)]
    [InlineData(500, 1e-3, 3e3)]
    public void LogLikelihoodWithGradient_CdnowRepeatBuyers_MatchesCentralDifferences(double p, double q, double gamma)
    {
        var buyers = Cdnow.Summaries.Where(s => s.Frequency > 0 && s.MeanRepeatSpend > 0).ToArray();
        var x = buyers.Select(b => (double)b.Frequency).ToArray();
        var m = buyers.Select(b => b.MeanRepeatSpend).ToArray();
        GradientCheck.AssertMatchesCentralDifference(
            (v, g) => GammaGammaModel.LogLikelihoodWithGradient(x, m, v[0], v[1], v[2], g),
            v => GammaGammaModel.LogLikelihoodOf(x, m, v[0], v[1], v[2]),
            p, q, gamma);
    }

    [Fact]
    public void ExpectedSpend_ManyRepeats_MovesTowardsTheCustomersOwnMean()
    {
        var model = new GammaGammaModel(6.25, 3.74, 15.44, 0);
        var population = model.ExpectedSpend(0, 0);
        var few = model.ExpectedSpend(1, 100);
        var many = model.ExpectedSpend(50, 100);
        Assert.Equal(6.25 * 15.44 / 2.74, population, 9);
        Assert.True(few < many);
        Assert.Equal(100, many, 100 * 0.05);
    }
}
