using Kizuki.Health;
using Kizuki.Notifications;

namespace Kizuki.Alerts;

/// <summary>The <c>alerts</c> section of the settings: rules, health score, notification channels and follow-up templates.</summary>
public sealed record AlertSettings
{
    /// <summary>Rules written inline, each entry one or more rules in the rule language. Default none.</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];

    /// <summary>Rule files, relative to the data directory or absolute. Default none.</summary>
    public IReadOnlyList<string> RuleFiles { get; init; } = [];

    /// <summary>The health score's measures, weights and bands.</summary>
    public HealthSettings Health { get; init; } = new();

    /// <summary>Where alerts are sent.</summary>
    public NotificationSettings Notifications { get; init; } = new();

    /// <summary>
    /// Follow-up templates by reason-group key, e.g. <c>tickets</c>, or by an alias of <see cref="ReasonGroups.Aliases"/>
    /// covering several groups, e.g. <c>support</c> (overriding the built-in ones; key <c>default</c> for the fallback).
    /// </summary>
    public IReadOnlyDictionary<string, FollowUpTemplate> FollowUps { get; init; } = new Dictionary<string, FollowUpTemplate>();

    /// <summary>The sender named in follow-ups as <c>{company}</c>. Default empty.</summary>
    public string Company { get; init; } = "";

    /// <summary>Checks the health settings and templates (rules are checked against the catalog when loaded).</summary>
    public void Validate()
    {
        Health.Validate();
        FollowUpTemplates.Validate(FollowUps);
        Notifications.Retry.Validate();
    }

    /// <summary>Every rule source: (name, text) of the inline entries and of the files.</summary>
    /// <exception cref="FileNotFoundException">A rule file is missing; the message names it.</exception>
    public IEnumerable<(string Source, string Text)> Sources(string dataDirectory)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            yield return ($"settings.json alerts.rules[{i}]", Rules[i]);
        }

        foreach (var file in RuleFiles)
        {
            var path = Path.GetFullPath(file, dataDirectory);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"規則ファイル {path} がありません / rule file {path} not found (settings.json alerts.ruleFiles).", path);
            }

            yield return (path, File.ReadAllText(path));
        }
    }
}
