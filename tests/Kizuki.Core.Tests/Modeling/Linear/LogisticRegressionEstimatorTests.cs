using Kizuki.Modeling;
using Kizuki.Modeling.Linear;

namespace Kizuki.Tests.Modeling.Linear;

public sealed class LogisticRegressionEstimatorTests
{
    [Fact]
    public void Fit_SyntheticLogisticTruth_RecoversSignAndSizeOfCoefficients()
    {
        var (x, y) = SyntheticData.Create(20_000, seed: 3);
        var model = new LogisticRegressionEstimator(new LogisticRegressionOptions { Lambda = 1e-3 }).Fit(x, y);

        Assert.True(model.Fit.Converged);
        var usage = model.Coefficients.Single(t => t.Column == "Usage");
        var spend = model.Coefficients.Single(t => t.Column == "Spend");
        Assert.InRange(usage.Weight / usage.Scale, 1.35, 1.65);
        Assert.InRange(spend.Weight / spend.Scale, -0.22, -0.11);
        double Plan(string name) => model.Coefficients.Single(t => t.Category == name).Weight;
        Assert.InRange(Plan("Standard") - Plan("Basic"), 0.65, 0.95);
        Assert.InRange(Plan("Premium") - Plan("Basic"), -0.95, -0.65);
        Assert.DoesNotContain(model.Coefficients, t => t.Category == "Legacy");
    }

    [Fact]
    public void Fit_SmallProblem_MatchesIndependentGradientDescent()
    {
        var random = new Random(5);
        const int rows = 40;
        var values = new double[rows * 2];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            values[r * 2] = random.Next(0, 20);
            values[(r * 2) + 1] = (random.NextDouble() * 100) - 30;
            y[r] = random.NextDouble() < LogisticFunction.Sigmoid((0.2 * values[r * 2]) - 2) ? 1 : 0;
        }

        var x = new DesignMatrix([new ModelColumn("A"), new ModelColumn("B")], values);
        var model = new LogisticRegressionEstimator(new LogisticRegressionOptions { Lambda = 1.0 }).Fit(x, y);

