using Kizuki.Alerts;
using Kizuki.Configuration;
using Kizuki.Features;
using Kizuki.Modeling.Registry;

namespace Kizuki.Web.Dashboard;

internal sealed partial class SettingsRuleBook
{
    private (string Key, IReadOnlyDictionary<string, int> Counts)? cached;

    /// <summary>Forgets the cached dry-run counts (after a save).</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            cached = null;
        }
    }

    /// <summary>
    /// How many customers each readable rule would alert on at the latest scoring (or today, before any scoring): a one-day
    /// dry run. Cached until the rules, the as-of instant or the active model change. Rules that read the churn probability
    /// get no count while no model is active; a failing dry run leaves every count empty and is logged, never shown as zero.
    /// </summary>
    private Dictionary<string, int> DryRunCounts(KizukiSettings settings, IReadOnlyList<RulePiece> pieces)
    {
        var registry = new ModelRegistry(options.DataDirectory);
        var active = registry.Active;
        var features = active is { } a ? registry.Metadata(a).CreateFeatureContext(settings.Features) : new FeatureContext(settings.Features);
        var reasonGroups = ReasonGroups.Of(features.Catalog, settings.Explanations);
        var compiled = new List<(string Id, string Text, CompiledRule Rule)>();
        foreach (var piece in pieces.Where(p => p.Definition is not null))
        {
            try
            {
                compiled.Add((piece.Id, piece.Text, RuleCompiler.Compile([piece.Definition!], features.Catalog, reasonGroups).Rules[0]));
            }
            catch (RuleSyntaxException)
            {
                // A rule naming an unknown feature gets no count; saving it again shows the problem.
            }
        }

        var version = compiled.Any(c => NeedsModel(c.Rule)) ? active : null;
        var runnable = compiled.Where(c => version is not null || !NeedsModel(c.Rule)).ToList();
        if (runnable.Count == 0)
        {
            return [];
        }

        // Before any scoring, the start of today (UTC): a stable instant, so the cache holds for the day.
        var asOf = board.Current().AsOf ?? new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        var key = string.Join('\u0001', runnable.Select(c => c.Id + "\u0002" + c.Text))
            + "\u0001" + asOf.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0001" + version;
        lock (gate)
        {
            if (cached is { } hit && hit.Key == key)
            {
                return new Dictionary<string, int>(hit.Counts, StringComparer.Ordinal);
            }
        }

        try
        {
            var rules = new RuleSet([.. runnable.Select(c => c.Rule)]);
            var model = version is { } v ? Model(registry, v, features, settings, rules) : null;
            var result = RuleDryRun.Run(store, features, rules, asOf, 1, model, reasonGroups: reasonGroups);
            var counts = runnable.Select((c, i) => (c.Id, result.Rules[i].HitsNow.Count))
                .GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Count, StringComparer.Ordinal);
            lock (gate)
            {
                cached = (key, counts);
            }

            return counts;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or ArgumentException)
        {
            LogDryRunFailed(logger, e);
            return [];
        }
    }

    /// <summary>Whether a rule reads the churn probability or the top reason, which need the active model.</summary>
    private static bool NeedsModel(CompiledRule rule) => rule.UsesProbability || rule.UsesTopReason;

    /// <summary>The active model as the dry run uses it, explained as the live scorer explains it when a rule reads the top reason.</summary>
    private static DryRunModel Model(ModelRegistry registry, int version, FeatureContext features, KizukiSettings settings, RuleSet rules)
    {
        var model = registry.Load(version);
        return new DryRunModel(model, version, registry.Metadata(version).ChurnKind)
        {
            Explainer = rules.UsesTopReason
                ? new Kizuki.Explanations.Explainer(model, features.Catalog.Definitions, settings.Explanations,
                    new Kizuki.Explanations.ReasonFormat(settings.Currency, settings.Zone))
                : null,
            Scoring = settings.Scoring,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ルールの試行に失敗しました。該当件数は表示しません。 / The rules' dry run failed; no counts are shown.")]
    private static partial void LogDryRunFailed(ILogger logger, Exception exception);
}
