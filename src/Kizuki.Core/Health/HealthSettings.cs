using System.Globalization;

namespace Kizuki.Health;

/// <summary>How the health score is made: weighted measures, each mapped from a feature onto 0–100 points, and bands.</summary>
/// <remarks>
/// The score is the weighted mean of the measures' points over the measures whose feature is known for the customer,
/// so a shop without logins is scored on its purchases alone. A customer with no known measure has no score.
/// </remarks>
public sealed record HealthSettings
{
    /// <summary>The measures. Default: login recency and frequency, order recency, NPS, open tickets and feature breadth.</summary>
    public IReadOnlyList<HealthMeasure> Measures { get; init; } =
    [
        new("days_since_last_login", Weight: 3, Good: 1, Bad: 30),
        new("logins_30d", Weight: 2, Good: 20, Bad: 0),
        new("days_since_last_order", Weight: 2, Good: 30, Bad: 180),
        new("latest_nps", Weight: 2, Good: 9, Bad: 4),
        new("open_tickets", Weight: 1, Good: 0, Bad: 3),
        new("distinct_features_30d", Weight: 1, Good: 5, Bad: 0),
    ];

    /// <summary>Scores at or above this are 良好 / healthy. Default 70.</summary>
    public double HealthyFrom { get; init; } = 70;

    /// <summary>Scores at or above this (and below <see cref="HealthyFrom"/>) are 注意 / watch; below it 危険 / at risk. Default 40.</summary>
    public double WatchFrom { get; init; } = 40;

    /// <summary>Checks the measures and thresholds; throws naming the setting and its allowed range.</summary>
    public void Validate()
    {
        if (Measures is null || Measures.Count == 0)
        {
            throw new InvalidDataException("settings.json: alerts.health.measures には1つ以上の指標が必要です / alerts.health.measures must list at least one measure.");
        }

        for (var i = 0; i < Measures.Count; i++)
        {
            Measures[i].Validate(i);
        }

        if (!(WatchFrom >= 0 && WatchFrom <= HealthyFrom && HealthyFrom <= 100))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"settings.json: alerts.health は 0 ≤ watchFrom ≤ healthyFrom ≤ 100 が必要です（watchFrom={WatchFrom}, healthyFrom={HealthyFrom}） / " +
                $"alerts.health needs 0 <= watchFrom <= healthyFrom <= 100 (watchFrom={WatchFrom}, healthyFrom={HealthyFrom})."));
        }
    }
}

/// <summary>One measure of the health score: a feature, its weight, and the values worth 100 and 0 points.</summary>
/// <param name="Feature">A numeric feature of the catalog, e.g. <c>days_since_last_login</c>.</param>
/// <param name="Weight">Its weight, above 0.</param>
/// <param name="Good">The value worth 100 points (or better).</param>
/// <param name="Bad">The value worth 0 points (or worse); points are linear in between. Good may be above or below Bad.</param>
public sealed record HealthMeasure(string Feature, double Weight, double Good, double Bad)
{
    /// <summary>Checks the measure; throws naming its position in the settings.</summary>
    public void Validate(int position)
    {
        if (string.IsNullOrWhiteSpace(Feature))
        {
            throw new InvalidDataException($"settings.json: alerts.health.measures[{position}].feature が空です / alerts.health.measures[{position}].feature is empty.");
        }

        if (!(Weight > 0 && double.IsFinite(Weight)))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"settings.json: alerts.health.measures[{position}].weight は 0 より大きい数にしてください（{Weight}） / alerts.health.measures[{position}].weight must be above 0, not {Weight}."));
        }

        if (!double.IsFinite(Good) || !double.IsFinite(Bad) || Good == Bad)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"settings.json: alerts.health.measures[{position}] の good と bad は異なる有限の数にしてください / alerts.health.measures[{position}] needs finite, different good and bad values (good={Good}, bad={Bad})."));
        }
    }

    /// <summary>The points (0–100) of a value; NaN when the value is unknown.</summary>
    public double Points(double value) =>
        double.IsNaN(value) ? double.NaN : Math.Clamp((value - Bad) / (Good - Bad), 0, 1) * 100;
}
