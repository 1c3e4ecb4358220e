namespace Kizuki.Cli;

/// <summary>What a command run sees of the outside world: its writers, clock and environment variables.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Time">The clock; the only way any command learns the time.</param>
/// <param name="Variables">Environment variables (e.g. <c>KIZUKI_DATA</c>).</param>
/// <param name="Interactive">Whether output goes to a terminal (progress bars are shown only then).</param>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    TimeProvider Time,
    IReadOnlyDictionary<string, string> Variables,
    bool Interactive)
{
    /// <summary>The real process: console writers, system clock, process environment.</summary>
    public static CliEnvironment FromProcess()
    {
        var variables = Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        return new CliEnvironment(stdout, stderr, TimeProvider.System, variables, !Console.IsOutputRedirected);
    }
}
