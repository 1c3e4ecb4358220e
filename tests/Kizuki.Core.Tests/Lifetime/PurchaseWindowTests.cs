using Kizuki.Lifetime;

namespace Kizuki.Tests.Lifetime;

/// <summary>
/// P(no purchase in the next H periods | x, t_x, T) of both purchase models, checked against Monte Carlo simulations of
/// the models' own stories: over a simulated population, the mean prediction within each frequency group equals the
/// share of customers who really bought nothing in the window.
/// </summary>
public sealed class PurchaseWindowTests
{
    private const double Horizon = 13;

    private static readonly BgNbdModel Bg = new(0.243, 4.414, 0.793, 2.426, 0, TimePeriod.Week);
    private static readonly ParetoNbdModel Pareto = new(0.5534, 10.5802, 0.6061, 11.6562, 0, TimePeriod.Week);

    [Fact]
    public void ProbabilityNoPurchase_BgNbdSimulatedPopulation_MatchesObservedShare()
    {
        var random = new Random(7);
        var customers = Simulate(120_000, random, (r, T) =>
        {
            var lambda = Gamma(random, Bg.R) / Bg.Alpha;
            var x = Gamma(random, Bg.A);
            var p = x / (x + Gamma(random, Bg.B));
            var purchases = new List<double>();
            var t = 0.0;
            while (true)
            {
                t += -Math.Log(1 - r.NextDouble()) / lambda;
                if (t > T + Horizon)
                {
                    break;
                }

                purchases.Add(t);
                if (r.NextDouble() < p)
                {
                    break;
                }
            }

            return purchases;
        });
        AssertCalibrated(customers, Bg);
    }

    [Fact]
    public void ProbabilityNoPurchase_ParetoNbdSimulatedPopulation_MatchesObservedShare()
    {
        var random = new Random(8);
        var customers = Simulate(120_000, random, (r, T) =>
        {
            var lambda = Gamma(random, Pareto.R) / Pareto.Alpha;
            var mu = Gamma(random, Pareto.S) / Pareto.Beta;
            var death = -Math.Log(1 - r.NextDouble()) / mu;
            var purchases = new List<double>();
            var t = 0.0;
            while (true)
            {
                t += -Math.Log(1 - r.NextDouble()) / lambda;
                if (t > Math.Min(death, T + Horizon))
                {
                    break;
                }

                purchases.Add(t);
            }

            return purchases;
        });
        AssertCalibrated(customers, Pareto);
    }

    [Theory]
    [InlineData(3.55, 40.6, 0.6, 42.7, 13)] // β' > α'
    [InlineData(1.2, 60, 0.8, 20, 30)] // α' > β'
    [InlineData(25, 300, 0.3, 310, 90)] // a frequent buyer
    [InlineData(0.7, 5, 2.5, 500, 365)]
    public void PurchaseIfAlive_AgainstQuadratureAndPosteriorSimulation_Agrees(double r, double alpha, double s, double beta, double h)
    {
        var closed = ParetoNbdModel.PurchaseIfAlive(r, alpha, s, beta, h);

        // ∫₀^H (r/α)(α/(α+u))^(r+1) (β/(β+u))^s du by Simpson's rule in v = ln(1 + u/α), where the integrand is smooth.
        var v = Math.Log(1 + (h / alpha));
        const int steps = 20_000;
        double F(double w) => r * Math.Exp(-r * w) * Math.Pow(beta / (beta + (alpha * double.ExpM1(w))), s);
        var sum = F(0) + F(v);
        for (var i = 1; i < steps; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * F(v * i / steps);
        }

        Assert.Equal(sum * v / steps / 3, closed, 1e-7);

        // The story: a live customer with rates drawn from the posterior buys before both the horizon and the dropout.
        var random = new Random(9);
        var bought = 0;
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
        {
            var first = -Math.Log(1 - random.NextDouble()) / (Gamma(random, r) / alpha);
            var death = -Math.Log(1 - random.NextDouble()) / (Gamma(random, s) / beta);
            bought += first < Math.Min(death, h) ? 1 : 0;
        }

        Assert.Equal(closed, bought / (double)draws, 0.005);
    }

    [Fact]
    public void ProbabilityNoPurchase_ParetoWithoutDropout_IsTheNegativeBinomialZero()
    {
        var model = new ParetoNbdModel(0.8, 12, 1e-7, 30, 0, TimePeriod.Week);
        var expected = Math.Pow((12 + 20.0) / (12 + 20 + 13), 0.8 + 3);
        Assert.Equal(expected, model.ProbabilityNoPurchase(13, 3, 18, 20), 1e-6);
    }

    [Fact]
    public void ProbabilityNoPurchase_Bounds_HoldForBothModels()
    {
        foreach (IPurchaseModel model in new IPurchaseModel[] { Bg, Pareto })
        {
            Assert.Equal(1, model.ProbabilityNoPurchase(0, 2, 10, 30));
            var alive = model.ProbabilityAlive(2, 10, 30);
            var none = model.ProbabilityNoPurchase(13, 2, 10, 30);
            Assert.InRange(none, 1 - alive, 1);
            Assert.True(model.ProbabilityNoPurchase(52, 2, 10, 30) < none, "a longer window leaves less chance of no purchase");
            Assert.True(model.ProbabilityNoPurchase(13, 2, 2, 30) > none, "an older last purchase means more chance of none");
        }
    }

    /// <summary>Mean prediction against the observed share of no purchase, overall and by frequency group.</summary>
    private static void AssertCalibrated(List<(int X, double Tx, double T, bool Bought)> customers, IPurchaseModel model)
    {
        foreach (var (low, high) in new[] { (0, int.MaxValue), (0, 0), (1, 1), (2, 3), (4, int.MaxValue) })
        {
            var group = customers.Where(c => c.X >= low && c.X <= high).ToList();
            Assert.True(group.Count > 4000, $"group {low}..{high} has only {group.Count} customers");
            var predicted = group.Average(c => model.ProbabilityNoPurchase(Horizon, c.X, c.Tx, c.T));
            var observed = group.Count(c => !c.Bought) / (double)group.Count;
            Assert.True(Math.Abs(predicted - observed) < 0.01,
                $"x in {low}..{high}: predicted {predicted:F4}, observed {observed:F4} over {group.Count} customers");
        }
    }

    /// <summary>Customers whose first purchase was 10 to 40 periods before the calibration end, with purchases drawn after it.</summary>
    private static List<(int X, double Tx, double T, bool Bought)> Simulate(int count, Random random, Func<Random, double, List<double>> purchasesAfterFirst)
    {
        var customers = new List<(int, double, double, bool)>(count);
        for (var i = 0; i < count; i++)
        {
            var age = 10 + (30 * random.NextDouble());
            var purchases = purchasesAfterFirst(random, age);
            var before = purchases.Where(t => t <= age).ToList();
            customers.Add((before.Count, before.Count == 0 ? 0 : before[^1], age, purchases.Count > before.Count));
        }

        return customers;
    }

    /// <summary>A Gamma(shape, 1) draw (Marsaglia and Tsang; shapes below 1 boosted by U^(1/shape)).</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
