using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kizuki.Configuration;

/// <summary>The settings of one data directory, read from <c>settings.json</c> in it.</summary>
/// <remarks>
/// Every value has a documented default, so a data directory without a settings file works.
/// Later capabilities add their own sections; unknown sections are kept by the JSON reader and ignored here.
/// </remarks>
public sealed record KizukiSettings
{
    /// <summary>The settings file name inside a data directory.</summary>
    public const string FileName = "settings.json";

    /// <summary>IANA time zone in which local times in imported files are read and times are shown. Default <c>Asia/Tokyo</c>.</summary>
    public string TimeZone { get; init; } = "Asia/Tokyo";

    /// <summary>Currency assumed for amounts that name none. Default <c>JPY</c>.</summary>
    public string Currency { get; init; } = "JPY";

    /// <summary>Language of messages: <c>ja</c> or <c>en</c>. Default <c>ja</c>.</summary>
    public string Language { get; init; } = "ja";

    /// <summary>
    /// Database URL: null or empty for the embedded SQLite file in the data directory,
    /// or <c>postgres://user:password@host:port/database</c> for PostgreSQL.
    /// </summary>
    public string? Database { get; init; }

    /// <summary>How raw events are read as signals: page categories, user-defined metrics, live-state retention.</summary>
    public Kizuki.Features.FeatureSettings Features { get; init; } = new();

    /// <summary>What churn means and how training sets are cut: churn definition, prediction window, cutoffs.</summary>
    public Kizuki.Features.Labels.LabelSettings Labels { get; init; } = new();

    /// <summary>How scores are banded into high, medium and low risk.</summary>
    public Kizuki.Scoring.ScoringSettings Scoring { get; init; } = new();

    /// <summary>RFM and CPM thresholds and customer lifetime value for shops without contracts.</summary>
    public Kizuki.Lifetime.LifetimeSettings Lifetime { get; init; } = new();

    /// <summary>Alert rules, health score, notification channels and follow-up templates.</summary>
    public Kizuki.Alerts.AlertSettings Alerts { get; init; } = new();

    /// <summary>How scores are explained: number of reasons, regrouping of features, and the playbook of actions.</summary>
    public Kizuki.Explanations.ExplanationSettings Explanations { get; init; } = new();

    /// <summary>The time zone as an object; throws naming the setting when the id is unknown.</summary>
    [JsonIgnore]
    public TimeZoneInfo Zone
    {
        get
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
            }
            catch (TimeZoneNotFoundException)
            {
                throw new InvalidOperationException(
                    $"settings.json: timeZone '{TimeZone}' is not a known IANA time zone (e.g. Asia/Tokyo, UTC).");
            }
        }
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads the settings of a data directory; the defaults when it has no settings file.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON; the message names the file, line and position.</exception>
    public static KizukiSettings Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return new KizukiSettings();
        }

        try
        {
            var settings = JsonSerializer.Deserialize<KizukiSettings>(File.ReadAllText(path), Json) ?? new KizukiSettings();
            settings.Validate(path);
            return settings;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: invalid settings JSON: {e.Message}", e);
        }
    }

    /// <summary>Writes the settings into a data directory.</summary>
    public void Save(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(Path.Combine(dataDirectory, FileName), JsonSerializer.Serialize(this, Json));
    }

    private void Validate(string path)
    {
        if (Language is not ("ja" or "en"))
        {
            throw new InvalidDataException($"{path}: language must be \"ja\" or \"en\", not \"{Language}\".");
        }

        if (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidDataException($"{path}: currency must be a 3-letter ISO 4217 code such as \"JPY\", not \"{Currency}\".");
        }

        _ = Zone;
        Features.Validate();
        Labels.Validate();
        Scoring.Validate();
        Lifetime.Validate();
        Explanations.Validate();
        try
        {
            Alerts.Validate();
        }
        catch (ArgumentException e)
        {
            // The retry options name their member (MaxAttempts, ...); here it becomes the setting a user writes.
            var name = string.IsNullOrEmpty(e.ParamName) ? "" : char.ToLowerInvariant(e.ParamName[0]) + e.ParamName[1..];
            throw new InvalidDataException(
                $"{path}: alerts.notifications.{name} が範囲外です / alerts.notifications.{name} is out of range: {e.Message}", e);
        }
    }
}
