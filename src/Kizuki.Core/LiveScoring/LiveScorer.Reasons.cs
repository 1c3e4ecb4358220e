using Kizuki.Explanations;

namespace Kizuki.LiveScoring;

internal sealed partial class LiveScorer
{
    private readonly Dictionary<string, Reasoned> _reasons = new(StringComparer.Ordinal);

    private double[] _rowNumbers = [];
    private string?[] _rowCategories = [];

    /// <summary>
    /// Whether a score of <paramref name="probability"/> needs reasons computed now (the rule of
    /// <see cref="LiveScorerParts.ReasonsChange"/>): not below <see cref="LiveScorerParts.ExplainFrom"/>; yes when the customer
    /// has none kept, the band differs from the band they were computed in, or the probability has moved by at least the
    /// threshold since; otherwise the kept ones serve.
    /// </summary>
    private bool ReasonsDue(string customerId, double probability)
    {
        var model = _rowModel!;
        if (!model.CanExplain)
        {
            return false;
        }

        var band = model.Scoring.BandOf(probability);
        return band >= model.ExplainFrom
            && !(_reasons.TryGetValue(customerId, out var last) && last.Band == band && Math.Abs(probability - last.Probability) < _reasonsChange);
    }

    /// <summary>The reasons a score of <paramref name="probability"/> is stored with (those kept, fresh or not), if it gets any.</summary>
    private Reasoned? KeptReasons(string customerId, double probability)
    {
        var model = _rowModel!;
        return model.CanExplain && model.Scoring.BandOf(probability) >= model.ExplainFrom ? _reasons.GetValueOrDefault(customerId) : null;
    }

    /// <summary>Room for <paramref name="values"/> catalog values of the step's customers (reused across steps).</summary>
    private void Rows(int values)
    {
        if (_rowNumbers.Length < values)
        {
            _rowNumbers = new double[Math.Max(values, _rowNumbers.Length * 2)];
            _rowCategories = new string?[_rowNumbers.Length];
        }
    }

    /// <summary>
    /// Computes the reasons of the customers at <paramref name="due"/> as one block and keeps them; returns, per touched
    /// customer, the reasons computed now (null where none were), or null when none were due.
    /// </summary>
    private CustomerReasons?[]? ExplainDue(List<string> touched, double[] probabilities, List<int> due, DateTimeOffset asOf, ref long model)
    {
        if (due.Count == 0)
        {
            return null;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var reasons = _rowModel!.ExplainMany(_rowNumbers, _rowCategories, due, asOf);
        var fresh = new CustomerReasons?[touched.Count];
        for (var k = 0; k < due.Count; k++)
        {
            var i = due[k];
            fresh[i] = Keep(touched[i], probabilities[i], reasons[k]).Reasons;
        }

        model += System.Diagnostics.Stopwatch.GetTimestamp() - started;
        return fresh;
    }

    /// <summary>Explains the customer whose catalog row is in the scorer's row buffers now, and keeps the reasons.</summary>
    private Reasoned Explain(string customerId, double probability, DateTimeOffset asOf) =>
        Keep(customerId, probability, _rowModel!.Explain(_numbers, _categories, asOf)!);

    private Reasoned Keep(string customerId, double probability, CustomerReasons reasons)
    {
        var kept = new Reasoned(probability, _rowModel!.Scoring.BandOf(probability), reasons, ReasonsJson.Write(reasons),
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
