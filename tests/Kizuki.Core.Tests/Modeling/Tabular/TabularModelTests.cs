using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.Tabular;

namespace Kizuki.Tests.Modeling.Tabular;

public sealed class TabularModelTests
{
    private static readonly TabularOptions Quick = new() { Threads = 1, MaxRounds = 150 };

    [Fact]
    public void Load_SavedModel_ScoresIdentically()
    {
        using var files = new TabularFiles();
        var table = files.Table(TabularFiles.Synthetic(1500, seed: 3));
        var labels = TargetParser.Labels(table, "churn");
        var model = TabularTrainer.Fit(table, labels, "顧客ID", "churn", Quick);
        Assert.False(model.SmallData);
        Assert.NotNull(model.Trees);
        model.Save(files.PathOf("model.json"));
        var loaded = TabularModel.LoadFile(files.PathOf("model.json"));
        Assert.Equal(model.Probabilities(table), loaded.Probabilities(table));
        Assert.True(BinaryMetrics.RocAuc(model.RawScores(table), labels) > 0.75);
    }

    [Fact]
    public void Fit_FewRows_UsesLogisticOnlyAndStillRanks()
    {
        using var files = new TabularFiles();
        var table = files.Table(TabularFiles.Synthetic(300, seed: 5));
        var labels = TargetParser.Labels(table, "churn");
        var model = TabularTrainer.Fit(table, labels, "顧客ID", "churn", Quick);
        Assert.True(model.SmallData);
        Assert.Null(model.Trees);
        Assert.Equal(0, model.TreeWeight);
        Assert.True(BinaryMetrics.RocAuc(model.RawScores(table), labels) > 0.7);
        Assert.Equal(Quick.SmallDataLambda, model.Linear.Fit.Lambda);
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
        => Assert.Throws<InvalidDataException>(() => TabularModel.Load("{\"format\":\"other\"}"));
}
