using Kizuki.Modeling;
using Kizuki.Modeling.LightGbm;

namespace Kizuki.Tests.Modeling.LightGbm;

public sealed class LightGbmModelTests : IDisposable
{
    private readonly (DesignMatrix X, double[] Y) data = LightGbmTestData.Signal(2000, seed: 21);
    private readonly LightGbmModel model;

    public LightGbmModelTests()
    {
        model = new LightGbmEstimator(LightGbmTestData.Quick with { MaxRounds = 60 }).Fit(data.X, data.Y);
    }

    public void Dispose() => model.Dispose();

    [Fact]
    public void Load_SerializedText_PredictsBitForBitTheSame()
    {
        using var loaded = LightGbmModel.Load(model.Serialize(), data.X.Columns);

        Assert.Equal(model.PredictRaw(data.X), loaded.PredictRaw(data.X));
        for (var r = 0; r < 200; r++)
        {
            Assert.Equal(model.PredictRaw(data.X.Row(r)), loaded.PredictRaw(data.X.Row(r)));
        }

        Assert.Equal(model.Serialize(), loaded.Serialize());
        Assert.Equal(model.Iterations, loaded.Iterations);
    }

    [Fact]
    public void PredictRaw_SingleRow_EqualsBatch()
    {
        var batch = model.PredictRaw(data.X);

        for (var r = 0; r < data.X.Rows; r++)
        {
            Assert.Equal(batch[r], model.PredictRaw(data.X.Row(r)));
        }
    }

    [Fact]
    public void PredictRawRows_LeadingRowsOfALongerBuffer_EqualEachRowAlone()
    {
        var buffer = new double[data.X.Values.Length + (3 * data.X.ColumnCount)];
        data.X.Values.CopyTo(buffer, 0);
        foreach (var rows in new[] { 0, 1, 20, data.X.Rows })
        {
            var output = new double[rows];
            model.PredictRawRows(buffer, output);

            Assert.Equal(Enumerable.Range(0, rows).Select(r => model.PredictRaw(data.X.Row(r))), output);
        }

        Assert.Throws<ArgumentException>(() => model.PredictRawRows(buffer, new double[data.X.Rows + 4]));
    }

    [Fact]
    public void PredictRaw_SingleRowFromManyThreads_EqualsBatch()
    {
        var batch = model.PredictRaw(data.X);
        var single = new double[data.X.Rows];

        Parallel.For(0, data.X.Rows, new ParallelOptions { MaxDegreeOfParallelism = 4 }, r => single[r] = model.PredictRaw(data.X.Row(r)));

        Assert.Equal(batch, single);
    }

    [Fact]
    public void Contributions_EveryRow_SumToTheRawScore()
    {
        var raw = model.PredictRaw(data.X);
        var width = data.X.ColumnCount + 1;

        var contributions = model.Contributions(data.X);

        Assert.Equal(data.X.Rows * width, contributions.Length);
        for (var r = 0; r < data.X.Rows; r++)
        {
            Assert.Equal(raw[r], contributions.AsSpan(r * width, width).ToArray().Sum(), 1e-6);
        }
    }

    [Fact]
    public void Contributions_ColumnWithoutSignal_GetsLessThanTheStrongestColumn()
    {
        var width = data.X.ColumnCount + 1;
        var contributions = model.Contributions(data.X);
        double Mean(int column) => Enumerable.Range(0, data.X.Rows).Average(r => Math.Abs(contributions[(r * width) + column]));

        Assert.True(Mean(0) > 3 * Mean(3), $"DaysSinceLastOrder {Mean(0):F3}, Noise1 {Mean(3):F3}");
    }

    [Fact]
    public void PredictRaw_WrongColumnCount_IsRejected()
    {
        var narrow = new DesignMatrix([new ModelColumn("A")], [1.0, 2.0]);

        Assert.Throws<ArgumentException>(() => model.PredictRaw(narrow));
        Assert.Throws<ArgumentException>(() => model.PredictRaw([1.0, 2.0]));
    }

    [Fact]
    public void Load_TextThatIsNoModel_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LightGbmModel.Load("this is not a model", data.X.Columns));

        Assert.Equal("text", error.ParamName);
    }

    [Fact]
    public void Load_OtherColumnCount_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => LightGbmModel.Load(model.Serialize(), [new ModelColumn("A")]));

        Assert.Equal("columns", error.ParamName);
    }

    [Fact]
    public void PredictRaw_AfterDispose_Throws()
    {
        var own = LightGbmModel.Load(model.Serialize(), data.X.Columns);
        own.PredictRaw(data.X.Row(0));

        own.Dispose();

        Assert.Throws<ObjectDisposedException>(() => own.PredictRaw(data.X.Row(0)));
    }
}
