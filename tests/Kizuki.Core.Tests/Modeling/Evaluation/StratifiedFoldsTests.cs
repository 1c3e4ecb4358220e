using Kizuki.Modeling.Evaluation;

namespace Kizuki.Tests.Modeling.Evaluation;

public sealed class StratifiedFoldsTests
{
    [Fact]
    public void Assign_FiveFolds_EachClassSpreadEvenly()
    {
        var labels = Enumerable.Range(0, 1003).Select(i => i % 7 == 0 ? 1.0 : 0.0).ToArray();

        var folds = StratifiedFolds.Assign(labels, 5, seed: 3);

        foreach (var label in new[] { 0.0, 1.0 })
        {
            var sizes = Enumerable.Range(0, 5).Select(f => folds.Where((fold, i) => fold == f && labels[i] == label).Count()).ToArray();
            Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
        }
    }

    [Fact]
    public void Assign_SameSeed_SameFoldsOtherSeedOther()
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? 1.0 : 0.0).ToArray();

        Assert.Equal(StratifiedFolds.Assign(labels, 5, 1), StratifiedFolds.Assign(labels, 5, 1));
        Assert.NotEqual(StratifiedFolds.Assign(labels, 5, 1), StratifiedFolds.Assign(labels, 5, 2));
    }

    [Fact]
    public void Assign_OneFold_ThrowsNamingFolds()
    {
        Assert.Equal("folds", Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedFolds.Assign([0.0, 1.0], 1, 0)).ParamName);
    }
}
