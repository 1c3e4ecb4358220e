using System.Text.Json;
using Kizuki.Storage;

namespace Kizuki.Tests.Commands;

public sealed class TasksCommandTests
{
    [Fact]
    public void Tasks_AfterAlerts_ListsThemAndFiltersByStatus()
    {
        using var dir = new TempDirectory();
        Raise(dir.Path, ("c1", "ログイン停止", "high"), ("c2", "注文途絶", "medium"));

        var all = CliRunner.Run("tasks", "--data-dir", dir.Path, "--lang", "ja");
        var contacted = CliRunner.Run("tasks", "--status", "contacted", "--json", "--data-dir", dir.Path);

        Assert.True(all.ExitCode == 0, all.Error);
        Assert.Contains("ログイン停止", all.Out, StringComparison.Ordinal);
        Assert.Contains("未対応", all.Out, StringComparison.Ordinal);
        Assert.Contains("2 件のタスク", all.Out, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(contacted.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public void TasksUpdate_StatusNoteOwner_ChangesTaskAndRecordsOutcome()
    {
        using var dir = new TempDirectory();
        var task = Raise(dir.Path, ("c1", "ログイン停止", "high"))[0];

        var updated = CliRunner.Run("tasks", "update", task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--status", "lost", "--note", "競合に移行", "--owner", "sato", "--json", "--data-dir", dir.Path);
        var mine = CliRunner.Run("tasks", "--owner", "sato", "--lang", "en", "--data-dir", dir.Path);

        Assert.True(updated.ExitCode == 0, updated.Error);
        var json = JsonDocument.Parse(updated.Out).RootElement;
        Assert.Equal("lost", json.GetProperty("status").GetString());
        Assert.Equal("sato", json.GetProperty("owner").GetString());
        Assert.Contains("競合に移行", json.GetProperty("notes").GetString(), StringComparison.Ordinal);
        Assert.Contains("lost", mine.Out, StringComparison.Ordinal);
        Assert.Contains("1 tasks", mine.Out, StringComparison.Ordinal);
        using var store = StoreFactory.Open(dir.Path);
        using var work = WorkStores.For(store);
        Assert.Contains(work.Outcomes(), o => o.CustomerId == "c1" && o.Churned);
        Assert.Contains(AccountStores.For(store).AuditLog(), e => e.Action == "task.update" && e.Actor == "cli");
    }

    [Theory]
    [InlineData("en", "--status must be open, contacted, saved or lost, not 'done'")]
    [InlineData("ja", "--status は open, contacted, saved, lost のいずれかです")]
    public void TasksUpdate_UnknownStatus_FailsNamingTheChoices(string language, string expected)
    {
        using var dir = new TempDirectory();
        Raise(dir.Path, ("c1", "ログイン停止", "high"));

        var result = CliRunner.Run("tasks", "update", "1", "--status", "done", "--lang", language, "--data-dir", dir.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TasksUpdate_UnknownTask_FailsNamingIt()
    {
        using var dir = new TempDirectory();
        Raise(dir.Path, ("c1", "ログイン停止", "high"));

        var result = CliRunner.Run("tasks", "update", "42", "--note", "x", "--lang", "en", "--data-dir", dir.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("there is no task 42", result.Error, StringComparison.Ordinal);
    }

    private static IReadOnlyList<WorkTask> Raise(string directory, params (string Customer, string Rule, string Severity)[] alerts)
    {
        using var store = StoreFactory.Open(directory);
        using var work = WorkStores.For(store);
        var at = CliRunner.Now.AddHours(-3);
        return work.Raise([.. alerts.Select(a => new StoredAlert(StoredAlert.IdOf(a.Customer, a.Rule, at), a.Rule, a.Customer, a.Severity, at, 0.6, null, null, false))], at);
    }
}