        var expected = GradientDescent(values, y, rows, lambda: 1.0);
        Assert.Equal(expected[0], model.Coefficients[0].Weight, 1e-6);
        Assert.Equal(expected[1], model.Coefficients[1].Weight, 1e-6);
        Assert.Equal(expected[2], model.Intercept, 1e-6);
    }

    [Fact]
    public void Fit_IntegerWeights_SameAsRepeatedRows()
    {
        var (x, y) = SyntheticData.Create(300, seed: 8);
        var weights = new double[x.Rows];
        var repeated = new List<int>();
        for (var r = 0; r < x.Rows; r++)
        {
            weights[r] = 1 + (r % 3);
            for (var k = 0; k < weights[r]; k++)
            {
                repeated.Add(r);
            }
        }

        // Scaling comes from the unweighted rows, so compare predictions with a negligible penalty.
        var estimator = new LogisticRegressionEstimator(new LogisticRegressionOptions { Lambda = 1e-6 });
        var weighted = estimator.Fit(x, y, weights);
        var rowsRepeated = repeated.ToArray();
        var copied = estimator.Fit(x.SelectRows(rowsRepeated), rowsRepeated.Select(r => y[r]).ToArray());
        var unweighted = estimator.Fit(x, y);

        for (var r = 0; r < x.Rows; r++)
        {
            Assert.Equal(copied.PredictRaw(x.Row(r)), weighted.PredictRaw(x.Row(r)), 1e-5);
        }

        Assert.True(Math.Abs(unweighted.PredictRaw(x.Row(0)) - weighted.PredictRaw(x.Row(0))) > 1e-3);
    }

    [Fact]
    public void Fit_ZeroWeightRows_Ignored()
    {
        var (x, y) = SyntheticData.Create(400, seed: 9);
        var weights = Enumerable.Range(0, x.Rows).Select(r => r < 200 ? 1.0 : 0.0).ToArray();
        var first = Enumerable.Range(0, 200).ToArray();
        var estimator = new LogisticRegressionEstimator(new LogisticRegressionOptions { Lambda = 1e-6 });
        static double UsagePerUnit(LogisticRegressionModel m) => m.Coefficients[0].Weight / m.Coefficients[0].Scale;

        var weighted = estimator.Fit(x, y, weights);
        var subset = estimator.Fit(x.SelectRows(first), y.AsSpan(0, 200));

        Assert.Equal(UsagePerUnit(subset), UsagePerUnit(weighted), 1e-4);
        Assert.True(Math.Abs(UsagePerUnit(estimator.Fit(x, y)) - UsagePerUnit(weighted)) > 1e-3);
    }

    [Fact]
    public void Fit_MissingValuesThatPredictChurn_MissingIndicatorCarriesTheRisk()
    {
        var (x, y) = SyntheticData.Create(4000, seed: 4, missingShare: 0.2);
        for (var r = 0; r < x.Rows; r++)
        {
            if (double.IsNaN(x[r, 1]))
            {
                y[r] = r % 5 == 0 ? 0 : 1;
            }
        }

        var model = new LogisticRegressionEstimator().Fit(x, y);

        var missing = Assert.Single(model.Coefficients, t => t.Kind == LinearTermKind.MissingIndicator);
        Assert.Equal("Spend", missing.Column);
        Assert.True(missing.Weight > 1.0, FormattableString.Invariant($"missing weight {missing.Weight}"));
        Assert.InRange(missing.Reference, 0.17, 0.23);
        var spendMean = Enumerable.Range(0, x.Rows).Select(r => x[r, 1]).Where(v => !double.IsNaN(v)).Average();
        var withMissing = model.PredictRaw([0.0, double.NaN, 0.0]);
        Assert.Equal(model.PredictRaw([0.0, spendMean, 0.0]) + missing.Weight, withMissing, 1e-9);
    }

    [Fact]
    public void Fit_NoMissingInTraining_MissingAtPredictionScoresAsTheMean()
    {
        var (x, y) = SyntheticData.Create(500, seed: 6);
        var model = new LogisticRegressionEstimator().Fit(x, y);

        Assert.DoesNotContain(model.Coefficients, t => t.Kind == LinearTermKind.MissingIndicator);
        var mean = Enumerable.Range(0, x.Rows).Average(r => x[r, 1]);
        Assert.Equal(model.PredictRaw([0.3, mean, 1.0]), model.PredictRaw([0.3, double.NaN, 1.0]), 1e-9);
    }

    [Theory]
    [InlineData(new[] { 0.0, 2.0 })]
    [InlineData(new[] { 1.0, 1.0, 2.0 })]
    public void Fit_BadLabels_Throws(double[] labels)
    {
        var x = new DesignMatrix([new ModelColumn("A")], labels.Select((_, i) => (double)i).ToArray());
        Assert.ThrowsAny<ArgumentException>(() => new LogisticRegressionEstimator().Fit(x, labels));
    }

    [Fact]
    public void Fit_InfiniteValue_ThrowsNamingTheColumn()
    {
        var x = new DesignMatrix([new ModelColumn("Spend")], [1.0, double.PositiveInfinity, 3.0]);
        var error = Assert.Throws<ArgumentException>(() => new LogisticRegressionEstimator().Fit(x, [0.0, 1.0, 0.0]));
        Assert.Contains("Spend", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NonPositiveLambda_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LogisticRegressionOptions { Lambda = 0 }.Validate());
        Assert.Equal("Lambda", error.ParamName);
    }

    [Fact]
    public void Fit_ThroughInterface_GivesSameModelAsDirectFit()
    {
        var (x, y) = SyntheticData.Create(300, seed: 2);
        IChurnEstimator estimator = new LogisticRegressionEstimator();

        var viaInterface = estimator.Fit(x, y);
        var direct = new LogisticRegressionEstimator().Fit(x, y);

        Assert.Equal("logistic", viaInterface.Kind);
        Assert.Equal(direct.Serialize(), viaInterface.Serialize());
    }

    /// <summary>Plain full-batch gradient descent on the same objective, standardising by hand (population sd).</summary>
    private static double[] GradientDescent(double[] values, double[] y, int rows, double lambda)
    {
        var z = new double[rows * 2];
        for (var c = 0; c < 2; c++)
        {
            var mean = Enumerable.Range(0, rows).Average(r => values[(r * 2) + c]);
            var sd = Math.Sqrt(Enumerable.Range(0, rows).Average(r => Math.Pow(values[(r * 2) + c] - mean, 2)));
            for (var r = 0; r < rows; r++)
            {
                z[(r * 2) + c] = (values[(r * 2) + c] - mean) / sd;
            }
        }

        var beta = new double[3];
        var rate = 1.0 / ((0.25 * rows * 3) + lambda);
        for (var iteration = 0; iteration < 200_000; iteration++)
        {
            var gradient = new[] { lambda * beta[0], lambda * beta[1], 0.0 };
            for (var r = 0; r < rows; r++)
            {
                var p = 1 / (1 + Math.Exp(-((beta[0] * z[r * 2]) + (beta[1] * z[(r * 2) + 1]) + beta[2])));
                gradient[0] += (p - y[r]) * z[r * 2];
                gradient[1] += (p - y[r]) * z[(r * 2) + 1];
                gradient[2] += p - y[r];
            }

            for (var k = 0; k < 3; k++)
            {
                beta[k] -= rate * gradient[k];
            }
        }

        return beta;
    }
}
