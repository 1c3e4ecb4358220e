using System.Runtime.Intrinsics.X86;
using Kizuki.Modeling;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Tests.Modeling.LightGbm;

/// <summary>QuickScorer against LightGBM's C API and against the fixed-depth walk, on random models and random awkward rows.</summary>
public sealed class TreeEnsembleQuickScorerTests
{
    private const string Binary = "objective=binary learning_rate=0.1 min_data_in_leaf=5 min_data_per_group=5 cat_smooth=1";

    /// <summary>Random model shapes: parameters, rounds, data seed.</summary>
    public static TheoryData<string, int, int> RandomModels => new()
    {
        { Binary + " num_leaves=31 max_cat_threshold=64", 30, 1 },
        { Binary + " num_leaves=64 min_data_in_leaf=2", 15, 2 },
        { Binary + " num_leaves=24 zero_as_missing=true", 20, 3 },
        { Binary + " num_leaves=9 max_cat_to_onehot=100 feature_fraction=0.5", 40, 4 },
        { "objective=regression learning_rate=0.3 num_leaves=17 min_data_in_leaf=3", 25, 5 },
    };

    [Theory]
    [MemberData(nameof(RandomModels))]
    public void PredictRaw_RandomModelAndRows_EqualsLightGbmAndTheWalk(string parameters, int rounds, int seed)
    {
        var train = RandomRows(2000, seed, missing: 0.08);
        var test = RandomRows(1777, seed + 100, missing: 0.15);
        var text = NativeBooster.Train(train.X, train.Y, parameters, rounds);
        using var model = LightGbmModel.Load(text, train.X.Columns);
        var trees = TreeEnsemble.TryParse(text, test.X.ColumnCount)!;
        var native = new double[test.X.Rows];
        model.PredictRawNative(test.X, native);
        var walked = new double[test.X.Rows];
        trees.PredictRawBlockByWalk(test.X.Values, walked);

        var batch = new double[test.X.Rows];
        trees.PredictRaw(test.X.Values, batch);

        Assert.True(trees.UsesQuickScorer);
        for (var r = 0; r < test.X.Rows; r++)
        {
            Assert.Equal(native[r], batch[r], 1e-12);
            Assert.Equal(walked[r], batch[r]);
            Assert.Equal(batch[r], trees.PredictRaw(test.X.Row(r)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(5003)]
    public void PredictRaw_RowCountNotAMultipleOfTheBlock_EqualsRowByRow(int rows)
    {
        var train = RandomRows(1500, seed: 21, missing: 0.1);
        var test = RandomRows(rows, seed: 22, missing: 0.1);
        var trees = TreeEnsemble.TryParse(NativeBooster.Train(train.X, train.Y, Binary + " num_leaves=15", 45), test.X.ColumnCount)!;

        var batch = new double[rows];
        trees.PredictRaw(test.X.Values, batch);

        for (var r = 0; r < rows; r++)
        {
            Assert.Equal(trees.PredictRaw(test.X.Row(r)), batch[r]);
        }
    }

    [Theory]
    [InlineData(32, true)]
    [InlineData(33, false)]
    public void PredictRaw_TreesOfThirtyTwoOrThirtyThreeLeaves_NarrowSetsOnlyUpToThirtyTwoAndEqualsLightGbm(int leaves, bool narrow)
    {
        var train = RandomRows(3000, seed: 51, missing: 0.1);
        var test = RandomRows(1001, seed: 52, missing: 0.12);
        var text = NativeBooster.Train(train.X, train.Y, Binary + $" num_leaves={leaves} min_data_in_leaf=2 min_data_per_group=2", 12);
        using var model = LightGbmModel.Load(text, train.X.Columns);
        var trees = TreeEnsemble.TryParse(text, test.X.ColumnCount)!;
        var native = new double[test.X.Rows];
        model.PredictRawNative(test.X, native);
        var walked = new double[test.X.Rows];
        trees.PredictRawBlockByWalk(test.X.Values, walked);

        var batch = new double[test.X.Rows];
        trees.PredictRaw(test.X.Values, batch);

        Assert.Equal(leaves, trees.LargestTreeLeaves);
        Assert.True(trees.UsesQuickScorer);
        Assert.Equal(narrow && Avx.IsSupported, trees.UsesNarrowLeafSets);
        for (var r = 0; r < test.X.Rows; r++)
        {
            Assert.Equal(native[r], batch[r], 1e-12);
            Assert.Equal(walked[r], batch[r]);
            Assert.Equal(batch[r], trees.PredictRaw(test.X.Row(r)));
        }
    }

    [Fact]
    public void PredictRaw_BlockWithoutMissingValues_SplitsBelowEveryValueEqualTheWalk()
    {
        var train = RandomRows(2000, seed: 61, missing: 0.1);
        var test = RandomRows(997, seed: 62, missing: 0);
        var trees = TreeEnsemble.TryParse(NativeBooster.Train(train.X, train.Y, Binary + " num_leaves=31", 20), test.X.ColumnCount)!;
        var walked = new double[test.X.Rows];
        trees.PredictRawBlockByWalk(test.X.Values, walked);

        var batch = new double[test.X.Rows];
        trees.PredictRaw(test.X.Values, batch);

        Assert.Equal(walked, batch);
    }

    [Fact]
    public void PredictRaw_TreesOverSixtyFourLeaves_WalkEqualsLightGbm()
    {
        var train = RandomRows(3000, seed: 31, missing: 0.1);
        var test = RandomRows(500, seed: 32, missing: 0.1);
        var text = NativeBooster.Train(train.X, train.Y, Binary + " num_leaves=100 min_data_in_leaf=2", 5);
        using var model = LightGbmModel.Load(text, train.X.Columns);
        var trees = TreeEnsemble.TryParse(text, test.X.ColumnCount)!;
        var native = new double[test.X.Rows];
        model.PredictRawNative(test.X, native);

        var batch = new double[test.X.Rows];
        trees.PredictRaw(test.X.Values, batch);

        Assert.False(trees.UsesQuickScorer);
        Assert.Equal(native, batch, (a, b) => Math.Abs(a - b) <= 1e-12);
    }

    [Fact]
    public void PredictRaw_SingleLeafTrees_GiveTheLeafValue()
    {
        var train = RandomRows(300, seed: 41, missing: 0.1);
        var text = NativeBooster.Train(train.X, train.Y, Binary + " min_gain_to_split=1e30", 3);
        using var model = LightGbmModel.Load(text, train.X.Columns);
        var trees = TreeEnsemble.TryParse(text, train.X.ColumnCount)!;
        var native = new double[train.X.Rows];
        model.PredictRawNative(train.X, native);

        var batch = new double[train.X.Rows];
        trees.PredictRaw(train.X.Values, batch);

        Assert.True(trees.UsesQuickScorer);
        Assert.Equal(native, batch, (a, b) => Math.Abs(a - b) <= 1e-12);
    }

    /// <summary>
    /// Random rows: four numeric columns (integers with many zeros, reals of both signs, values in LightGBM's zero band,
    /// infinities) and two categoricals, one with 70 categories so its bitsets span several 32-bit words; codes can be
    /// NaN, negative, fractional or beyond every category.
    /// </summary>
    private static (DesignMatrix X, double[] Y) RandomRows(int rows, int seed, double missing)
    {
        var random = new Random(seed);
        ModelColumn[] columns =
        [
            new("Orders"), new("Balance"), new("Recency"), new("Ratio"),
            new("Prefecture", [.. Enumerable.Range(0, 70).Select(i => $"P{i}")]),
            new("Plan", ["Free", "Basic", "Pro", "Team", "Enterprise"]),
        ];
        double[] odd = [0.0, -0.0, 1e-36, -1e-36, TreeEnsemble.ZeroThreshold, -TreeEnsemble.ZeroThreshold, 3e-35, double.PositiveInfinity, double.NegativeInfinity];
        double[] oddCategory = [-1, -0.5, 2.7, 69.9, 70, 96, 1e12, double.PositiveInfinity];
        var values = new double[rows * columns.Length];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * columns.Length, columns.Length);
            row[0] = random.NextDouble() < 0.3 ? 0 : random.Next(0, 20);
            row[1] = Math.Round((random.NextDouble() - 0.5) * 200, 2);
            row[2] = random.NextDouble() * 365;
            row[3] = random.NextDouble() < 0.2 ? odd[random.Next(odd.Length)] : random.NextDouble() - 0.5;
            row[4] = random.NextDouble() < 0.05 ? oddCategory[random.Next(oddCategory.Length)] : random.Next(70);
            row[5] = random.Next(5);
            for (var c = 0; c < row.Length; c++)
            {
                if (random.NextDouble() < missing)
                {
                    row[c] = double.NaN;
                }
            }

            var logit = (Finite(row[0]) / 5) - 1.5 + (Finite(row[1]) / 80) + (double.IsNaN(row[2]) ? 1 : -Finite(row[2]) / 300)
                + (row[4] % 7 == 3 ? 1.5 : 0) + (row[5] is 0 or 3 ? 0.7 : 0) + (Finite(row[3]) > 0 ? 0.5 : 0);
            y[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }

        return (new DesignMatrix(columns, values), y);
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
