using Kizuki.Modeling;
using Kizuki.Modeling.Linear;

namespace Kizuki.Tests.Modeling.Linear;

public sealed class LogisticRegressionModelTests
{
    private static readonly (DesignMatrix X, double[] Y) Data = SyntheticData.Create(2000, seed: 12, missingShare: 0.1);
    private static readonly LogisticRegressionModel Model = new LogisticRegressionEstimator().Fit(Data.X, Data.Y);

    [Fact]
    public void Load_SerializedModel_IdenticalPredictionsAndText()
    {
        var text = Model.Serialize();
        var loaded = LogisticRegressionModel.Load(text);

        var expected = new double[Data.X.Rows];
        var actual = new double[Data.X.Rows];
        Model.PredictRaw(Data.X, expected);
        loaded.PredictRaw(Data.X, actual);
        Assert.Equal(expected, actual);
        Assert.Equal(text, loaded.Serialize());
        Assert.Equal(Model.Columns.Select(c => c.Name), loaded.Columns.Select(c => c.Name));
        Assert.Equal(Model.Columns[2].Categories!, loaded.Columns[2].Categories!);
        Assert.Null(loaded.Columns[0].Categories);
    }

    [Fact]
    public void Load_NotAModel_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => LogisticRegressionModel.Load("{\"format\":\"other\"}"));
        Assert.Throws<FormatException>(() => LogisticRegressionModel.Load("not json"));
    }

    [Fact]
    public void PredictRaw_BatchAndSingleRow_Agree()
    {
        var batch = new double[Data.X.Rows];
        Model.PredictRaw(Data.X, batch);

        for (var r = 0; r < 50; r++)
        {
            Assert.Equal(batch[r], Model.PredictRaw(Data.X.Row(r)));
        }
    }

    [Fact]
    public void PredictRaw_UnseenOrMissingCategory_ScoresWithNoCategoryTerm()
    {
        var seen = Model.PredictRaw([0.5, 4.0, 1.0]);
        var neverInTraining = Model.PredictRaw([0.5, 4.0, 3.0]);
        var outOfRange = Model.PredictRaw([0.5, 4.0, 9.0]);
        var notACode = Model.PredictRaw([0.5, 4.0, 1.5]);
        var missing = Model.PredictRaw([0.5, 4.0, double.NaN]);

        var standard = Model.Coefficients.Single(t => t.Category == "Standard").Weight;
        Assert.Equal(seen - standard, neverInTraining, 1e-12);
        Assert.Equal(neverInTraining, outOfRange);
        Assert.Equal(neverInTraining, notACode);
        Assert.Equal(neverInTraining, missing);
    }

    [Fact]
    public void PredictRaw_WrongColumns_Throws()
    {
        var other = new DesignMatrix([new ModelColumn("Usage"), new ModelColumn("Other"), new ModelColumn("Plan", ["Basic"])], [0, 0, 0]);
        Assert.Throws<ArgumentException>(() => Model.PredictRaw(other, new double[1]));
        Assert.Throws<ArgumentException>(() => Model.PredictRaw([1.0, 2.0]));
    }

    [Fact]
    public void Contributions_EveryRow_SumToRawScore()
    {
        var contributions = Model.Contributions(Data.X);
        var width = Model.Columns.Count + 1;

        for (var r = 0; r < Data.X.Rows; r++)
        {
            var sum = contributions.AsSpan(r * width, width).ToArray().Sum();
            Assert.Equal(Model.PredictRaw(Data.X.Row(r)), sum, 1e-9);
            Assert.Equal(Model.BaseValue, contributions[(r * width) + width - 1]);
        }
    }

    [Fact]
    public void Contributions_AverageOverTrainingRows_AreZero()
    {
        var contributions = Model.Contributions(Data.X);
        var width = Model.Columns.Count + 1;

        for (var c = 0; c < Model.Columns.Count; c++)
        {
            var mean = Enumerable.Range(0, Data.X.Rows).Average(r => contributions[(r * width) + c]);
            Assert.Equal(0.0, mean, 1e-9);
        }
    }

    [Fact]
    public void Contributions_HigherUsage_RaisesOnlyTheUsageContribution()
    {
        var low = new double[4];
        var high = new double[4];
        Model.Contributions([0.0, 5.0, 0.0], low);
        Model.Contributions([1.0, 5.0, 0.0], high);

        Assert.True(high[0] > low[0]);
        Assert.Equal(low[1], high[1]);
        Assert.Equal(low[2], high[2]);
    }
}
