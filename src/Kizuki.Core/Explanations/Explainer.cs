using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Modeling.Churn;

namespace Kizuki.Explanations;

/// <summary>Explains a churn model's scores: exact contributions, grouped into reasons with sentences and a suggested action.</summary>
/// <remarks>
/// Built once per model and feature catalog; <see cref="Explain"/> then handles any number of customers of a feature table
/// in one batch (one TreeSHAP call for all rows, reasons in parallel). Immutable and thread-safe.
/// </remarks>
internal sealed class Explainer
{
    private readonly ChurnEnsemble _model;
    private readonly FeatureDefinition[] _definitions;
    private readonly IReadOnlyDictionary<string, PlaybookEntry> _playbook;

    /// <summary>An explainer of <paramref name="model"/> whose features are described by <paramref name="definitions"/> (the catalog's).</summary>
    /// <exception cref="InvalidDataException">The explanation settings are invalid; the message names the setting.</exception>
    public Explainer(ChurnEnsemble model, IReadOnlyList<FeatureDefinition> definitions, ExplanationSettings settings, ReasonFormat format)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        settings.ValidateAgainst(definitions);
        _model = model;
        Settings = settings;
        Format = format ?? throw new ArgumentNullException(nameof(format));
        _playbook = settings.EffectivePlaybook();
        var byName = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var columns = model.Encoder.Columns;
        _definitions = new FeatureDefinition[columns.Count];
        var groups = new List<string>();
        GroupIndex = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            // A feature the catalog no longer describes still explains under its own name, as a user-defined metric.
            _definitions[c] = byName.GetValueOrDefault(columns[c].Name) ?? new FeatureDefinition(columns[c].Name, columns[c].Name, columns[c].Name,
                BusinessField.Custom, columns[c].IsCategorical ? FeatureKind.Categorical : FeatureKind.Numeric, "", "");
            var group = settings.GroupOf(_definitions[c]);
            var index = groups.IndexOf(group);
            if (index < 0)
            {
                index = groups.Count;
                groups.Add(group);
            }

            GroupIndex[c] = index;
        }

        GroupKeys = groups;
    }

    /// <summary>The settings in force.</summary>
    public ExplanationSettings Settings { get; }

    /// <summary>How numbers and dates are written.</summary>
    public ReasonFormat Format { get; }

    /// <summary>The model's columns' feature definitions, in column order.</summary>
    public IReadOnlyList<FeatureDefinition> Definitions => _definitions;

    /// <summary>The reason groups present, in order of first column.</summary>
    public IReadOnlyList<string> GroupKeys { get; }

    /// <summary>Per model column, its index in <see cref="GroupKeys"/>.</summary>
    internal int[] GroupIndex { get; }

    /// <summary>The model explained.</summary>
    public ChurnEnsemble Model => _model;

    /// <summary>The playbook entry of a key, or null.</summary>
    public PlaybookEntry? Entry(string key) => _playbook.GetValueOrDefault(key);

    /// <summary>The playbook's step for the strongest raising reason that has one (the default step otherwise); null when nothing raises the risk.</summary>
    public SuggestedAction? ActionFor(IReadOnlyList<Reason> raising)
    {
        if (raising.Count == 0)
        {
            return null;
        }

        var chosen = raising.FirstOrDefault(r => Entry(r.Group) is not null)?.Group ?? ExplanationSettings.DefaultEntry;
        var entry = Entry(chosen)!;
        return new SuggestedAction(chosen, entry.Ja, entry.En);
    }

    /// <summary>The name of a reason group in a language: the catalog's, else the playbook's label, else the key.</summary>
    public string GroupLabel(string key, string language) =>
        FeatureCatalog.FindReasonGroup(key)?.Label(language)
        ?? (_playbook.GetValueOrDefault(key) is { } entry ? (language == "en" ? entry.LabelEn : entry.LabelJa) : null)
        ?? key;

    /// <summary>Explains the chosen rows of <paramref name="table"/> (the table must hold every feature the model reads).</summary>
    /// <exception cref="InvalidOperationException">The table lacks a feature the model reads.</exception>
    public ExplanationBatch Explain(FeatureTable table, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = _model.Encoder.Columns;
        var positions = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            positions[c] = table.IndexOf(columns[c].Name);
            if (positions[c] < 0)
            {
                throw new InvalidOperationException(
                    $"モデルが使う特徴量 {columns[c].Name} が特徴量表にありません。`kizuki train` で学習し直してください。 / " +
                    $"the model reads feature {columns[c].Name}, which the feature table lacks; run `kizuki train` again.");
            }
        }

        var x = _model.Encoder.Encode(c => table.Numbers(positions[c]), c => table.Categories(positions[c]), rows);
        return new ExplanationBatch(this, table, rows, positions, EnsembleContributions.Compute(_model, x));
    }
}
