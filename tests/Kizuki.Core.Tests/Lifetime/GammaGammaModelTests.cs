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
