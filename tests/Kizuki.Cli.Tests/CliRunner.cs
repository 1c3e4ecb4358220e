using Kizuki.Cli;

namespace Kizuki.Tests;

/// <summary>Runs the kizuki command in-process with captured output and a fixed clock.</summary>
internal static class CliRunner
{
    /// <summary>The instant tests treat as "now": 2026-11-15 09:00 in Tokyo.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 15, 0, 0, 0, TimeSpan.Zero);

    public static CliResult Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public static CliResult Run(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new CliEnvironment(stdout, stderr, new FixedTime(Now), variables, Interactive: false);
        var exit = KizukiCommand.Run(args, environment);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>A temporary data directory removed after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kizuki-cli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process killed by a test may still hold a file for a moment; the OS cleans temp later.
        }
    }
}
