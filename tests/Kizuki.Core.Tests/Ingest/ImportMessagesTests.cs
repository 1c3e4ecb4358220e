using System.Reflection;
using Kizuki.Ingest;

namespace Kizuki.Tests.Ingest;

public sealed class ImportMessagesTests
{
    public static TheoryData<string> AllCodes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(ImportErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Reason_EveryCode_HasJapaneseAndEnglishWithValue(string code)
    {
        var error = new ImportError(code, "f.csv", 2, 1, "col", "VALUE", "DETAIL");

        var ja = ImportMessages.Reason(error, "ja");
        var en = ImportMessages.Reason(error, "en");

        Assert.Contains(code, ImportMessages.Codes);
        Assert.NotEqual(ja, en);
        Assert.DoesNotContain("{", ja, StringComparison.Ordinal);
        Assert.Contains(ja, c => c > '\u3000');
        Assert.DoesNotContain(en, c => c is >= '\u3040' and <= '\u30FF');
    }

    [Fact]
    public void Format_FileLevelError_HasFileOnly()
    {
        var error = new ImportError(ImportErrorCodes.FileEmpty, "orders.csv", 0, null, null, null, null);

        Assert.Equal("orders.csv: ファイルが空です", error.Message("ja"));
        Assert.Equal("orders.csv: the file is empty", error.Message("en"));
    }

    [Fact]
    public void Format_RowErrorWithoutColumn_HasFileAndLine()
    {
        var error = new ImportError(ImportErrorCodes.ColumnCount, "orders.csv", 7, null, null, "3", "4");

        Assert.Equal("orders.csv:7: wrong number of columns: the header has 4, this row has 3", error.Message("en"));
    }
}
