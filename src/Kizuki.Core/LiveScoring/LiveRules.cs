using Kizuki.Alerts;
using Kizuki.Features;

namespace Kizuki.LiveScoring;

/// <summary>Loads the rules of the settings (inline and files) and compiles them against the feature catalog.</summary>
internal static class LiveRules
{
    /// <summary>
    /// Every rule of <paramref name="settings"/>, compiled; empty when none are written. <c>top_reason</c> may name the
    /// catalog's reason groups, the groups <paramref name="explanations"/> adds, and their aliases.
    /// </summary>
    /// <exception cref="RuleSyntaxException">A rule is malformed or names something unknown; the message says where.</exception>
    /// <exception cref="FileNotFoundException">A rule file is missing.</exception>
    public static RuleSet Load(AlertSettings settings, string dataDirectory, FeatureCatalog catalog, Explanations.ExplanationSettings? explanations = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var rules = new List<RuleDefinition>();
        foreach (var (source, text) in settings.Sources(dataDirectory))
        {
            rules.AddRange(RuleParser.Parse(text, source));
        }

        return RuleCompiler.Compile(rules, catalog, ReasonGroups.Of(catalog, explanations));
    }

    /// <summary>Checks the rules of the settings when they load, so a bad rule fails at once with its place named.</summary>
    /// <exception cref="InvalidDataException">A rule is malformed, names something unknown, or its file is missing.</exception>
    public static void Validate(Configuration.KizukiSettings settings, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Alerts.Rules.Count == 0 && settings.Alerts.RuleFiles.Count == 0)
        {
            return;
        }

        try
        {
            Load(settings.Alerts, dataDirectory, new FeatureContext(settings.Features).Catalog, settings.Explanations);
        }
        catch (Exception e) when (e is RuleSyntaxException or FileNotFoundException)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
