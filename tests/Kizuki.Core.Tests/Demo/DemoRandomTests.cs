using Kizuki.Demo;

namespace Kizuki.Tests.Demo;

public sealed class DemoRandomTests
{
    [Fact]
    public void NextUInt64_SameSeedAndStream_SameSequence()
    {
        var a = new DemoRandom(42, 7);
        var b = new DemoRandom(42, 7);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Fact]
    public void NextUInt64_KnownSeed_GivesPinnedValues()
    {
        // Pinned so that a change of algorithm, which would change every demo data set, is noticed.
        var rng = new DemoRandom(42, 0);
        Assert.Equal(1865750160070900731UL, rng.NextUInt64());
        Assert.Equal(6791145067590612263UL, rng.NextUInt64());
        Assert.Equal(14118064813682728970UL, rng.NextUInt64());
        Assert.NotEqual(1865750160070900731UL, new DemoRandom(43, 0).NextUInt64());
        Assert.NotEqual(1865750160070900731UL, new DemoRandom(42, 1).NextUInt64());
    }

    [Fact]
    public void Next_ManyDraws_StayInRangeAndCoverIt()
    {
        var rng = new DemoRandom(1, 2);
        var seen = new int[10];
        for (var i = 0; i < 10_000; i++)
        {
            seen[rng.Next(10)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }

    [Fact]
    public void NextDouble_ManyDraws_UniformInUnitInterval()
    {
        var rng = new DemoRandom(3, 4);
        var sum = 0.0;
        for (var i = 0; i < 10_000; i++)
        {
            var x = rng.NextDouble();
            Assert.InRange(x, 0.0, 0.9999999999);
            sum += x;
        }

        Assert.InRange(sum / 10_000, 0.48, 0.52);
    }

    [Fact]
    public void Poisson_ManyDraws_MeanMatches()
    {
        var rng = new DemoRandom(5, 6);
        var total = 0;
        for (var i = 0; i < 10_000; i++)
        {
            total += rng.Poisson(2.5);
        }

        Assert.InRange(total / 10_000.0, 2.4, 2.6);
    }

    [Fact]
    public void PickWeighted_ZeroWeight_NeverPicked()
    {
        var rng = new DemoRandom(8, 9);
        for (var i = 0; i < 2000; i++)
        {
            Assert.NotEqual(1, rng.PickWeighted([1.0, 0.0, 3.0]));
        }
    }
}
