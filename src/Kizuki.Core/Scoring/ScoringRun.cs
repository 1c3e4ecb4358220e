using Kizuki.Explanations;
using Kizuki.Features.Batch;
using Kizuki.Modeling.Registry;
using Kizuki.Storage;

namespace Kizuki.Scoring;

/// <summary>The scores of one run: every active customer at one as-of instant, by one model version.</summary>
/// <param name="Table">The features of every customer at the as-of instant.</param>
/// <param name="Model">The model that scored.</param>
/// <param name="Rows">The table rows scored (the active customers), in customer id order.</param>
/// <param name="Scores">One score per scored row, in the same order as <paramref name="Rows"/>.</param>
/// <param name="FeatureNames">The model's features, in the order it reads them.</param>
/// <param name="Reasons">Each score's reasons and action, in the order of <paramref name="Scores"/>; null when scored without explanations.</param>
/// <param name="Explanations">The exact contributions behind <paramref name="Reasons"/>; null when scored without explanations.</param>
internal sealed record ScoringRun(
    FeatureTable Table,
    ModelMetadata Model,
    IReadOnlyList<int> Rows,
    IReadOnlyList<StoredScore> Scores,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<CustomerReasons>? Reasons = null,
    ExplanationBatch? Explanations = null)
{
    /// <summary>The as-of instant.</summary>
    public DateTimeOffset AsOf => Table.AsOf;

    /// <summary>The <paramref name="count"/> scores with the most revenue at risk (then the highest probability, then by id).</summary>
    public IReadOnlyList<StoredScore> Top(int count) =>
    [
        .. Scores
            .OrderByDescending(s => s.RevenueAtRisk)
            .ThenByDescending(s => s.Probability)
            .ThenBy(s => s.CustomerId, StringComparer.Ordinal)
            .Take(Math.Max(0, count)),
    ];

    /// <summary>Customers and revenue at risk per band, every band present (high first).</summary>
    public IReadOnlyList<BandTotal> Bands() =>
    [
        .. new[] { RiskBand.High, RiskBand.Medium, RiskBand.Low }.Select(band => new BandTotal(
            band,
            Scores.Count(s => s.Band == band),
            Scores.Where(s => s.Band == band).Sum(s => s.RevenueAtRisk))),
    ];
}

/// <summary>How many customers fall in a risk band, and the revenue at risk among them.</summary>
internal sealed record BandTotal(RiskBand Band, int Customers, decimal RevenueAtRisk);
