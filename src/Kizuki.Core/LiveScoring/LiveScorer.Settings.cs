using Kizuki.Alerts;
using Kizuki.Configuration;

namespace Kizuki.LiveScoring;

internal sealed partial class LiveScorer
{
    private readonly LiveSettingsWatch? _watch;

    /// <summary>How many times changed settings were taken up while running (0 = still the settings it started with).</summary>
    public int SettingsReloads { get; private set; }

    /// <summary>
    /// Why the last change of the settings was not taken up (a bad rule, invalid JSON, a missing rule file), in Japanese and
    /// English; null when the settings in use are the latest. The scorer keeps the last good settings meanwhile.
    /// </summary>
    public string? SettingsError { get; private set; }

    /// <summary>Makes the next step reload the settings even if their files look unchanged (thread-safe).</summary>
    public void RequestReload() => _watch?.RequestReload();

    /// <summary>
    /// Takes up changed settings before a step: the alert rules (inline and files), follow-up templates, language, sender and
    /// risk band thresholds. Feature definitions and the model are fixed for the scorer's life (they change the live state's
    /// shape: restart the service, as after <c>kizuki train</c>). Cool-downs carry over, as they live in the alert state.
    /// </summary>
    private void ReloadIfChanged()
    {
        if (_watch is null || !_watch.Changed())
        {
            return;
        }

        KizukiSettings settings;
        RuleSet rules;
        try
        {
            settings = KizukiSettings.Load(_watch.Directory);
            rules = LiveRules.Load(settings.Alerts, _watch.Directory, _features.Catalog, settings.Explanations);
        }
        catch (Exception e) when (e is InvalidDataException or RuleSyntaxException or FileNotFoundException or IOException or InvalidOperationException)
        {
            SettingsError = $"変更された設定を読み込めません。以前の設定で続けます（{e.Message}） / " +
                $"The changed settings could not be loaded; carrying on with the previous ones ({e.Message})";
            return;
        }

        _watch.Follow(settings);
        _alerts = new AlertEngine(rules, _state);
        _followUps = new FollowUpPlanner(settings.Alerts.FollowUps, settings.Language, settings.Alerts.Company, _touches);
        _rowModel?.Rescale(settings.Scoring);
        SettingsError = null;
        SettingsReloads++;
    }
}
