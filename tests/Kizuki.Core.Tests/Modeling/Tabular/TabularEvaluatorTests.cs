using Kizuki.Modeling.Tabular;
using Kizuki.Tests.Modeling.Linear;
using Xunit.Abstractions;

namespace Kizuki.Tests.Modeling.Tabular;

public sealed class TabularEvaluatorTests(ITestOutputHelper output)
{
    [Fact]
    public void Evaluate_TelcoFiveFold_MeanRocAucAtLeast0850()
    {
        var table = TabularTable.Read(TelcoData.FilePath);
        var evaluation = TabularEvaluator.Evaluate(table, "customerID", "Churn", new TabularOptions { Threads = 2 });
        foreach (var fold in evaluation.Folds)
        {
            output.WriteLine(FormattableString.Invariant($"fold {fold.Fold}: AUC {fold.RocAuc:F4} w {fold.TreeWeight:F2} logloss {fold.LogLoss:F4}"));
        }

        output.WriteLine(FormattableString.Invariant($"Telco 5-fold mean ROC-AUC {evaluation.RocAuc:F4} ± {evaluation.RocAucSpread:F4}"));
        Assert.Equal(7043, evaluation.Rows);
        Assert.False(evaluation.SmallData);
        Assert.True(evaluation.RocAuc >= 0.850, FormattableString.Invariant($"mean ROC-AUC {evaluation.RocAuc:F4} is below 0.850"));

        // Every row's out-of-fold probability pooled: close to the folds' mean, inside its own interval, which 7,043 rows keep narrow.
        var pooled = evaluation.Pooled;
        output.WriteLine(FormattableString.Invariant($"pooled out-of-fold ROC-AUC {pooled.Estimate:F4} [{pooled.Lower:F4}, {pooled.Upper:F4}]"));
        Assert.Equal(1000, pooled.Resamples);
        Assert.InRange(pooled.Estimate, evaluation.RocAuc - 0.02, evaluation.RocAuc + 0.02);
        Assert.InRange(pooled.Estimate, pooled.Lower, pooled.Upper);
        Assert.InRange(pooled.Upper - pooled.Lower, 0.005, 0.04);
    }
}
