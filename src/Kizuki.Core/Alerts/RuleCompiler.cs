using Kizuki.Features;

namespace Kizuki.Alerts;

/// <summary>Checks rules against a feature catalog and compiles their conditions to delegates.</summary>
/// <remarks>
/// Names a condition may use: any feature of the catalog (built-in or user metric), <c>churn_probability</c>,
/// <c>churn_probability_change_1d</c>, <c>churn_probability_change_7d</c>, <c>top_reason</c> (compared with one of the
/// reason groups given, by default <see cref="ReasonGroups.Of"/> of the catalog, or an alias of <see cref="ReasonGroups.Aliases"/>,
/// which matches any of the groups it stands for) and <c>attribute.NAME</c> (industry, region, plan, acquisition_channel, company_size or any custom
/// attribute of the customer record). A few friendly aliases map to catalog names (see <see cref="Aliases"/>).
/// </remarks>
internal static partial class RuleCompiler
{
    /// <summary>Friendly names accepted in rules and the catalog features they stand for.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["days_without_login"] = "days_since_last_login",
        ["days_since_login"] = "days_since_last_login",
        ["nps"] = "latest_nps",
        ["csat"] = "latest_csat",
        ["days_without_order"] = "days_since_last_order",
    };

    /// <summary>The churn probability now.</summary>
    public const string Probability = "churn_probability";

    /// <summary>The change of the churn probability since yesterday.</summary>
    public const string ProbabilityChange1d = "churn_probability_change_1d";

    /// <summary>The change of the churn probability since a week ago.</summary>
    public const string ProbabilityChange7d = "churn_probability_change_7d";

    /// <summary>The reason group that adds most to the churn probability.</summary>
    public const string TopReason = "top_reason";

    /// <summary>The prefix of customer attributes.</summary>
    public const string AttributePrefix = "attribute.";

    /// <summary>Parses and compiles rule text against a catalog.</summary>
    /// <exception cref="RuleSyntaxException">A rule is malformed or names something unknown; the message says where.</exception>
    public static RuleSet Compile(string text, string source, FeatureCatalog catalog, IReadOnlyCollection<string>? reasonGroups = null) =>
        Compile(RuleParser.Parse(text, source), catalog, reasonGroups);

    /// <summary>Compiles parsed rules against a catalog; rule names must be unique.</summary>
    /// <exception cref="RuleSyntaxException">A rule names something unknown, compares unlike things or repeats a name.</exception>
    public static RuleSet Compile(IReadOnlyList<RuleDefinition> rules, FeatureCatalog catalog, IReadOnlyCollection<string>? reasonGroups = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(catalog);
        IReadOnlyList<string> reasonOrder = reasonGroups is null ? ReasonGroups.Of(catalog) : [.. reasonGroups];
        var reasons = new HashSet<string>(reasonOrder, StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var compiled = new List<CompiledRule>(rules.Count);
        foreach (var rule in rules)
        {
            if (!names.Add(rule.Name))
            {
                throw new RuleSyntaxException(rule.Source, rule.Line, 1, $"規則名「{rule.Name}」が重複しています", $"rule name '{rule.Name}' is used twice");
            }

            var scope = new Scope(rule.Source, catalog, reasons, reasonOrder);
            var matches = scope.Condition(rule.Condition);
            compiled.Add(new CompiledRule(rule, matches, [.. scope.Features], scope.UsesProbability, scope.UsesProbabilityChange, scope.UsesTopReason));
        }

        return new RuleSet(compiled);
    }

    /// <summary>The catalog name a rule's name stands for (aliases resolved).</summary>
    public static string Resolve(string name) => Aliases.TryGetValue(name, out var real) ? real : name;
}
