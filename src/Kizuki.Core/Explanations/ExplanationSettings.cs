using System.Globalization;
using Kizuki.Features;

namespace Kizuki.Explanations;

/// <summary>The <c>explanations</c> section of <c>settings.json</c>: how many reasons to give, regrouping, and the playbook.</summary>
/// <remarks>
/// Example:
/// <code>
/// "explanations": {
///   "raisingReasons": 3, "loweringReasons": 1,
///   "groups": { "login_ratio_14d": "logins" },
///   "playbook": { "logins": { "ja": "カスタマーサクセスから活用支援の電話", "en": "A usage call from customer success" } }
/// }
/// </code>
/// Playbook entries given here replace the default entry of the same group; the others keep their defaults
/// (<see cref="DefaultPlaybook"/>), so a user edits one action without copying the rest. A new group key may be used in
/// <see cref="Groups"/> when the playbook names it.
/// </remarks>
public sealed record ExplanationSettings
{
    /// <summary>The playbook key used when the dominant reason's group has no entry.</summary>
    public const string DefaultEntry = "default";

    /// <summary>How many reasons raising the risk each explanation gives. Default 3; allowed 0 to 10.</summary>
    public int RaisingReasons { get; init; } = 3;

    /// <summary>How many reasons lowering the risk each explanation gives. Default 1; allowed 0 to 10.</summary>
    public int LoweringReasons { get; init; } = 1;

