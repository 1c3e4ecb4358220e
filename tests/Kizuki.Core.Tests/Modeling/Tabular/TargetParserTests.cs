using Kizuki.Modeling.Tabular;

namespace Kizuki.Tests.Modeling.Tabular;

public sealed class TargetParserTests
{
    [Theory]
    [InlineData("Yes", 1)]
    [InlineData("no", 0)]
    [InlineData("TRUE", 1)]
    [InlineData("false", 0)]
    [InlineData("1", 1)]
    [InlineData("0", 0)]
    [InlineData("はい", 1)]
    [InlineData("いいえ", 0)]
    public void TryParse_AcceptedForm_GivesLabel(string text, double expected)
    {
        Assert.True(TargetParser.TryParse(text, out var label));
        Assert.Equal(expected, label);
    }

    [Fact]
    public void Labels_BadValue_ThrowsNamingLineAndColumn()
    {
        using var files = new TabularFiles();
        var table = files.Table("id,x,Churn\nA,1,Yes\nB,2,maybe\n");
        var error = Assert.Throws<InvalidDataException>(() => TargetParser.Labels(table, "Churn"));
        Assert.Contains("line 3", error.Message);
        Assert.Contains("'Churn'", error.Message);
        Assert.Contains("'maybe'", error.Message);
    }
}
