namespace Kizuki.Tests;

public sealed class KizukiCommandTests
{
    [Fact]
    public void Help_ListsEveryCommand()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "demo", "import", "status" })
        {
            Assert.Contains(command, result.Out);
        }
    }

    [Fact]
    public void Status_EmptyDataDirectory_FailsWithOneLineAndNoStackTrace()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("status", "--data-dir", dir.Path, "--lang", "en");
        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("kizuki demo", lines[0]);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Status_EmptyDataDirectoryInJapanese_SaysSoInJapanese()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("status", "--data-dir", dir.Path);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("データがありません", result.Error);
    }

    [Fact]
    public void DataDir_FromEnvironmentVariable_IsUsed()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run(new Dictionary<string, string> { ["KIZUKI_DATA"] = dir.Path }, "status", "--lang", "en");
        Assert.Contains(dir.Path, result.Error);
    }

    [Fact]
    public void Verbose_Failure_ShowsDetails()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("status", "--data-dir", dir.Path, "--verbose");
        Assert.Contains("   at ", result.Error);
    }

    [Fact]
    public void UnknownCommand_FailsNonZero()
    {
        var result = CliRunner.Run("no-such-command");
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public void Lang_OtherThanJaOrEn_IsRefused()
    {
        var result = CliRunner.Run("status", "--lang", "fr");
        Assert.NotEqual(0, result.ExitCode);
    }
}
