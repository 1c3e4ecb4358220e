using System.Text;
using System.Text.Json;

namespace Kizuki.Tests.Commands;

public sealed class ImportCommandTests
{
    static ImportCommandTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static long Count(string dataDir, string kind)
    {
        var status = CliRunner.Run("status", "--data-dir", dataDir, "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        using var json = JsonDocument.Parse(status.Out);
        return json.RootElement.GetProperty("summary").GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("kind").GetString() == kind).GetProperty("count").GetInt64();
    }

    [Fact]
    public void Import_ShiftJisWithJapaneseHeadersAndMap_LoadsEveryRow()
    {
        using var dir = new TempDirectory();
        var csv = "会員番号,お名前,入会日\r\nM001,山田太郎,2025/4/1\r\nM002,佐藤花子,2025年4月2日\r\n";
        File.WriteAllBytes(dir.File("members.csv"), Encoding.GetEncoding(932).GetBytes(csv));
        File.WriteAllText(dir.File("map.json"), """{"customer_id": "会員番号", "name": "お名前", "signup_at": "入会日"}""");

        var result = CliRunner.Run("import", "customers", dir.File("members.csv"), "--map", dir.File("map.json"),
            "--data-dir", dir.Path, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("shift_jis", json.RootElement.GetProperty("encoding").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("inserted").GetInt64());
        Assert.Equal(2, Count(dir.Path, "customers"));
    }

    [Fact]
    public void Import_SameFileTwice_SecondChangesNothing()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.csv"), "customer_id,occurred_at,type,name\nK1,2025-04-01 09:00,login,\nK1,2025-04-02 10:00,page_view,/pricing\n");
        Assert.Equal(0, CliRunner.Run("import", "activities", dir.File("a.csv"), "--data-dir", dir.Path).ExitCode);
        var again = CliRunner.Run("import", "activities", dir.File("a.csv"), "--data-dir", dir.Path, "--json");
        using var json = JsonDocument.Parse(again.Out);
        Assert.Equal(0, json.RootElement.GetProperty("inserted").GetInt64());
        Assert.Equal(2, json.RootElement.GetProperty("unchanged").GetInt64());
        Assert.Equal(2, Count(dir.Path, "activities"));
    }

    [Fact]
    public void Import_BadRow_RejectsWholeFileNamingLineAndColumn()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("orders.csv"), "order_id,customer_id,ordered_at,amount\nO1,K1,2025/04/01,\"¥12,800\"\nO2,K1,2025/13/01,500\n");
        var result = CliRunner.Run("import", "orders", dir.File("orders.csv"), "--data-dir", dir.Path, "--lang", "en");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("orders.csv:3:3", result.Error);
        Assert.Contains("nothing was written", result.Error);
        Assert.Equal(0, Count(dir.Path, "orders"));
    }

    [Fact]
    public void Import_SkipInvalid_CommitsValidRowsAndWritesRejects()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("surveys.csv"), "response_id,customer_id,responded_at,kind,score\nS1,K1,2025-04-01,nps,9\nS2,K1,2025-04-02,nps,11\n");
        var result = CliRunner.Run("import", "surveys", dir.File("surveys.csv"), "--skip-invalid", "--data-dir", dir.Path, "--lang", "ja");
        Assert.Equal(3, result.ExitCode);
        Assert.Equal(1, Count(dir.Path, "surveys"));
        var rejects = File.ReadAllText(dir.File("surveys.rejects.csv"));
        Assert.Contains("S2", rejects);
    }

    [Fact]
    public void Import_MissingFile_FailsWithOneClearLineNamingIt()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("import", "customers", dir.File("nope.csv"), "--data-dir", dir.Path, "--lang", "en");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope.csv", result.Error);
    }

    [Fact]
    public void Import_UnknownEntity_IsRefused()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("import", "invoices", dir.File("x.csv"), "--data-dir", dir.Path);
        Assert.NotEqual(0, result.ExitCode);
    }
}