    /// <summary>
    /// Reason group by feature name, overriding the catalog's group (see <see cref="FeatureCatalog.ReasonGroups"/>).
    /// User-defined metrics belong to <c>custom</c> unless placed here. Default empty.
    /// </summary>
    public IReadOnlyDictionary<string, string> Groups { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Actions by reason group key (and <c>default</c>), merged over <see cref="DefaultPlaybook"/>. Default empty.</summary>
    public IReadOnlyDictionary<string, PlaybookEntry> Playbook { get; init; } = new Dictionary<string, PlaybookEntry>(StringComparer.Ordinal);

    /// <summary>The built-in playbook: a next step for each reason group a person can act on.</summary>
    public static IReadOnlyDictionary<string, PlaybookEntry> DefaultPlaybook { get; } = new Dictionary<string, PlaybookEntry>(StringComparer.Ordinal)
    {
        ["logins"] = new("利用状況を確認する電話（オンボーディングの見直し）を入れる", "Call them about their usage (an onboarding or usage call)"),
        ["feature_usage"] = new("使わなくなった機能の活用支援を提案する", "Offer help with the features they stopped using"),
        ["email"] = new("連絡先と配信内容を見直す", "Check their contact details and what we send them"),
        ["web_visits"] = new("最近の関心事を担当者が確認する", "Have the account owner ask what they are looking for"),
        ["support_pages"] = new("困りごとがないか先回りして連絡する", "Reach out before they have to ask for help"),
        ["pricing_pages"] = new("プランの見直しを提案する", "Offer a plan review"),
        ["cancellation_pages"] = new("責任者から引き止めの連絡を入れる", "Have a manager call them to keep them"),
        ["tickets"] = new("未解決の問い合わせをフォローする", "Follow up on their open tickets"),
        ["ticket_sentiment"] = new("責任者にエスカレーションする", "Escalate to a manager"),
        ["satisfaction"] = new("不満の理由をヒアリングする", "Ask them what disappointed them"),
        ["renewal"] = new("更新前の面談を設定する", "Set up a renewal meeting"),
        ["contract"] = new("契約内容が合っているか確認し、プランの見直しを提案する", "Check that the contract fits them and offer a plan review"),
        ["purchases"] = new("個別の特典を案内する", "Send them a personal offer"),
        ["purchase_outlook"] = new("次の購入を後押しする案内（リピート特典）を送る", "Send a repeat-purchase offer before they lapse"),
        ["returns"] = new("返品・キャンセルの理由を確認する", "Find out why they returned or cancelled orders"),
        ["retention_touches"] = new("前回の働きかけの結果を確認し、次の一手を決める", "Check how the last retention contact went and decide the next step"),
        [DefaultEntry] = new("担当者が状況を確認する", "Have the account owner check in with them"),
    };

    /// <summary>The playbook in force: the defaults with this section's entries over them.</summary>
    public IReadOnlyDictionary<string, PlaybookEntry> EffectivePlaybook()
    {
        var merged = new Dictionary<string, PlaybookEntry>(DefaultPlaybook, StringComparer.Ordinal);
        foreach (var (key, entry) in Playbook)
        {
            merged[key] = entry;
        }

        return merged;
    }

    /// <summary>Checks ranges, keys and texts; throws <see cref="InvalidDataException"/> naming the setting and what was expected.</summary>
    public void Validate()
    {
        if (RaisingReasons is < 0 or > 10 || LoweringReasons is < 0 or > 10)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"settings.json: explanations.raisingReasons と loweringReasons は 0〜10 で指定してください（指定値: {RaisingReasons}, {LoweringReasons}） / " +
                $"explanations.raisingReasons and loweringReasons must be 0 to 10; got {RaisingReasons} and {LoweringReasons}."));
        }

        foreach (var (key, entry) in Playbook ?? new Dictionary<string, PlaybookEntry>())
        {
            if (!IsKey(key))
            {
                throw new InvalidDataException(
                    $"settings.json: explanations.playbook のキー「{key}」は英小文字・数字・_ で書いてください（例: logins） / " +
                    $"explanations.playbook key '{key}' must be lower-case letters, digits and _ (e.g. logins).");
            }

            if (entry is null || string.IsNullOrWhiteSpace(entry.Ja) || string.IsNullOrWhiteSpace(entry.En))
            {
                throw new InvalidDataException(
                    $"settings.json: explanations.playbook.{key} には ja と en の両方の文を書いてください / " +
                    $"explanations.playbook.{key} needs both a \"ja\" and an \"en\" text.");
            }
        }

        var playbook = EffectivePlaybook();
        foreach (var (feature, group) in Groups ?? new Dictionary<string, string>())
        {
            if (group is null || !IsKey(group) || (FeatureCatalog.FindReasonGroup(group) is null && !playbook.ContainsKey(group)))
            {
                throw new InvalidDataException(
                    $"settings.json: explanations.groups.{feature} のグループ「{group}」は既知のグループ（{string.Join(", ", FeatureCatalog.ReasonGroups.Select(g => g.Key))}）か playbook にあるキーにしてください / " +
                    $"explanations.groups.{feature}: group '{group}' must be a known group ({string.Join(", ", FeatureCatalog.ReasonGroups.Select(g => g.Key))}) or a key of the playbook.");
            }
        }
    }

    /// <summary>Checks that every regrouped feature exists in the catalog; throws naming the first one that does not.</summary>
    public void ValidateAgainst(IReadOnlyList<FeatureDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var names = definitions.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var feature in (Groups ?? new Dictionary<string, string>()).Keys)
        {
            if (!names.Contains(feature))
            {
                throw new InvalidDataException(
                    $"settings.json: explanations.groups の特徴量「{feature}」は存在しません（kizuki features で名前を確認してください） / " +
                    $"explanations.groups names feature '{feature}', which does not exist; see `kizuki features` for the names.");
            }
        }
    }

    /// <summary>The group of a feature under these settings.</summary>
    public string GroupOf(FeatureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Groups is not null && Groups.TryGetValue(definition.Name, out var group) ? group : definition.ReasonGroup;
    }

    private static bool IsKey(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}

/// <summary>One playbook action, in Japanese and English.</summary>
/// <param name="Ja">What to do, in Japanese.</param>
/// <param name="En">What to do, in English.</param>
/// <param name="LabelJa">For a group of the user's own, its name in Japanese; null for a built-in group.</param>
/// <param name="LabelEn">For a group of the user's own, its name in English; null for a built-in group.</param>
public sealed record PlaybookEntry(string Ja, string En, string? LabelJa = null, string? LabelEn = null);
