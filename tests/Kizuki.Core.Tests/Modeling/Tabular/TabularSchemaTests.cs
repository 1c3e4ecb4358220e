using Kizuki.Modeling.Tabular;

namespace Kizuki.Tests.Modeling.Tabular;

public sealed class TabularSchemaTests
{
    private static readonly TabularOptions Options = new() { MinCategoryRows = 2 };

    [Fact]
    public void Learn_MixedColumns_InfersNumericAndCategoricalWithBlanksAndThousands()
    {
        using var files = new TabularFiles();
        var table = files.Table("id,amount,plan,churn\nA,\"1,200\",basic,1\nB,300.5,pro,0\nC,,basic,0\nD,\"12,000\",,1\nE,7,pro,0\n");
        var schema = TabularSchema.Learn(table, "id", "churn", Options);
        Assert.Equal(["amount", "plan"], schema.Features.Select(f => f.Name));
        Assert.Equal(TabularColumnKind.Numeric, schema.Features[0].Kind);
        Assert.Equal(TabularColumnKind.Categorical, schema.Features[1].Kind);
        var (trees, _) = schema.Encode(table);
        Assert.Equal([1200, 300.5, double.NaN, 12000, 7], Enumerable.Range(0, 5).Select(r => trees[r, 0]));
        Assert.True(double.IsNaN(trees[3, 1]));
        Assert.Equal(trees[0, 1], trees[2, 1]);
    }

    [Fact]
    public void Learn_DistinctTextAndConstantColumns_AreIgnored()
    {
        using var files = new TabularFiles();
        var table = files.Table("id,email,country,score,churn\nA,a@x,JP,1,1\nB,b@x,JP,2,0\nC,c@x,JP,3,0\nD,d@x,JP,4,1\n");
        var schema = TabularSchema.Learn(table, "id", "churn", Options);
        Assert.Equal(["score"], schema.Features.Select(f => f.Name));
        Assert.Contains(new IgnoredColumn("email", "id-like"), schema.Ignored);
        Assert.Contains(new IgnoredColumn("country", "constant"), schema.Ignored);
        Assert.Contains(new IgnoredColumn("id", "id"), schema.Ignored);
    }

    [Fact]
    public void Encode_RareAndUnseenCategories_PoolRareAndLeaveUnseenMissing()
    {
        using var files = new TabularFiles();
        var train = files.Table("id,plan,churn\nA,basic,1\nB,basic,0\nC,pro,0\nD,pro,1\nE,gold,0\n");
        var schema = TabularSchema.Learn(train, "id", "churn", Options);
        Assert.Equal(["basic", "pro", TabularSchema.Other], schema.Features[0].Categories);
        var score = files.Table("id,plan\nX,gold\nY,platinum\nZ,pro\n");
        var (trees, _) = schema.Encode(score);
        Assert.Equal(2, trees[0, 0]);
        Assert.True(double.IsNaN(trees[1, 0]));
        Assert.Equal(1, trees[2, 0]);
    }

    [Fact]
    public void Read_ShiftJisFile_ReadsJapaneseHeaderAndValues()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var files = new TabularFiles();
        var table = files.Table("顧客,プラン,解約\nA,月額,はい\nB,年額,いいえ\n", System.Text.Encoding.GetEncoding(932));
        Assert.Equal(["顧客", "プラン", "解約"], table.Header);
        Assert.Equal("月額", table.Cell(0, 1));
        Assert.Equal([1.0, 0.0], TargetParser.Labels(table, "解約"));
    }
}
