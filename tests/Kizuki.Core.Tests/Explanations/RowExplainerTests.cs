using Kizuki.Explanations;
using Kizuki.Features;

namespace Kizuki.Tests.Explanations;

public sealed class RowExplainerTests(ExplainedDemoFixture demo) : IClassFixture<ExplainedDemoFixture>
{
    [Fact]
    public void Explain_OneRowAtATime_GivesTheBatchProbabilitiesAndReasons()
    {
        var columns = demo.Model.Encoder.Columns;
        var rows = Enumerable.Range(0, Math.Min(200, demo.Table.RowCount)).ToArray();
        var x = demo.Model.Encoder.Encode(c => demo.Table.Numbers(columns[c].Name), c => demo.Table.Categories(columns[c].Name), rows);
        var batch = demo.Explainer.Explain(demo.Table, rows);
        var row = new RowExplainer(demo.Explainer);
        for (var i = 0; i < rows.Length; i++)
        {
            var one = row.Explain(x.Row(i), new TableRow(demo, rows[i]), demo.Table.AsOf);
            Assert.Equal(batch.Contributions.Probabilities[i], one.Probability, 9);
            var expected = batch.Reasons(i);
            Assert.Equal(ReasonsJson.Write(expected), ReasonsJson.Write(one.Reasons));
        }
    }

    [Fact]
    public void Explain_RowOfWrongWidth_Throws()
    {
        var row = new RowExplainer(demo.Explainer);
        Assert.Throws<ArgumentException>(() => row.Explain(new double[3], new TableRow(demo, 0), demo.Table.AsOf));
    }

    private sealed class TableRow(ExplainedDemoFixture demo, int row) : IRowValues
    {
        public double Number(string feature) =>
            demo.Table.IndexOf(feature) is var i and >= 0 && demo.Table.Definitions[i].Kind != FeatureKind.Categorical ? demo.Table.Numbers(i)[row] : double.NaN;

        public string? Text(string feature) =>
            demo.Table.IndexOf(feature) is var i and >= 0 && demo.Table.Definitions[i].Kind == FeatureKind.Categorical ? demo.Table.Categories(i)[row] : null;
    }
}
