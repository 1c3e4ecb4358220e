using Kizuki.Alerts;
using Kizuki.Configuration;
using Kizuki.Features;
using Kizuki.Modeling.Registry;
using Kizuki.Storage;

namespace Kizuki.Web.Dashboard;

/// <summary>
/// The rule book over the settings file: the rules of <c>alerts.rules</c> (editable) and <c>alerts.ruleFiles</c> (shown,
/// edited in their files), each with how many customers it would alert on now.
/// </summary>
/// <remarks>
/// A rule's id is its name. An inline entry holding several rules is shown rule by rule and rewritten as a whole when one of
/// them changes. Saving checks the new text alone (so error positions are within what the user typed), then every rule
/// together (a name may be used once), and only then replaces settings.json through a temporary file, so a crash never leaves
/// half a file. Saving an id that does not exist adds a new entry. The audit record is written by the API that calls this.
/// </remarks>
internal sealed partial class SettingsRuleBook(
    KizukiWebOptions options, IStore store, ScoreBoard board, TimeProvider time, ILogger<SettingsRuleBook> logger) : IRuleBook
{
    private readonly Lock gate = new();

    /// <inheritdoc />
    public bool CanChange => true;

    /// <inheritdoc />
    public IReadOnlyList<RuleView> Rules()
    {
        var settings = KizukiSettings.Load(options.DataDirectory);
        var pieces = Read(settings);
        var counts = DryRunCounts(settings, pieces);
        return [.. pieces.Select(p => new RuleView(p.Id, p.Name, p.Text, p.Definition is not null, counts.TryGetValue(p.Id, out var n) ? n : null))];
    }

    /// <inheritdoc />
    public RuleChange Save(string id, string text, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(id);
        text = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return Refused("ルールの文が空です。 / The rule text is empty.");
        }

        lock (gate)
        {
            var settings = KizukiSettings.Load(options.DataDirectory);
            var (catalog, reasonGroups) = RuleScope(settings);
            IReadOnlyList<RuleDefinition> parsed;
            try
            {
                parsed = RuleParser.Parse(text, "rule");
                RuleCompiler.Compile(parsed, catalog, reasonGroups);
            }
            catch (RuleSyntaxException e)
            {
                return Refused(Position(e));
            }

            if (parsed.Count != 1)
            {
                return Refused($"ルールを 1 件だけ書いてください（{parsed.Count} 件あります）。 / Write exactly one rule (found {parsed.Count}).");
            }

            var pieces = Read(settings);
            var target = pieces.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
            if (target?.File is { } file)
            {
                return Refused($"このルールは規則ファイル {file} にあります。ファイルを編集してください。 / This rule lives in the rule file {file}; edit that file.");
            }

            var entries = settings.Alerts.Rules.ToList();
            if (target?.Entry is not { } entry)
            {
                entries.Add(text);
            }
            else
            {
                entries[entry] = target.Definition is null
                    ? text
                    : string.Join("\n\n", pieces.Where(p => p.Entry == entry).Select(p => ReferenceEquals(p, target) ? text : p.Text));
            }

            var problem = CheckAll(entries, settings, catalog, reasonGroups);
            if (problem is not null)
            {
                return Refused(problem);
            }

            SettingsRules.Write(options.DataDirectory, entries);
            Invalidate();
        }

        var saved = Rules().FirstOrDefault(r => string.Equals(r.Id, RuleParser.Parse(text, "rule")[0].Name, StringComparison.Ordinal));
        return saved is null ? Refused("保存したルールが読み直せません。 / The saved rule could not be read back.") : new RuleChange(saved, []);
    }

    /// <summary>A problem's place and text in both languages: 「2行5列: … / line 2, column 5: …」.</summary>
    internal static string Position(RuleSyntaxException e) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{e.Line}行{e.Column}列: {e.Japanese} / line {e.Line}, column {e.Column}: {e.English}");

    private static RuleChange Refused(string problem) => new(null, [problem]);

    /// <summary>
    /// The features and reason groups rules are checked against: the active model's catalog (which holds features such as
    /// the purchase-model ones that exist only with a fitted model), or the settings' catalog before any model is trained.
    /// </summary>
    private (FeatureCatalog Catalog, IReadOnlyList<string> ReasonGroups) RuleScope(KizukiSettings settings)
    {
        var registry = new ModelRegistry(options.DataDirectory);
        var features = registry.Active is { } active
            ? registry.Metadata(active).CreateFeatureContext(settings.Features)
            : new FeatureContext(settings.Features);
        return (features.Catalog, ReasonGroups.Of(features.Catalog, settings.Explanations));
    }

    /// <summary>Every rule of the new entries and the rule files compiled together; the problem, or null when they hold.</summary>
    private string? CheckAll(IReadOnlyList<string> entries, KizukiSettings settings, FeatureCatalog catalog, IReadOnlyList<string> reasonGroups)
    {
        try
        {
            var all = new List<RuleDefinition>();
            for (var i = 0; i < entries.Count; i++)
            {
                all.AddRange(RuleParser.Parse(entries[i], $"settings.json alerts.rules[{i}]"));
            }

            foreach (var path in settings.Alerts.RuleFiles.Select(f => Path.GetFullPath(f, options.DataDirectory)).Where(File.Exists))
            {
                all.AddRange(RuleParser.Parse(File.ReadAllText(path), path));
            }

            RuleCompiler.Compile(all, catalog, reasonGroups);
            return null;
        }
        catch (RuleSyntaxException e)
        {
            return e.Message;
        }
    }

    /// <summary>The rules of the settings, one piece per rule; an entry or file that cannot be read is one piece of its own.</summary>
    private List<RulePiece> Read(KizukiSettings settings)
    {
        var pieces = new List<RulePiece>();
        for (var i = 0; i < settings.Alerts.Rules.Count; i++)
        {
            pieces.AddRange(Split(settings.Alerts.Rules[i], $"settings.json alerts.rules[{i}]", $"entry-{i}", i, null));
        }

        for (var j = 0; j < settings.Alerts.RuleFiles.Count; j++)
        {
            var path = Path.GetFullPath(settings.Alerts.RuleFiles[j], options.DataDirectory);
            pieces.AddRange(File.Exists(path)
                ? Split(File.ReadAllText(path), path, $"file-{j}", null, path)
                : [new RulePiece($"file-{j}", path, "", null, path, null)]);
        }

        return pieces;
    }

    private static IEnumerable<RulePiece> Split(string text, string source, string fallbackId, int? entry, string? file)
    {
        IReadOnlyList<RuleDefinition> rules;
        try
        {
            rules = RuleParser.Parse(text, source);
        }
        catch (RuleSyntaxException)
        {
            return [new RulePiece(fallbackId, source, text, entry, file, null)];
        }

        if (rules.Zip(rules.Skip(1)).Any(p => p.Second.Line <= p.First.Line))
        {
            // Several rules on one line cannot be told apart by line; the entry is shown and edited whole.
            return [new RulePiece(fallbackId, source, text, entry, file, null)];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return rules.Select((r, k) =>
        {
            var start = k == 0 ? 0 : r.Line - 1;
            var end = k + 1 < rules.Count ? rules[k + 1].Line - 1 : lines.Length;
            return new RulePiece(r.Name, r.Name, string.Join('\n', lines[start..end]).Trim(), entry, file, r);
        });
    }

    /// <summary>One rule as the book holds it.</summary>
    /// <param name="Id">The rule's name, or <c>entry-N</c>/<c>file-N</c> for text that cannot be read.</param>
    /// <param name="Name">The rule's name, or where the unreadable text is.</param>
    /// <param name="Text">Its text.</param>
    /// <param name="Entry">Its index in <c>alerts.rules</c>, or null for a rule file.</param>
    /// <param name="File">Its rule file, or null for an inline entry.</param>
    /// <param name="Definition">The parsed rule, or null when the text cannot be read.</param>
    private sealed record RulePiece(string Id, string Name, string Text, int? Entry, string? File, RuleDefinition? Definition);
}
