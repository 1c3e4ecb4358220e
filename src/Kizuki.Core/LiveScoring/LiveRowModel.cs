using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Modeling;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.LightGbm;
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
    private ScoringSettings _scoring;
    private readonly LiveFeatureRow.Layout _layout;
    private readonly RowExplainer? _explainer;
    private readonly FeatureCatalog _catalog;
    private readonly int[] _positions;
    private readonly Dictionary<string, int>?[] _codes;
    private readonly int[] _other;
    private readonly string[] _names;
    private readonly double[] _row;
    private double[] _encoded = [];
    private double[] _treeRaw = [];
    private int[] _active = [];
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
        if (_explainer is not null && model.Trees is { } trees && model.TreeWeight > 0)
        {
            // What TreeSHAP prepares on first use (tens of milliseconds) is prepared now, rather than inside the first live step.
            trees.ContributionsFewRows(new DesignMatrix(model.Encoder.Columns, new double[model.Encoder.Columns.Count]));
        }
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
        _layout = LiveFeatureRow.LayoutOf(_names, [.. _codes.Select(c => c is not null)]);
        _contractual = metadata.ChurnKind == ChurnScorer.Contractual;
        _activeFeature = catalog.IndexOf(_contractual ? ChurnScorer.RunningSubscriptionFeature : ChurnScorer.RecentOrdersFeature);
        _revenueFeature = catalog.IndexOf(_contractual ? ChurnScorer.MonthlyRecurringFeature : ChurnScorer.RecentSpendFeature);
    }

    /// <summary>Whether the customer whose features these are can still churn (the batch scorer's rule).</summary>
    public bool IsActive(ReadOnlySpan<double> numbers) =>
        _activeFeature < 0 || (_contractual ? numbers[_activeFeature] == 1 : numbers[_activeFeature] > 0);

    /// <summary>Whether this model can give reasons (it has an explainer).</summary>
    public bool CanExplain => _explainer is not null;

    /// <summary>The band from which scores get reasons.</summary>
    public RiskBand ExplainFrom => _explainFrom;

    /// <summary>The risk band thresholds in use.</summary>
    public ScoringSettings Scoring => _scoring;

    /// <summary>Uses new risk band thresholds from the next score on (settings changed while running).</summary>
    public void Rescale(ScoringSettings scoring) => _scoring = scoring ?? throw new ArgumentNullException(nameof(scoring));

    /// <summary>
    /// The calibrated probabilities of the first <c>probabilities.Length</c> catalog rows laid end to end in
    /// <paramref name="numbers"/> and <paramref name="categories"/> (one catalog width each), NaN for a customer who cannot
    /// churn. The trees score the rows as one block (each tree once for all of them, rather than the whole model once per row,
    /// out of cache in a live step), with the same arithmetic as one row: <see cref="ChurnEnsemble.RawScores"/>' blend, calibrated.
    /// </summary>
    public void PredictMany(double[] numbers, string?[] categories, Span<double> probabilities)
    {
        var columns = _row.Length;
        var width = _catalog.Count;
        if (_active.Length < probabilities.Length)
        {
            var rows = Math.Max(probabilities.Length, _active.Length * 2);
            _active = new int[rows];
            _treeRaw = new double[rows];
            _encoded = new double[rows * columns];
        }

        var active = 0;
        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] = double.NaN;
            if (IsActive(numbers.AsSpan(k * width, width)))
            {
                Encode(numbers.AsSpan(k * width, width), categories.AsSpan(k * width, width), _encoded.AsSpan(active * columns, columns));
                _active[active++] = k;
            }
        }

        var trees = _model.Trees is not null && _model.TreeWeight > 0;
        if (trees)
        {
            _model.Trees!.PredictRawRows(_encoded, _treeRaw.AsSpan(0, active));
        }

        for (var j = 0; j < active; j++)
        {
            var raw = _model.Linear.PredictRaw(_encoded.AsSpan(j * columns, columns));
            if (trees)
            {
                raw = (_model.TreeWeight * _treeRaw[j]) + ((1 - _model.TreeWeight) * raw);
            }

            probabilities[_active[j]] = Math.Clamp(_model.Calibration.Probability(raw), 0, 1);
        }
    }

    /// <summary>The reasons of one customer's catalog row (exact contributions); null without an explainer.</summary>
    public CustomerReasons? Explain(double[] numbers, string?[] categories, DateTimeOffset asOf)
    {
        if (_explainer is null)
        {
            return null;
        }

        Encode(numbers, categories, _row);
        return _explainer.Explain(_row, new CatalogRow(_catalog, numbers, categories, 0), asOf).Reasons;
    }

    /// <summary>
    /// The reasons of several customers at once: the catalog rows at <paramref name="rows"/> of <paramref name="numbers"/> and
    /// <paramref name="categories"/>, which hold catalog rows laid end to end (one catalog width each). Their TreeSHAP contributions are
    /// computed in one call by the linear TreeSHAP, which needs no tables in cache (see <see cref="LightGbmModel.ContributionsFewRows"/>).
    /// </summary>
    public CustomerReasons[] ExplainMany(double[] numbers, string?[] categories, IReadOnlyList<int> rows, DateTimeOffset asOf)
    {
        if (_explainer is null || rows.Count == 0)
        {
            return [];
        }

        var columns = _row.Length;
        var width = _catalog.Count;
        var encoded = new double[rows.Count * columns];
        for (var k = 0; k < rows.Count; k++)
        {
            Encode(numbers.AsSpan(rows[k] * width, width), categories.AsSpan(rows[k] * width, width), encoded.AsSpan(k * columns, columns));
        }

        var trees = _model.Trees is { } model && _model.TreeWeight > 0 ? model.ContributionsFewRows(new DesignMatrix(_model.Encoder.Columns, encoded)) : null;
        var result = new CustomerReasons[rows.Count];
        for (var k = 0; k < rows.Count; k++)
        {
            var contributions = trees is null ? [] : trees.AsSpan(k * (columns + 1), columns + 1);
            var values = new CatalogRow(_catalog, numbers, categories, rows[k] * width);
            result[k] = _explainer.Explain(encoded.AsSpan(k * columns, columns), contributions, values, asOf).Reasons;
        }

        return result;
    }

    /// <summary>Encodes a catalog row into the model's columns (categories to their codes, unknown ones to "other").</summary>
    private void Encode(ReadOnlySpan<double> numbers, ReadOnlySpan<string?> categories, Span<double> row)
    {
        for (var c = 0; c < row.Length; c++)
        {
            var position = _positions[c];
            row[c] = _codes[c] is { } codes
                ? categories[position] is { } value ? (codes.TryGetValue(value, out var code) ? code : _other[c]) : double.NaN
                : numbers[position];
        }
    }

    /// <summary>The compact score row: band, revenue at risk and the model's feature values (no dictionary per row).</summary>
    public StoredScore Row(string customerId, double[] numbers, string?[] categories, DateTimeOffset asOf, DateTimeOffset scoredAt,
        double probability, string? reasons)
    {
        var revenue = _revenueFeature >= 0 && double.IsFinite(numbers[_revenueFeature])
            ? numbers[_revenueFeature] * (_contractual ? 12.0 : 1.0)
            : 0;
        return new StoredScore(customerId, asOf, _metadata.Version, probability, _scoring.BandOf(probability),
            ChurnScorer.RevenueAtRisk(probability, revenue), LiveFeatureRow.Copy(_layout, _positions, numbers, categories), scoredAt)
        {
            Reasons = reasons,
        };
    }

    /// <summary>The model version that scores.</summary>
    public int Version => _metadata.Version;

    /// <summary>A catalog row's values by feature name, for reason sentences.</summary>
    private sealed class CatalogRow(FeatureCatalog catalog, double[] numbers, string?[] categories, int offset) : IRowValues
    {
        public double Number(string feature) => catalog.IndexOf(feature) is var i and >= 0 ? numbers[offset + i] : double.NaN;

        public string? Text(string feature) => catalog.IndexOf(feature) is var i and >= 0 ? categories[offset + i] : null;
    }
}
