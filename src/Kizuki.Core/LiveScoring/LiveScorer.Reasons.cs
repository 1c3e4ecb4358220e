using Kizuki.Explanations;

namespace Kizuki.LiveScoring;

internal sealed partial class LiveScorer
{
    private readonly Dictionary<string, Reasoned> _reasons = new(StringComparer.Ordinal);

    /// <summary>
    /// The reasons a score of <paramref name="probability"/> is stored with, and whether they were computed now (the rule of
    /// <see cref="LiveScorerParts.ReasonsChange"/>): none below <see cref="LiveScorerParts.ExplainFrom"/>; fresh when the
    /// customer has none kept, the band differs from the band they were computed in, or the probability has moved by at least
    /// the threshold since; otherwise the kept ones.
    /// </summary>
    private (Reasoned? Kept, CustomerReasons? Fresh) ReasonsFor(string customerId, double probability, DateTimeOffset asOf)
    {
        var model = _rowModel!;
        if (!model.CanExplain)
        {
            return (null, null);
        }

        var band = model.Scoring.BandOf(probability);
        if (band < model.ExplainFrom)
        {
            return (null, null);
        }

        if (_reasons.TryGetValue(customerId, out var last) && last.Band == band && Math.Abs(probability - last.Probability) < _reasonsChange)
        {
            return (last, null);
        }

        var fresh = Explain(customerId, probability, asOf);
        return (fresh, fresh.Reasons);
    }

    /// <summary>Explains the row last predicted (this customer's) and keeps the reasons.</summary>
    private Reasoned Explain(string customerId, double probability, DateTimeOffset asOf)
    {
        var reasons = _rowModel!.Explain(_numbers, _categories, asOf)!;
        var kept = new Reasoned(probability, _rowModel.Scoring.BandOf(probability), reasons, ReasonsJson.Write(reasons),
            reasons.Raising.Count > 0 ? reasons.Raising[0].Group : null);
        _reasons[customerId] = kept;
        ReasonsComputed++;
        return kept;
    }

    /// <summary>
    /// Keeps the reasons of each customer's latest stored score (e.g. last night's <c>kizuki score</c>, or this scorer's
    /// before a restart) as the reasons computed at that score's probability and band. Returns how many were kept.
    /// </summary>
    private int SeedReasons(DateTimeOffset until, Func<string, bool>? customer)
    {
        if (_rowModel is not { CanExplain: true })
        {
            return 0;
        }

        foreach (var (id, probability, band, json) in LiveScoreReads.WithReasons(_store, until, _rowModel.Version))
        {
            if (customer is null || customer(id))
            {
                _reasons[id] = new Reasoned(probability, band, null, json, TopOf(json));
            }
        }

        return _reasons.Count;
    }

    private static string? TopOf(string json)
    {
        try
        {
            return ReasonsJson.Read(json) is { Raising.Count: > 0 } r ? r.Raising[0].Group : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>Reasons computed (exact contributions) so far; the other scores reused kept reasons or had none.</summary>
    public long ReasonsComputed { get; private set; }

    /// <summary>The reasons last computed for a customer, with the probability and band they were computed at.</summary>
    private sealed record Reasoned(double Probability, Storage.RiskBand Band, CustomerReasons? Reasons, string Json, string? Top);
}
