using System.Text.RegularExpressions;

namespace Kizuki.Features;

/// <summary>The <c>features</c> section of <c>settings.json</c>: how raw events are read as signals.</summary>
public sealed record FeatureSettings
{
    /// <summary>
    /// Page categories: name → path patterns (<c>*</c> matches anything, other characters literally; matched against
    /// the whole path, case-insensitively). Defaults: support (<c>/help*</c>, <c>/support*</c>, <c>/faq*</c>, <c>/contact*</c>),
    /// pricing (<c>/pricing*</c>, <c>/plans*</c>, <c>/price*</c>), cancellation (<c>/account/cancel*</c>, <c>/cancel*</c>,
    /// <c>/unsubscribe*</c>, <c>/mypage/*cancel*</c>, <c>/mypage/withdraw*</c>, <c>*kaiyaku*</c>), competitor (<c>/compare*</c>, <c>/vs/*</c>, <c>/alternatives*</c>).
    /// At most 32 categories.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PageCategories { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["support"] = ["/help*", "/support*", "/faq*", "/contact*"],
            ["pricing"] = ["/pricing*", "/plans*", "/price*"],
            ["cancellation"] = ["/account/cancel*", "/cancel*", "/unsubscribe*", "/mypage/*cancel*", "/mypage/withdraw*", "*kaiyaku*"],
            ["competitor"] = ["/compare*", "/vs/*", "/alternatives*"],
        };

    /// <summary>
    /// User-defined metrics: name → expression (see docs/metrics.md), e.g.
    /// <c>"login_ratio_14d": "count(activity.type = 'login', 14d) / max(1, count(activity.type = 'login', 56d) / 4)"</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Metrics { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Custom customer attributes (from the customers file's extra columns) to use as categorical features, each named
    /// <c>attr_</c> + the attribute name. Default none: attributes vary by business, so the user chooses.
    /// </summary>
    public IReadOnlyList<string> CategoricalAttributes { get; init; } = [];

    /// <summary>How far back the live evaluator keeps events, in days. Default 800: the longest window (730 days) plus the lateness and a margin; at least 730 + <see cref="LatenessDays"/>.</summary>
    public int RetentionDays { get; init; } = 800;

    /// <summary>How late (in days, behind the newest event of the customer) an event may arrive and still be placed in the live state. Default 7.</summary>
    public int LatenessDays { get; init; } = 7;

    /// <summary>The category names in their bit order.</summary>
    public IReadOnlyList<string> CategoryNames => [.. PageCategories.Keys];

    /// <summary>Compiles the path patterns; throws naming the category when one is invalid or there are too many.</summary>
    public PageClassifier CreateClassifier()
    {
        if (PageCategories.Count > 32)
        {
            throw new InvalidDataException($"settings.json: features.pageCategories has {PageCategories.Count} categories; at most 32 are allowed.");
        }

        var rules = PageCategories.Select(p => new Regex(
            "^(?:" + string.Join("|", p.Value.Select(pattern => Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal))) + ")$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled)).ToArray();
        return new PageClassifier(rules);
    }

    /// <summary>Checks ranges; throws naming the setting and its range.</summary>
    public void Validate()
    {
        if (LatenessDays is < 0 or > 90)
        {
            throw new InvalidDataException($"settings.json: features.latenessDays must be between 0 and 90; got {LatenessDays}.");
        }

        // The live state must still hold the longest window (730 days) behind an instant as late as the lateness allows.
        if (RetentionDays < 730 + LatenessDays || RetentionDays > 3650)
        {
            throw new InvalidDataException(
                $"settings.json: features.retentionDays must be between 730 + latenessDays ({730 + LatenessDays}) and 3650; got {RetentionDays}.");
        }
    }
}

/// <summary>Assigns page paths to the categories of the settings.</summary>
public sealed class PageClassifier
{
    private readonly Regex[] _rules;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, uint> _cache = new(StringComparer.Ordinal);

    internal PageClassifier(Regex[] rules) => _rules = rules;

    /// <summary>The categories of a path as bits (bit i = category i); paths repeat a lot, so results are cached.</summary>
    public uint Classify(string path) => _cache.GetOrAdd(path, p =>
    {
        uint bits = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            if (_rules[i].IsMatch(p))
            {
                bits |= 1u << i;
            }
        }

        return bits;
    });
}
