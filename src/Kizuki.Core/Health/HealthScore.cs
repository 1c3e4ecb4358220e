namespace Kizuki.Health;

/// <summary>The health band of a score.</summary>
public enum HealthBand
{
    /// <summary>危険 / at risk.</summary>
    AtRisk,
    /// <summary>注意 / watch.</summary>
    Watch,
    /// <summary>良好 / healthy.</summary>
    Healthy,
}

/// <summary>One measure's part in a score.</summary>
/// <param name="Feature">The feature measured.</param>
/// <param name="Value">Its value (NaN = unknown; the measure then takes no part).</param>
/// <param name="Points">Its points, 0–100 (NaN when unknown).</param>
/// <param name="Share">Its weight as a share of the weights of the known measures (0 when unknown).</param>
/// <param name="Contribution">Points × share: what it adds to the score.</param>
/// <param name="Lost">(100 − points) × share: how far it pulls the score below 100.</param>
public sealed record HealthTerm(string Feature, double Value, double Points, double Share, double Contribution, double Lost);

/// <summary>A customer's health score with the trace of how it was made.</summary>
/// <param name="Value">The score, 0–100; NaN when no measure is known.</param>
/// <param name="Band">Its band (at risk when unknown).</param>
/// <param name="Terms">Every measure's part, in the settings' order.</param>
public sealed record HealthScore(double Value, HealthBand Band, IReadOnlyList<HealthTerm> Terms)
{
    /// <summary>Measures ordered by how much they pull the score down, largest first (known measures only).</summary>
    public IEnumerable<HealthTerm> Drags => Terms.Where(t => t.Share > 0).OrderByDescending(t => t.Lost);

    /// <summary>
    /// Which measures moved the score since <paramref name="previous"/>, largest move first: each measure's change of
    /// contribution (a measure that became known or unknown counts in full). The changes sum to the change of the score.
    /// </summary>
    public IReadOnlyList<HealthMove> MovesSince(HealthScore previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var before = previous.Terms.ToDictionary(t => t.Feature, StringComparer.Ordinal);
        return [.. Terms
            .Select(t => new HealthMove(t.Feature, before.TryGetValue(t.Feature, out var b) ? b.Value : double.NaN, t.Value,
                t.Contribution - (b?.Contribution ?? 0)))
            .Where(m => m.Points != 0)
            .OrderByDescending(m => Math.Abs(m.Points))];
    }
}

/// <summary>How one measure moved a score.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Before">Its value before.</param>
/// <param name="After">Its value now.</param>
/// <param name="Points">Change of its contribution, in score points (negative = the score fell because of it).</param>
public sealed record HealthMove(string Feature, double Before, double After, double Points);
