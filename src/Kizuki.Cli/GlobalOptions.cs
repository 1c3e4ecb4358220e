using System.CommandLine;

namespace Kizuki.Cli;

/// <summary>The options every command takes.</summary>
internal sealed class GlobalOptions
{
    /// <summary>The data directory. Default <c>./kizuki-data</c>, or the <c>KIZUKI_DATA</c> environment variable.</summary>
    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Data directory (default ./kizuki-data or $KIZUKI_DATA) / データディレクトリ",
        Recursive = true,
    };

    /// <summary>A database URL that overrides the data directory's embedded SQLite file.</summary>
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "Database URL, e.g. postgres://user:pass@127.0.0.1:5432/kizuki (default: SQLite in the data directory)",
        Recursive = true,
    };

    /// <summary>Language of messages.</summary>
    public Option<string?> Language { get; } = new("--lang")
    {
        Description = "Language of messages: ja or en (default from settings.json, else ja) / 表示言語",
        Recursive = true,
    };

    /// <summary>Machine-readable JSON on standard output.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write machine-readable JSON to standard output / JSON で出力",
        Recursive = true,
    };

    /// <summary>Show stack traces on failure.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show details (stack traces) on failure / 詳細を表示",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        Language.AcceptOnlyFromAmong("ja", "en");
        command.Options.Add(DataDir);
        command.Options.Add(Database);
        command.Options.Add(Language);
        command.Options.Add(Json);
        command.Options.Add(Verbose);
    }
}
