using Kizuki.Cli.Commands;
using Kizuki.Storage;

namespace Kizuki.Tests.Commands;

public sealed class IngestCommandTests
{
    [Fact]
    public void IngestStream_ValidBadAndRepeatedLines_KeepsValidOnesAndNamesTheBadLine()
    {
        using var dir = new TempDirectory();
        var lines = string.Join('\n',
            """{"kind":"customer","customer_id":"c1","name":"株式会社テスト","signup_at":"2024-04-01"}""",
            """{"kind":"activity","activity_id":"a1","customer_id":"c1","occurred_at":"2024-04-02T09:00:00+09:00","type":"login"}""",
            """{"kind":"activity","activity_id":"a2","customer_id":"c1","occurred_at":"not a date","type":"login"}""",
            """{"kind":"activity","activity_id":"a1","customer_id":"c1","occurred_at":"2024-04-02T09:00:00+09:00","type":"login"}""",
            """{"kind":"parcel","id":"p1"}""",
            "");

        var result = CommandHost.Run((g, e, _) => IngestCommand.Create(g, e, new StringReader(lines)),
            "ingest", "--stream", "--data-dir", dir.Path, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Accepted 2, duplicates 1, rejected 2.", result.Out, StringComparison.Ordinal);
        Assert.Contains("stdin line 3 occurred_at:", result.Error, StringComparison.Ordinal);
        Assert.Contains("stdin line 5 kind:", result.Error, StringComparison.Ordinal);
        using var store = StoreFactory.Open(dir.Path);
        Assert.Equal("a1", Assert.Single(store.Activities("c1")).Id);
        Assert.Equal("株式会社テスト", Assert.Single(store.Customers()).Name);
    }

    [Fact]
    public void Ingest_WithoutStream_FailsWithAHint()
    {
        using var dir = new TempDirectory();

        var result = CommandHost.Run((g, e, _) => IngestCommand.Create(g, e, new StringReader("")),
            "ingest", "--data-dir", dir.Path, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Pass --stream", result.Error, StringComparison.Ordinal);
    }
}
