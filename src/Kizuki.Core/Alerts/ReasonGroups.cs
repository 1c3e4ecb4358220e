using Kizuki.Explanations;
using Kizuki.Features;

namespace Kizuki.Alerts;

/// <summary>The names <c>top_reason</c> may be compared with: the reason groups the explanations and the live scorer give.</summary>
/// <remarks>
/// The top reason of a score is the key of the reason group adding most to it (see <see cref="FeatureCatalog.ReasonGroups"/>:
/// <c>logins</c>, <c>tickets</c>, <c>ticket_sentiment</c>, <c>renewal</c>, …). User-defined metrics are in <c>custom</c>
/// unless <c>explanations.groups</c> places a feature in another group, which may be a new key of the playbook.
/// The older business-field names (<c>support</c>, <c>login_frequency</c>, …) are kept as aliases, each standing for every
/// reason group it covers (see <see cref="Aliases"/>), so rules written with them keep working.
/// </remarks>
public static class ReasonGroups
{
    /// <summary>The built-in reason-group keys, in the catalog's order.</summary>
    public static IReadOnlyList<string> Default { get; } = [.. FeatureCatalog.ReasonGroups.Select(g => g.Key)];

    /// <summary>Older names accepted for <c>top_reason</c>, each with the reason groups it stands for (any of them matches).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["support"] = ["tickets", "ticket_sentiment", "support_pages"],
        ["login_frequency"] = ["logins"],
        ["subscription"] = ["renewal", "contract"],
        ["email_engagement"] = ["email"],
        ["web_behaviour"] = ["web_visits", "support_pages", "pricing_pages", "cancellation_pages"],
    };

    /// <summary>
    /// The reason groups scores against <paramref name="catalog"/> can have: the built-in keys, the group of every feature
    /// of the catalog, and the groups <paramref name="explanations"/> moves features into.
    /// </summary>
    public static IReadOnlyList<string> Of(FeatureCatalog catalog, ExplanationSettings? explanations = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var groups = new List<string>(Default);
        var seen = new HashSet<string>(Default, StringComparer.Ordinal);
        foreach (var definition in catalog.Definitions)
        {
            var group = explanations is null ? definition.ReasonGroup : explanations.GroupOf(definition);
            if (seen.Add(group)) { groups.Add(group); }
        }

        foreach (var group in explanations?.Groups?.Values ?? [])
        {
            if (group is not null && seen.Add(group)) { groups.Add(group); }
        }

        return groups;
    }

    /// <summary>
    /// The reason groups a name given to <c>top_reason</c> stands for, against the known <paramref name="groups"/>: the name
    /// itself when it is a group, the alias's groups when it is an alias, else null (unknown).
    /// </summary>
    public static IReadOnlyList<string>? Expand(string name, IReadOnlyCollection<string> groups)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(groups);
        if (groups.Contains(name)) { return [name]; }
        return Aliases.TryGetValue(name, out var members) ? members : null;
    }

    /// <summary>The valid names for an error message: the groups, then the aliases with what they stand for.</summary>
    internal static (string Groups, string Aliases) Describe(IReadOnlyCollection<string> groups) => (
        string.Join(", ", groups),
        string.Join(", ", Aliases.Where(a => !groups.Contains(a.Key)).Select(a => $"{a.Key} = {string.Join("|", a.Value)}")));
}
