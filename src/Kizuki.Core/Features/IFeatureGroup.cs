using Kizuki.Features.History;

namespace Kizuki.Features;

/// <summary>A set of related features computed together from one customer's history.</summary>
/// <remarks>
/// A group is the one definition of its features: the batch and the live evaluator both call
/// <see cref="Evaluate"/>, on a history filled from the store or kept up to date event by event.
/// An implementation reads only events strictly before <c>asOf</c> (and of mutable records, only what was known
/// before it: a ticket's closing, a subscription's end), and never reads the clock.
/// </remarks>
public interface IFeatureGroup
{
    /// <summary>The features this group writes, in output order.</summary>
    IReadOnlyList<FeatureDefinition> Definitions { get; }

    /// <summary>Computes the features at <paramref name="asOf"/> (ms) into <paramref name="output"/>, in definition order.</summary>
    /// <param name="history">The customer's history.</param>
    /// <param name="asOf">The as-of instant; only what happened strictly before it counts.</param>
    /// <param name="output">One slot per definition: numbers as themselves, categories through <see cref="FeatureRow"/>.</param>
    void Evaluate(CustomerHistory history, long asOf, FeatureRow output);
}
