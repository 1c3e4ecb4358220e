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
        var features = new FeatureContext(settings.Features);
        var compiled = new List<(string Id, string Text, CompiledRule Rule)>();
        foreach (var piece in pieces.Where(p => p.Definition is not null))
        {
            try
            {
                compiled.Add((piece.Id, piece.Text, RuleCompiler.Compile([piece.Definition!], features.Catalog).Rules[0]));
            }
            catch (RuleSyntaxException)
            {
                // A rule naming an unknown feature gets no count; saving it again shows the problem.
            }
        }

        var registry = new ModelRegistry(options.DataDirectory);
        var version = compiled.Any(c => c.Rule.UsesProbability) ? registry.Active : null;
        var runnable = compiled.Where(c => version is not null || !c.Rule.UsesProbability).ToList();
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
            var model = version is { } v ? new DryRunModel(registry.Load(v), v, registry.Metadata(v).ChurnKind) : null;
            var result = RuleDryRun.Run(store, features, new RuleSet([.. runnable.Select(c => c.Rule)]), asOf, 1, model);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "ルールの試行に失敗しました。該当件数は表示しません。 / The rules' dry run failed; no counts are shown.")]
    private static partial void LogDryRunFailed(ILogger logger, Exception exception);
}
