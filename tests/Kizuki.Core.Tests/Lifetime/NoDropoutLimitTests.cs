using Kizuki.Lifetime;

namespace Kizuki.Tests.Lifetime;

/// <summary>
/// The identification policy at the no-dropout boundary: data without dropout are fitted at the NBD limit (a = 0, s = 0)
/// with the note, data with dropout fit normally, and the limit's predictions are the NBD closed forms.
/// </summary>
public sealed class NoDropoutLimitTests
{
    private static readonly Lazy<CustomerSummary[]> NoDropout = new(() => Simulate(1500, new Random(11), dropoutA: 0, dropoutB: 1));
    private static readonly Lazy<CustomerSummary[]> WithDropout = new(() => Simulate(1500, new Random(5), dropoutA: 0.8, dropoutB: 2.5));
    private static readonly Lazy<BgNbdModel> NoDropoutBg = new(() => BgNbdModel.Fit(NoDropout.Value, TimePeriod.Week));

    [Fact]
    public void BgNbdFit_NoDropoutInTheData_FitsAtTheLimitWithTheNote()
    {
        var model = NoDropoutBg.Value;

        Assert.Equal(FitLimit.NoDropout, model.Limit);
        Assert.Equal(0, model.A);
        Assert.Equal(NoDropoutLimit.Note, model.Note);
        Assert.Contains("dropout not identified", model.Note, StringComparison.Ordinal);
        // The generating rates: λ ~ Gamma(1.2, 6); r and α are identified and near them.
        Assert.InRange(model.R, 1.0, 1.45);
        Assert.InRange(model.Alpha, 5, 7.3);
        Assert.Equal(1, model.ProbabilityAlive(3, 10, 30));
    }

    [Fact]
    public void ParetoNbdFit_NoDropoutInTheData_FitsAtTheLimitWithTheSameNbd()
    {
        var pareto = ParetoNbdModel.Fit(NoDropout.Value, TimePeriod.Week);
        var bg = NoDropoutBg.Value;

        Assert.Equal(FitLimit.NoDropout, pareto.Limit);
        Assert.Equal(0, pareto.S);
        Assert.Equal(NoDropoutLimit.Note, pareto.Note);
        // Both models have the NBD as their limit: the same r, α and log-likelihood.
        Assert.Equal(bg.R, pareto.R, 1e-4 * bg.R);
        Assert.Equal(bg.Alpha, pareto.Alpha, 1e-4 * bg.Alpha);
        Assert.Equal(bg.LogLikelihood, pareto.LogLikelihood, 1e-3);
    }

    [Fact]
    public void Fit_DropoutInTheData_FitsInsideWithoutANote()
    {
        var bg = BgNbdModel.Fit(WithDropout.Value, TimePeriod.Week);
        var pareto = ParetoNbdModel.Fit(WithDropout.Value, TimePeriod.Week);

        Assert.Equal(FitLimit.None, bg.Limit);
        Assert.Null(bg.Note);
        Assert.InRange(bg.A, 0.4, 1.6);
        Assert.InRange(bg.A / (bg.A + bg.B), 0.15, 0.35);
        Assert.Equal(FitLimit.None, pareto.Limit);
        Assert.Null(pareto.Note);
        Assert.True(pareto.S > 0.05, $"s = {pareto.S}");
        // The interior maximum is well above the value without dropout.
        Assert.True(bg.LogLikelihood > BgNbdModel.LogLikelihoodOf(WithDropout.Value, bg.R, bg.Alpha, 1e-9, bg.B) + 10);
    }

