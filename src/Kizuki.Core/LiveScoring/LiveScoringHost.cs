using Kizuki.Configuration;
using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Modeling.Registry;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>Builds the live path of a data directory: active model, explainer, rules from the settings, work store.</summary>
internal static class LiveScoringHost
{
    /// <summary>
    /// A scorer over <paramref name="store"/> using the data directory's active model (none: scores are skipped) and the
    /// settings' rules. The caller owns <paramref name="work"/> (from <see cref="WorkStores.For"/>).
    /// </summary>
    /// <remarks>With <c>explain</c> off, scores are stored without reasons, which is faster.</remarks>
    public static LiveScorer CreateScorer(string dataDirectory, KizukiSettings settings, IStore store, IWorkStore work, TimeProvider time,
        bool explain = true, Action<Notifications.Notification>? notify = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var registry = new ModelRegistry(dataDirectory);
        var version = Directory.Exists(registry.Root) ? registry.Active : null;
        var model = version is { } v ? registry.Load(v) : null;
        var metadata = version is { } m ? registry.Metadata(m) : null;
        // The model's own catalog (with the purchase-model fits it was trained with), as `kizuki score` uses.
        var features = metadata?.CreateFeatureContext(settings.Features) ?? new FeatureContext(settings.Features);
        var parts = new LiveScorerParts(features, store, work, LiveRules.Load(settings.Alerts, dataDirectory, features.Catalog, settings.Explanations), time)
        {
            Model = model,
            Metadata = metadata,
            Explainer = model is not null && explain
                ? new Explainer(model, features.Catalog.Definitions, settings.Explanations, new ReasonFormat(settings.Currency, settings.Zone))
                : null,
            Scoring = settings.Scoring,
            FollowUpTemplates = settings.Alerts.FollowUps,
            Language = settings.Language,
            Company = settings.Alerts.Company,
            Notify = notify,
            SettingsDirectory = dataDirectory,
        };
        return new LiveScorer(parts);
    }
}
