using Kizuki.Ingest;

namespace Kizuki.Tests.Ingest;

public sealed class CsvRecordReaderTests
{
    private static List<RawRecord> ReadAll(string text, out IReadOnlyList<string> columns, char separator = ',')
    {
        using var reader = new CsvRecordReader(new StringReader(text), separator);
        columns = reader.Columns;
        var records = new List<RawRecord>();
        while (reader.TryRead(out var record))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public void TryRead_QuotedFields_KeepCommasQuotesAndNewlines()
    {
        var rows = ReadAll("id,note\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\r\nlines\"\r\n4,plain\r\n", out var columns);
        Assert.Equal(["id", "note"], columns);
        Assert.Equal(["a, b", "say \"hi\"", "two\nlines", "plain"], rows.Select(r => r.Values[1]));
        Assert.All(rows, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void TryRead_LineNumbers_CountPhysicalLinesAndSkipBlanks()
    {
        var rows = ReadAll("id,note\n1,\"x\ny\"\n\n2,z\n3,w", out _);
        Assert.Equal([2L, 5L, 6L], rows.Select(r => r.Line));
    }

    [Fact]
    public void TryRead_StrayQuote_ReportsProblemAndContinues()
    {
        var rows = ReadAll("id,note\n1,ab\"c\n2,\"ok\"x\n3,fine\n", out _);
        Assert.Equal(ImportErrorCodes.StrayQuote, rows[0].Problem?.Code);
        Assert.Equal(2, rows[0].Problem?.Column);
        Assert.Equal(ImportErrorCodes.StrayQuote, rows[1].Problem?.Code);
        Assert.Null(rows[2].Problem);
        Assert.Equal("fine", rows[2].Values[1]);
    }

    [Fact]
    public void TryRead_UnterminatedQuote_NamesStartLine()
    {
        var rows = ReadAll("id,note\n1,ok\n2,\"never closed\n3,more\n", out _);
        Assert.Equal(2, rows.Count);
        Assert.Equal(ImportErrorCodes.UnterminatedQuote, rows[1].Problem?.Code);
        Assert.Equal(3L, rows[1].Line);
        Assert.Equal("3", rows[1].Problem?.Detail);
    }

    [Fact]
    public void TryRead_WrongColumnCount_ReportsBothCounts()
    {
        var rows = ReadAll("a,b,c\n1,2\n1,2,3,4\n1,2,3,,\n", out _);
        Assert.Equal(ImportErrorCodes.ColumnCount, rows[0].Problem?.Code);
        Assert.Equal("2", rows[0].Problem?.Value);
        Assert.Equal("3", rows[0].Problem?.Detail);
        Assert.Equal(ImportErrorCodes.ColumnCount, rows[1].Problem?.Code);
        Assert.Null(rows[2].Problem);
    }

    [Fact]
    public void TryRead_Tabs_SplitTsv()
    {
        var rows = ReadAll("a\tb\n1,5\t\"x\ty\"\n", out var columns, '\t');
        Assert.Equal(["a", "b"], columns);
        Assert.Equal(["1,5", "x\ty"], rows[0].Values.Select(v => v ?? string.Empty));
    }

    [Fact]
    public void TryRead_FieldsSpanningBufferRefills_ReadWhole()
    {
        var longValue = new string('x', 200_000);
        var rows = ReadAll($"a,b\n\"{longValue}\",{longValue}\n", out _);
        Assert.Equal(longValue, rows[0].Values[0]);
        Assert.Equal(longValue, rows[0].Values[1]);
    }

    [Fact]
    public void Columns_ByteOrderMarkAndSpaces_Removed()
    {
        ReadAll("\uFEFF id , name \n", out var columns);
        Assert.Equal(["id", "name"], columns);
    }
}