    [Theory]
    [InlineData(0, 0.0, 20.0)]
    [InlineData(4, 12.5, 30.0)]
    [InlineData(40, 29.0, 30.0)]
    public void LimitModels_Predictions_EqualTheNbdClosedForms(int x, double recency, double age)
    {
        const double r = 0.9, alpha = 7.5, horizon = 13;
        IPurchaseModel[] models = [new BgNbdModel(r, alpha, 0, 1, 0, TimePeriod.Week), new ParetoNbdModel(r, alpha, 0, 1, 0, TimePeriod.Week)];
        foreach (var model in models)
        {
            Assert.Equal(1, model.ProbabilityAlive(x, recency, age));
            Assert.Equal((r + x) * horizon / (alpha + age), model.ConditionalExpectedPurchases(horizon, x, recency, age), 1e-12);
            Assert.Equal(Math.Pow((alpha + age) / (alpha + age + horizon), r + x), model.ProbabilityNoPurchase(horizon, x, recency, age), 1e-12);
            Assert.Equal(r * horizon / alpha, model.ExpectedPurchases(horizon), 1e-12);
        }
    }

    [Theory]
    [InlineData(0, 0.0, 20.0)]
    [InlineData(4, 12.5, 30.0)]
    public void LimitModels_Predictions_AreTheLimitsOfTheGeneralFormulas(int x, double recency, double age)
    {
        const double r = 0.9, alpha = 7.5, horizon = 13, tiny = 1e-9;
        var bgLimit = new BgNbdModel(r, alpha, 0, 1, 0, TimePeriod.Week);
        var bgNear = new BgNbdModel(r, alpha, tiny, 2.5, 0, TimePeriod.Week);
        var paretoLimit = new ParetoNbdModel(r, alpha, 0, 1, 0, TimePeriod.Week);
        var paretoNear = new ParetoNbdModel(r, alpha, tiny, 11, 0, TimePeriod.Week);
        foreach (var (limit, near) in new (IPurchaseModel, IPurchaseModel)[] { (bgLimit, bgNear), (paretoLimit, paretoNear) })
        {
            Assert.Equal(near.ProbabilityAlive(x, recency, age), limit.ProbabilityAlive(x, recency, age), 1e-6);
            Assert.Equal(near.ConditionalExpectedPurchases(horizon, x, recency, age), limit.ConditionalExpectedPurchases(horizon, x, recency, age), 1e-6);
            Assert.Equal(near.ProbabilityNoPurchase(horizon, x, recency, age), limit.ProbabilityNoPurchase(horizon, x, recency, age), 1e-6);
            Assert.Equal(near.ExpectedPurchases(horizon), limit.ExpectedPurchases(horizon), 1e-6);
        }

        var total = Enumerable.Range(0, 200).Sum(n => bgLimit.ProbabilityOfPurchases(horizon, n));
        Assert.Equal(1, total, 1e-9);
        Assert.Equal(bgNear.ProbabilityOfPurchases(horizon, 2), bgLimit.ProbabilityOfPurchases(horizon, 2), 1e-6);
    }

    /// <summary>
    /// Customers of the BG/NBD story in weeks: λ ~ Gamma(1.2, 6), first purchase at week 0, observed for a whole number
    /// of weeks T ∈ [26, 78); after each repeat purchase a customer drops out with p ~ Beta(a, b) (never when a = 0).
    /// Purchase times are recorded in the week they fall in (t_x rounded up), as a weekly summary would.
    /// </summary>
    internal static CustomerSummary[] Simulate(int count, Random random, double dropoutA, double dropoutB)
    {
        var result = new CustomerSummary[count];
        for (var i = 0; i < count; i++)
        {
            var age = (double)random.Next(26, 78);
            var lambda = Gamma(random, 1.2) / 6;
            var p = dropoutA == 0 ? 0 : Beta(random, dropoutA, dropoutB);
            var (x, last, t) = (0, 0.0, 0.0);
            while (true)
            {
                t += -Math.Log(1 - random.NextDouble()) / lambda;
                if (t > age)
                {
                    break;
                }

                (x, last) = (x + 1, Math.Ceiling(t));
                if (random.NextDouble() < p)
                {
                    break;
                }
            }

            result[i] = new CustomerSummary($"C{i}", x, last, age, 0, default);
        }

        return result;
    }

    private static double Beta(Random random, double a, double b)
    {
        var x = Gamma(random, a);
        return x / (x + Gamma(random, b));
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang (shape &lt; 1 boosted by U^(1/shape)).</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal(random);
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
