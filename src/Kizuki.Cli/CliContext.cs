using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kizuki.Configuration;
using Kizuki.Storage;
using Spectre.Console;

namespace Kizuki.Cli;

/// <summary>One command invocation: the resolved data directory, settings, language and output.</summary>
internal sealed class CliContext
{
    private static readonly JsonSerializerOptions JsonOutput = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private CliContext(CliEnvironment environment, string dataDirectory, KizukiSettings settings, string language,
        bool json, string? databaseUrl)
    {
        Environment = environment;
        DataDirectory = dataDirectory;
        Settings = settings;
        Language = language;
        Json = json;
        DatabaseUrl = databaseUrl;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(environment.Out),
            Ansi = environment.Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = environment.Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = environment.Interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!environment.Interactive)
        {
            // Pipes and files have no width; don't wrap sentences at Spectre's default of 80 columns.
            Console.Profile.Width = 240;
        }
    }

    public CliEnvironment Environment { get; }

    /// <summary>The data directory (absolute).</summary>
    public string DataDirectory { get; }

    public KizukiSettings Settings { get; }

    /// <summary><c>ja</c> or <c>en</c>.</summary>
    public string Language { get; }

    public bool Json { get; }

    /// <summary>The database URL from <c>--db</c> or the settings; null for the embedded SQLite file.</summary>
    public string? DatabaseUrl { get; }

    /// <summary>Rich console output (tables, progress) on standard output.</summary>
    public IAnsiConsole Console { get; }

    public bool English => Language == "en";

    public static CliContext From(ParseResult parse, GlobalOptions globals, CliEnvironment environment)
    {
        var dir = parse.GetValue(globals.DataDir);
        if (string.IsNullOrWhiteSpace(dir))
        {
            dir = environment.Variables.TryGetValue("KIZUKI_DATA", out var fromEnv) && !string.IsNullOrWhiteSpace(fromEnv)
                ? fromEnv
                : "kizuki-data";
        }

        dir = Path.GetFullPath(dir);
        var settings = KizukiSettings.Load(dir);
        var language = parse.GetValue(globals.Language) ?? settings.Language;
        var database = parse.GetValue(globals.Database) ?? settings.Database;
        return new CliContext(environment, dir, settings, language, parse.GetValue(globals.Json),
            string.IsNullOrWhiteSpace(database) ? null : database);
    }

    /// <summary>Picks the message in the user's language.</summary>
    public string T(string japanese, string english) => English ? english : japanese;

    /// <summary>Opens (and migrates) the store of this data directory, or the database of <c>--db</c>.</summary>
    public IStore OpenStore(bool create = false)
    {
        if (DatabaseUrl is null && !create && !File.Exists(Path.Combine(DataDirectory, StoreFactory.SqliteFileName)))
        {
            throw new KizukiException(T(
                $"データディレクトリ {DataDirectory} にデータがありません。まず `kizuki demo` か `kizuki import` を実行してください。",
                $"no data in {DataDirectory}; run `kizuki demo` or `kizuki import` first."));
        }

        Directory.CreateDirectory(DataDirectory);
        return StoreFactory.Open(DataDirectory, DatabaseUrl);
    }

    /// <summary>Writes a value as JSON to standard output.</summary>
    public void WriteJson<T>(T value) => Environment.Out.WriteLine(JsonSerializer.Serialize(value, JsonOutput));

    /// <summary>Formats an instant in the user's time zone.</summary>
    public string FormatLocal(DateTimeOffset? instant) =>
        instant is { } i
            ? TimeZoneInfo.ConvertTime(i, Settings.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : "-";

    /// <summary>Formats a count with thousands separators.</summary>
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
