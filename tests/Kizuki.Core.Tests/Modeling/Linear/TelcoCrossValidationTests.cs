using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.Linear;
using Xunit.Abstractions;

namespace Kizuki.Tests.Modeling.Linear;

public sealed class TelcoCrossValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_TelcoFiveFoldStratified_RocAucAtLeast083()
    {
        var (x, y) = TelcoData.Load();
        Assert.Equal(7043, x.Rows);
        Assert.Equal(11, x.Values.Count(double.IsNaN));
        var folds = StratifiedFolds.Assign(y, 5, seed: 1);
        var aucs = new List<double>();
        for (var f = 0; f < 5; f++)
        {
            var train = Enumerable.Range(0, x.Rows).Where(r => folds[r] != f).ToArray();
            var test = Enumerable.Range(0, x.Rows).Where(r => folds[r] == f).ToArray();
            var model = new LogisticRegressionEstimator().Fit(x.SelectRows(train), train.Select(r => y[r]).ToArray());
            var scores = new double[test.Length];
            model.PredictRaw(x.SelectRows(test), scores);
            aucs.Add(BinaryMetrics.RocAuc(scores, test.Select(r => y[r]).ToArray()));
        }

        output.WriteLine(FormattableString.Invariant($"Telco 5-fold ROC-AUC mean {aucs.Average():F4} (folds {string.Join(" ", aucs.Select(a => Math.Round(a, 4)))})"));
        Assert.True(aucs.Average() >= 0.83, FormattableString.Invariant($"mean AUC {aucs.Average()}"));
    }
}
