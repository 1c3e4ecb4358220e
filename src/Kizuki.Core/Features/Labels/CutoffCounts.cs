using Kizuki.Features.History;

namespace Kizuki.Features.Labels;

/// <summary>How many customers one cutoff of a training set labels, and how many of them churned.</summary>
/// <param name="Cutoff">The cutoff (ms).</param>
/// <param name="Eligible">Customers eligible at the cutoff (rows of the training set).</param>
/// <param name="Churned">Eligible customers labelled 1.</param>
internal sealed record CutoffCounts(long Cutoff, int Eligible, int Churned)
{
    /// <summary>The cutoff as an instant (UTC).</summary>
    public DateTimeOffset Instant => Millis.ToInstant(Cutoff);

    /// <summary>Churned ÷ eligible; NaN when nobody was eligible.</summary>
    public double Rate => Eligible == 0 ? double.NaN : (double)Churned / Eligible;
}
