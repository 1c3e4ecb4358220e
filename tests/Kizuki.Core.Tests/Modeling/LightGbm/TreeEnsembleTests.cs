using Kizuki.Modeling;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Tests.Modeling.LightGbm;

/// <summary>The managed evaluator and TreeSHAP against LightGBM's own C API, on model shapes that stress every decision rule.</summary>
public sealed class TreeEnsembleTests
{
    private const string Binary = "objective=binary learning_rate=0.1 min_data_in_leaf=5 min_data_per_group=5 cat_smooth=1";

    /// <summary>Model shapes: parameters, rounds, whether the training data has missing values, whether it has categoricals.</summary>
    public static TheoryData<string, string, int, bool, bool> Shapes => new()
    {
        { "31 leaves, NaN and categories seen in training", Binary + " num_leaves=31", 40, true, true },
        { "15 leaves, no NaN in training (missing type None)", Binary + " num_leaves=15", 40, false, true },
        { "zero as missing", Binary + " num_leaves=31 zero_as_missing=true", 30, true, true },
        { "one-hot categorical splits", Binary + " num_leaves=15 max_cat_to_onehot=16", 30, true, true },
        { "deep trees, numeric only", Binary + " num_leaves=63 min_data_in_leaf=2", 20, true, false },
        { "regression objective", "objective=regression learning_rate=0.2 num_leaves=7 min_data_in_leaf=5", 25, true, true },
        { "one single-leaf tree", Binary + " min_gain_to_split=1e30", 5, true, true },
        { "stumps", Binary + " num_leaves=2", 30, true, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void PredictRaw_AwkwardRows_EqualsLightGbm(string shape, string parameters, int rounds, bool missing, bool categorical)
    {
        var (model, test) = Fit(parameters, rounds, missing, categorical);
        using (model)
        {
            var native = new double[test.Rows];
            model.PredictRawNative(test, native);

            var batch = model.PredictRaw(test);

            Assert.True(model.IsManaged, shape);
            for (var r = 0; r < test.Rows; r++)
            {
                Assert.Equal(native[r], batch[r], 1e-12);
                Assert.Equal(batch[r], model.PredictRaw(test.Row(r)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Contributions_AwkwardRows_EqualLightGbmAndAddUp(string shape, string parameters, int rounds, bool missing, bool categorical)
    {
        var (model, test) = Fit(parameters, rounds, missing, categorical);
        using (model)
        {
            var width = test.ColumnCount + 1;
            var native = model.ContributionsNative(test);
            var raw = model.PredictRaw(test);

            var managed = model.Contributions(test);

            Assert.Equal(native.Length, managed.Length);
            var single = new double[width];
            for (var r = 0; r < test.Rows; r++)
            {
                for (var c = 0; c < width; c++)
                {
                    Assert.True(Math.Abs(native[(r * width) + c] - managed[(r * width) + c]) <= 1e-9, $"{shape}: row {r}, column {c}: {native[(r * width) + c]} vs {managed[(r * width) + c]}");
                }

                Assert.Equal(raw[r], managed.AsSpan(r * width, width).ToArray().Sum(), 1e-9);
                model.Contributions(test.Row(r), single);
                Assert.Equal(managed.AsSpan(r * width, width).ToArray(), single);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ContributionsFewRows_EqualLightGbmAndDoNotDependOnTheOtherRows(string shape, string parameters, int rounds, bool missing, bool categorical)
    {
        var (model, test) = Fit(parameters, rounds, missing, categorical);
        using (model)
        {
            var width = test.ColumnCount + 1;
            foreach (var rows in new[] { 1, 3, Math.Min(test.Rows, 64), Math.Min(test.Rows, 65) })
            {
                var few = new DesignMatrix(test.Columns, test.Values.AsSpan(0, rows * test.ColumnCount).ToArray());
                var native = model.ContributionsNative(few);
                var raw = model.PredictRaw(few);

                var split = model.ContributionsFewRows(few);

                Assert.Equal(split, model.ContributionsFewRows(few));
                var alone = model.ContributionsFewRows(new DesignMatrix(test.Columns, test.Values.AsSpan((rows - 1) * test.ColumnCount, test.ColumnCount).ToArray()));
                Assert.Equal(alone, split.AsSpan((rows - 1) * width, width).ToArray());
                for (var r = 0; r < rows; r++)
                {
                    for (var c = 0; c < width; c++)
                    {
                        Assert.True(Math.Abs(native[(r * width) + c] - split[(r * width) + c]) <= 1e-9, $"{shape}, {rows} rows: row {r}, column {c}");
                    }

                    Assert.Equal(raw[r], split.AsSpan(r * width, width).ToArray().Sum(), 1e-9);
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Contributions_WithoutTablesForDeepLeaves_EqualLightGbm(int maxTableDepth)
    {
        var (model, test) = Fit(Binary + " num_leaves=63 min_data_in_leaf=2", 20, missing: true, categorical: true);
        using (model)
        {
            var trees = TreeEnsemble.TryParse(model.Serialize(), test.ColumnCount, new TreeEnsemble.ShapOptions(maxTableDepth))!;
            var native = model.ContributionsNative(test);
            var managed = new double[native.Length];

            trees.Contributions(test.Values, managed);

            for (var i = 0; i < native.Length; i++)
            {
                Assert.True(Math.Abs(native[i] - managed[i]) <= 1e-9, $"value {i}: {native[i]} vs {managed[i]}");
            }
        }
    }

    [Theory]
    [InlineData(" num_leaves=63 min_data_in_leaf=2", 20)]
    [InlineData(" num_leaves=7 max_depth=3", 40)]
    [InlineData(" num_leaves=255 min_data_in_leaf=1 max_bin=15", 5)]
    public void Contributions_Linear_EqualLightGbm(string shape, int rounds)
    {
        var (model, test) = Fit(Binary + shape, rounds, missing: true, categorical: true);
        using (model)
        {
            var trees = TreeEnsemble.TryParse(model.Serialize(), test.ColumnCount, new TreeEnsemble.ShapOptions(0, Linear: true))!;
            var native = model.ContributionsNative(test);
            var managed = new double[native.Length];
            var one = new double[test.ColumnCount + 1];
            Assert.True(trees.ExplainsLinearly);

            trees.Contributions(test.Values, managed);
            trees.Contributions(test.Values.AsSpan(0, test.ColumnCount), one);

            for (var i = 0; i < native.Length; i++)
            {
                Assert.True(Math.Abs(native[i] - managed[i]) <= 1e-9, $"value {i}: {native[i]} vs {managed[i]}");
            }

            Assert.Equal(managed.AsSpan(0, one.Length).ToArray(), one);
        }
    }

    [Fact]
    public void Contributions_TableBudgetExhausted_StillEqualLightGbm()
    {
        var (model, test) = Fit(Binary + " num_leaves=31", 30, missing: true, categorical: true);
        using (model)
        {
            var trees = TreeEnsemble.TryParse(model.Serialize(), test.ColumnCount, new TreeEnsemble.ShapOptions(MaxTableEntries: 5000))!;
            var managed = new double[test.Rows * (test.ColumnCount + 1)];

            trees.Contributions(test.Values, managed);

            Assert.Equal(model.ContributionsNative(test), managed, (a, b) => Math.Abs(a - b) <= 1e-9);
        }
    }

    [Fact]
    public void TryParse_LinearTrees_FallsBackToLightGbmInBatchesAndInBlocksOfRows()
    {
        var train = NativeBooster.Awkward(600, seed: 1, categorical: false, missing: 0);
        var text = NativeBooster.Train(train.X, train.Y, Binary + " num_leaves=7 linear_tree=true", 10);

        using var model = LightGbmModel.Load(text, train.X.Columns);
        var native = new double[train.X.Rows];
        model.PredictRawNative(train.X, native);
        // A block of rows (as a live step scores them) goes one native call per row; a reused buffer may hold more rows.
        var block = new double[train.X.Rows - 5];
        model.PredictRawRows(train.X.Values, block);

        Assert.Null(TreeEnsemble.TryParse(text, train.X.ColumnCount));
        Assert.False(model.IsManaged);
        Assert.Equal(native, model.PredictRaw(train.X));
        Assert.Equal(native.AsSpan(0, block.Length).ToArray(), block);
        Assert.Contains(block, v => v != block[0]);
    }

    [Fact]
    public void TryParse_SeveralClasses_IsNotManaged()
    {
        var train = NativeBooster.Awkward(600, seed: 2, categorical: false, missing: 0);
        var classes = train.Y.Select((y, i) => y + (i % 3 == 0 ? 1 : 0)).ToArray();

        var text = NativeBooster.Train(train.X, classes, "objective=multiclass num_class=3 num_leaves=7", 5);

        Assert.Null(TreeEnsemble.TryParse(text, train.X.ColumnCount));
    }

    [Theory]
    [InlineData("not a model")]
    [InlineData("tree\nmax_feature_idx=6\n\nTree=0\nnum_leaves=2\nsplit_feature=9\nthreshold=1\ndecision_type=2\nleft_child=-1\nright_child=-2\nleaf_value=1 2\nleaf_count=1 1\ninternal_count=2\nend of trees\n")]
    [InlineData("tree\nmax_feature_idx=6\n\nTree=0\nnum_leaves=2\nsplit_feature=1\nthreshold=x\ndecision_type=2\nleft_child=-1\nright_child=-2\nleaf_value=1 2\nleaf_count=1 1\ninternal_count=2\nend of trees\n")]
    [InlineData("tree\nmax_feature_idx=6\n\nTree=0\nnum_leaves=3\nsplit_feature=1 1\nthreshold=1 2\ndecision_type=2 2\nleft_child=-1 -2\nright_child=-2 -3\nleaf_value=1 2 3\nleaf_count=1 1 1\ninternal_count=3 2\nend of trees\n")]
    public void TryParse_MalformedText_GivesNull(string text)
    {
        Assert.Null(TreeEnsemble.TryParse(text, 7));
    }

    private static (LightGbmModel Model, DesignMatrix Test) Fit(string parameters, int rounds, bool missing, bool categorical)
    {
        var train = NativeBooster.Awkward(1500, seed: 11, categorical, missing ? 0.1 : 0, odd: false);
        var test = NativeBooster.Awkward(1500, seed: 12, categorical, missing: 0.1, odd: true);
        var text = NativeBooster.Train(train.X, train.Y, parameters, rounds);
        return (LightGbmModel.Load(text, train.X.Columns), test.X);
    }
}
