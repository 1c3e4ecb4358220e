using Kizuki.Features;

namespace Kizuki.Health;

/// <summary>Computes health scores from feature rows of one catalog; resolves feature positions once, then is cheap per customer.</summary>
internal sealed class HealthScorer
{
    private readonly HealthSettings _settings;
    private readonly int[] _positions;

    /// <summary>A scorer of <paramref name="settings"/> over <paramref name="catalog"/>.</summary>
    /// <exception cref="InvalidDataException">A measure names a feature the catalog lacks or a categorical one.</exception>
    public HealthScorer(HealthSettings settings, FeatureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalog);
        settings.Validate();
        _settings = settings;
        _positions = new int[settings.Measures.Count];
        for (var i = 0; i < _positions.Length; i++)
        {
            var name = settings.Measures[i].Feature;
            var position = catalog.IndexOf(name);
            if (position < 0 || catalog.Definitions[position].Kind != FeatureKind.Numeric)
            {
                throw new InvalidDataException(
                    $"settings.json: alerts.health.measures[{i}].feature「{name}」は数値の特徴量ではありません / " +
                    $"alerts.health.measures[{i}].feature '{name}' is not a numeric feature of the catalog.");
            }

            _positions[i] = position;
        }
    }

    /// <summary>The features the measures read, in settings order.</summary>
    public IEnumerable<string> Features => _settings.Measures.Select(m => m.Feature);

    /// <summary>Only the score, without the trace (no allocation); NaN when no measure is known.</summary>
    public double Value(ReadOnlySpan<double> numbers)
    {
        double sum = 0, weights = 0;
        for (var i = 0; i < _positions.Length; i++)
        {
            var measure = _settings.Measures[i];
            var points = measure.Points(numbers[_positions[i]]);
            if (!double.IsNaN(points))
            {
                sum += points * measure.Weight;
                weights += measure.Weight;
            }
        }

        return weights > 0 ? sum / weights : double.NaN;
    }

    /// <summary>The score with its trace, from a row of catalog-ordered numeric features.</summary>
    public HealthScore Score(ReadOnlySpan<double> numbers)
    {
        var weights = 0.0;
        var points = new double[_positions.Length];
        for (var i = 0; i < _positions.Length; i++)
        {
            points[i] = _settings.Measures[i].Points(numbers[_positions[i]]);
            if (!double.IsNaN(points[i]))
            {
                weights += _settings.Measures[i].Weight;
            }
        }

        var terms = new HealthTerm[_positions.Length];
        var score = 0.0;
        for (var i = 0; i < terms.Length; i++)
        {
            var measure = _settings.Measures[i];
            var known = !double.IsNaN(points[i]);
            var share = known ? measure.Weight / weights : 0;
            var contribution = known ? points[i] * share : 0;
            score += contribution;
            terms[i] = new HealthTerm(measure.Feature, numbers[_positions[i]], points[i], share, contribution, known ? (100 - points[i]) * share : 0);
        }

        var value = weights > 0 ? score : double.NaN;
        return new HealthScore(value, BandOf(value), terms);
    }

    /// <summary>The band of a score.</summary>
    public HealthBand BandOf(double score) =>
        score >= _settings.HealthyFrom ? HealthBand.Healthy : score >= _settings.WatchFrom ? HealthBand.Watch : HealthBand.AtRisk;
}
