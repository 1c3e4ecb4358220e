using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>
/// Scores one customer from a row of catalog features: the active check, the single-row encoding, the blended raw score
/// (or exact contributions and reasons with an explainer), the band, revenue at risk and a compact score row.
/// </summary>
/// <remarks>
/// The same arithmetic as <see cref="ChurnScorer"/> on one row, without a feature table. The stored features are the
/// model's columns only (what reproduces the score), not the whole catalog. Holds scratch buffers: one per scorer.
/// </remarks>
internal sealed class LiveRowModel
{
    private readonly ChurnEnsemble _model;
    private readonly ModelMetadata _metadata;
    private readonly ScoringSettings _scoring;
    private readonly RowExplainer? _explainer;
    private readonly FeatureCatalog _catalog;
    private readonly int[] _positions;
    private readonly Dictionary<string, int>?[] _codes;
    private readonly int[] _other;
    private readonly string[] _names;
    private readonly double[] _row;
    private readonly bool _contractual;
    private readonly int _activeFeature;
    private readonly int _revenueFeature;
    private readonly RiskBand _explainFrom;

    /// <summary>A row model of <paramref name="model"/> over the catalog's features.</summary>
    /// <exception cref="InvalidOperationException">The model reads a feature the catalog no longer defines.</exception>
    /// <param name="catalog">The feature catalog the live state evaluates.</param>
    /// <param name="model">The active model.</param>
    /// <param name="metadata">Its metadata (version, churn kind).</param>
    /// <param name="scoring">Risk band thresholds.</param>
    /// <param name="explainer">Explains scores into reasons; null = no reasons.</param>
    /// <param name="explainFrom">Only scores in this band or above get reasons (exact TreeSHAP of one row costs about a millisecond).</param>
    public LiveRowModel(FeatureCatalog catalog, ChurnEnsemble model, ModelMetadata metadata, ScoringSettings scoring, Explainer? explainer,
        RiskBand explainFrom = RiskBand.Low)
    {
        _explainFrom = explainFrom;
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        _scoring = scoring ?? throw new ArgumentNullException(nameof(scoring));
        if (explainer is not null && !ReferenceEquals(explainer.Model, model))
        {
            throw new ArgumentException("The explainer explains another model.", nameof(explainer));
        }

        _explainer = explainer is null ? null : new RowExplainer(explainer);
        var columns = model.Encoder.Columns;
        _positions = new int[columns.Count];
        _codes = new Dictionary<string, int>?[columns.Count];
        _other = new int[columns.Count];
        _names = new string[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            _names[c] = columns[c].Name;
            _positions[c] = catalog.IndexOf(columns[c].Name);
            if (_positions[c] < 0)
            {
                throw new InvalidOperationException(
                    $"モデル v{metadata.Version} が使う特徴量 {columns[c].Name} が現在の設定にありません。`kizuki train` で学習し直してください。 / " +
                    $"model v{metadata.Version} reads feature {columns[c].Name}, which the current settings no longer define; run `kizuki train` again.");
            }

            if (columns[c].Categories is { } categories)
            {
                _codes[c] = categories.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
                _other[c] = _codes[c]!.GetValueOrDefault(FeatureEncoder.OtherCategory, -1);
            }
        }

        _row = new double[columns.Count];
        _contractual = metadata.ChurnKind == ChurnScorer.Contractual;
        _activeFeature = catalog.IndexOf(_contractual ? ChurnScorer.RunningSubscriptionFeature : ChurnScorer.RecentOrdersFeature);
        _revenueFeature = catalog.IndexOf(_contractual ? ChurnScorer.MonthlyRecurringFeature : ChurnScorer.RecentSpendFeature);
    }

    /// <summary>Whether the customer whose features these are can still churn (the batch scorer's rule).</summary>
    public bool IsActive(double[] numbers) =>
        _activeFeature < 0 || (_contractual ? numbers[_activeFeature] == 1 : numbers[_activeFeature] > 0);

    /// <summary>The score of one customer, with reasons when the scorer explains; null when the customer cannot churn.</summary>
    public (StoredScore Score, CustomerReasons? Reasons)? Score(string customerId, double[] numbers, string?[] categories, DateTimeOffset asOf, DateTimeOffset scoredAt)
    {
        if (!IsActive(numbers))
        {
            return null;
        }

        for (var c = 0; c < _row.Length; c++)
        {
            var position = _positions[c];
            _row[c] = _codes[c] is { } codes
                ? categories[position] is { } value ? (codes.TryGetValue(value, out var code) ? code : _other[c]) : double.NaN
                : numbers[position];
        }

        var raw = _model.Linear.PredictRaw(_row);
        if (_model.Trees is not null && _model.TreeWeight > 0)
        {
            raw = (_model.TreeWeight * _model.Trees.PredictRaw(_row)) + ((1 - _model.TreeWeight) * raw);
        }

        var probability = _model.Calibration.Probability(raw);
        CustomerReasons? reasons = null;
        if (_explainer is not null && _scoring.BandOf(Math.Clamp(probability, 0, 1)) >= _explainFrom)
        {
            var explained = _explainer.Explain(_row, new CatalogRow(_catalog, numbers, categories), asOf);
            probability = explained.Probability;
            reasons = explained.Reasons;
        }

        probability = Math.Clamp(probability, 0, 1);
        var features = new Dictionary<string, object?>(_names.Length, StringComparer.Ordinal);
        for (var c = 0; c < _names.Length; c++)
        {
            var position = _positions[c];
            features[_names[c]] = _codes[c] is null
                ? (double.IsFinite(numbers[position]) ? numbers[position] : null)
                : categories[position];
        }

        var revenue = _revenueFeature >= 0 && double.IsFinite(numbers[_revenueFeature])
            ? numbers[_revenueFeature] * (_contractual ? 12.0 : 1.0)
            : 0;
        var score = new StoredScore(customerId, asOf, _metadata.Version, probability, _scoring.BandOf(probability),
            ChurnScorer.RevenueAtRisk(probability, revenue), features, scoredAt)
        {
            Reasons = reasons is null ? null : ReasonsJson.Write(reasons),
        };
        return (score, reasons);
    }

    /// <summary>A catalog row's values by feature name, for reason sentences.</summary>
    private sealed class CatalogRow(FeatureCatalog catalog, double[] numbers, string?[] categories) : IRowValues
    {
        public double Number(string feature) => catalog.IndexOf(feature) is var i and >= 0 ? numbers[i] : double.NaN;

        public string? Text(string feature) => catalog.IndexOf(feature) is var i and >= 0 ? categories[i] : null;
    }
}
