using System.Text;
using Kizuki.Domain;
using Kizuki.Ingest;

namespace Kizuki.Tests.Ingest;

public sealed partial class ImporterTests
{
    private const string SurveyHeader = "response_id,customer_id,responded_at,kind,score\n";

    [Theory]
    [InlineData("R1,,2025-04-01,nps,9", ImportErrorCodes.MissingValue, 2, "customer_id")]
    [InlineData("R1,C1,2025/13/01,nps,9", ImportErrorCodes.BadDate, 3, "responded_at")]
    [InlineData("R1,C1,2025-04-01,nps,nine", ImportErrorCodes.BadNumber, 5, "score")]
    [InlineData("R1,C1,2025-04-01,stars,4", ImportErrorCodes.BadEnum, 4, "kind")]
    [InlineData("R1,C1,2025-04-01,nps,11", ImportErrorCodes.OutOfRange, 5, "score")]
    [InlineData("R1,C1,2025-04-01,csat,0", ImportErrorCodes.OutOfRange, 5, "score")]
    [InlineData("R1,C\u00011,2025-04-01,nps,9", ImportErrorCodes.BadId, 2, "customer_id")]
    [InlineData("R1,C1,2025-04-01,\"nps\"x,9", ImportErrorCodes.StrayQuote, 4, "kind")]
    [InlineData("R1,C1,2025-04-01,nps", ImportErrorCodes.ColumnCount, null, null)]
    public void Run_BadRow_RejectedWithLineColumnAndReason(string row, string code, int? column, string? columnName)
    {
        var path = Write("surveys.csv", SurveyHeader + "R0,C0,2025-04-01,nps,10\n" + row + "\n");

        var result = Run(EntityKind.Surveys, path, out var session);

        Assert.False(result.Committed);
        Assert.False(session.Committed);
        Assert.True(session.Disposed);
        Assert.Equal((2L, 1L, 1L), (result.RowsRead, result.RowsAccepted, result.RowsRejected));
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(columnName, error.ColumnName);
        var location = column is null ? "surveys.csv:3: " : $"surveys.csv:3:{column} ({columnName}): ";
        Assert.StartsWith(location, error.Message("ja"), StringComparison.Ordinal);
        Assert.StartsWith(location, error.Message("en"), StringComparison.Ordinal);
        Assert.NotEqual(error.Message("ja"), error.Message("en"));
    }

    [Fact]
    public void Message_BadDate_MatchesCatalogInBothLanguages()
    {
        var path = Write("orders.csv", "注文ID,顧客ID,購入日,金額\nA1,C1,2025/04/01,100\nA2,C1,2025/13/01,100\n");

        var error = Assert.Single(Run(EntityKind.Orders, path, out _).Errors);

        Assert.Equal("orders.csv:3:3 (購入日): 日付として読めません「2025/13/01」。例: 2025/04/01, 2025-04-01T09:00:00+09:00", error.Message("ja"));
        Assert.Equal("orders.csv:3:3 (購入日): not a date \"2025/13/01\"; expected e.g. 2025/04/01, 2025-04-01T09:00:00+09:00", error.Message("en"));
    }

    [Fact]
    public void Run_SeveralProblemsInOneRow_ReportsEach()
    {
        var path = Write("surveys.csv", SurveyHeader + "R1,,yesterday,nps,99\n");

        var result = Run(EntityKind.Surveys, path, out _);

        Assert.Equal(1, result.RowsRejected);
        Assert.Equal([ImportErrorCodes.MissingValue, ImportErrorCodes.BadDate, ImportErrorCodes.OutOfRange], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Run_UnterminatedQuote_RejectsFromOpeningLine()
    {
        var path = Write("surveys.csv", SurveyHeader + "R1,C1,2025-04-01,nps,9\nR2,C1,\"2025-04-01,nps,9\nR3,C1,2025-04-01,nps,9\n");

        var result = Run(EntityKind.Surveys, path, out _);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCodes.UnterminatedQuote, error.Code);
        Assert.Equal(3, error.Line);
        Assert.False(result.Committed);
    }

    [Fact]
    public void Run_SkipInvalid_CommitsValidRowsAndWritesRejectsFile()
    {
        var path = Write("surveys.csv", SurveyHeader + "R1,C1,2025-04-01,nps,9\nR2,C1,2025-04-01,nps,11\nR3,C2,\"2025/4/1\",csat,4\n");

        var result = Run(EntityKind.Surveys, path, out var session, r => r with { SkipInvalid = true, Language = "en" });

        Assert.True(result.Committed);
        Assert.True(session.Committed);
        Assert.Equal(["R1", "R3"], session.Surveys.Select(s => s.Id));
        Assert.Equal(Path.Combine(_dir, "surveys.rejects.csv"), result.RejectsPath);
        var bytes = File.ReadAllBytes(result.RejectsPath!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var reader = new CsvRecordReader(new StringReader(Encoding.UTF8.GetString(bytes)), ',');
        Assert.Equal(["response_id", "customer_id", "responded_at", "kind", "score", "line", "reason"], reader.Columns);
        Assert.True(reader.TryRead(out var rejected));
        Assert.Equal(["R2", "C1", "2025-04-01", "nps", "11", "3", "out of range \"11\"; expected 0–10"], rejected.Values.Select(v => v ?? string.Empty));
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Run_SkipInvalidRejectsFile_CanBeReadBack()
    {
        var path = Write("touches.csv", "touch_id,customer_id,touched_at,campaign,channel,is_control\n" +
            "T1,C1,2025-04-01,\"spring, 2025\",email,maybe\n");

        var result = Run(EntityKind.Touches, path, out _, r => r with { SkipInvalid = true });

        using var reader = new CsvRecordReader(new StreamReader(result.RejectsPath!), ',');
        Assert.True(reader.TryRead(out var rejected));
        Assert.Equal(["T1", "C1", "2025-04-01", "spring, 2025", "email", "maybe", "2"], rejected.Values[..7].Select(v => v ?? string.Empty));
        Assert.Contains("はい/いいえとして読めません「maybe」", rejected.Values[7], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithoutSkipInvalid_WritesNoRejectsFile()
    {
        var path = Write("surveys.csv", SurveyHeader + "R2,C1,2025-04-01,nps,11\n");

        var result = Run(EntityKind.Surveys, path, out _);

        Assert.Null(result.RejectsPath);
        Assert.False(File.Exists(Path.Combine(_dir, "surveys.rejects.csv")));
    }

    [Fact]
    public void Run_ManyBadRows_CountsAllKeepsCap()
    {
        var path = Write("surveys.csv", SurveyHeader + string.Concat(Enumerable.Range(0, 50).Select(i => $"R{i},C1,bad,nps,1\n")));

        var result = Run(EntityKind.Surveys, path, out _, r => r with { MaxErrorsKept = 10 });

        Assert.Equal(50, result.RowsRejected);
        Assert.Equal(10, result.Errors.Count);
        Assert.True(result.ErrorsTruncated);
    }
}
