using Kizuki.Domain;
using Kizuki.Features.History;

namespace Kizuki.Features.Labels;

/// <summary>Labels a customer at a cutoff T: eligible or not, and if eligible, churned inside the window or not.</summary>
/// <remarks>
/// Reads only the customer's state at T (subscriptions that started before T, orders and recorded cancellations
/// before T) and the events in <c>[T, T + window)</c>; nothing at or after T + window, so a label never depends on
/// what happened after its window. The rules, with examples, are in docs/labels.md.
/// </remarks>
internal sealed class LabelBuilder
{
    private readonly long _window;
    private readonly long _inactive;
    private readonly long _goneAfter;
    private readonly long _grace;

    /// <summary>A builder for a resolved definition (not <see cref="ChurnKind.Auto"/>; call <see cref="ChurnDefinition.Resolve(bool)"/> first).</summary>
    public LabelBuilder(ChurnDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        if (definition.Kind == ChurnKind.Auto)
        {
            throw new ArgumentException(
                "churn kind 'auto' must be resolved (ChurnDefinition.Resolve) before labelling / 解約定義の種類が未確定です",
                nameof(definition));
        }

        Definition = definition;
        _window = definition.Window;
        _inactive = definition.EffectiveInactiveDays * Millis.Day;
        _goneAfter = definition.GoneAfterDays * Millis.Day;
        _grace = definition.RenewalGraceDays * Millis.Day;
    }

    /// <summary>The definition applied.</summary>
    public ChurnDefinition Definition { get; }

    /// <summary>The label at <paramref name="asOf"/> (ms), or null when the customer is not eligible at that instant.</summary>
    public ChurnLabel? Label(CustomerHistory history, long asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Definition.Kind == ChurnKind.Contractual ? Contractual(history, asOf) : NonContractual(history, asOf);
    }

    /// <summary>
    /// Eligible when a subscription runs at T (started before T, not ended before T) and no cancellation was recorded
    /// since the latest of those started. Churned when the chain of subscriptions covering T (each next one starting at
    /// most the grace after the coverage so far ends, and before T + window) ends inside the window, or when a
    /// cancellation is recorded inside it; the churn time is the earlier of the two.
    /// </summary>
    private ChurnLabel? Contractual(CustomerHistory history, long asOf)
    {
        var subscriptions = history.Subscriptions;
        var started = subscriptions.LowerBound(asOf);
        long coveredUntil = long.MinValue, latestRunningStart = long.MinValue;
        for (var i = 0; i < started; i++)
        {
            ref readonly var s = ref subscriptions[i];
            if (s.End >= asOf)
            {
                coveredUntil = Math.Max(coveredUntil, s.End);
                latestRunningStart = Math.Max(latestRunningStart, s.Start);
            }
        }

        if (coveredUntil == long.MinValue || LastMarkBefore(history, asOf) >= latestRunningStart)
        {
            return null;
        }

        var horizon = asOf + _window;
        for (var i = started; i < subscriptions.Count && coveredUntil < horizon; i++)
        {
            ref readonly var s = ref subscriptions[i];
            if (s.Start >= horizon || s.Start - _grace > coveredUntil)
            {
                break;
            }

            coveredUntil = Math.Max(coveredUntil, s.End);
        }

        var churnedAt = Math.Min(FirstMarkIn(history, asOf, horizon), coveredUntil < horizon ? coveredUntil : Millis.Never);
        return churnedAt < horizon ? ChurnLabel.ChurnedOn(churnedAt) : ChurnLabel.Stayed;
    }

    /// <summary>
    /// Eligible when the customer has a completed order in <c>[T - goneAfter, T)</c> and no cancellation was recorded
    /// at or after the last one. Churned when no completed order falls in <c>[T, T + inactive)</c> (at T + inactive)
    /// or a cancellation is recorded inside the window (at its time), whichever comes first.
    /// </summary>
    private ChurnLabel? NonContractual(CustomerHistory history, long asOf)
    {
        var orders = history.Orders;
        var lastOrder = long.MinValue;
        for (var i = orders.LowerBound(asOf) - 1; i >= 0; i--)
        {
            if (orders[i].Status == OrderStatus.Completed)
            {
                lastOrder = orders[i].Time;
                break;
            }
        }

        if (lastOrder == long.MinValue || lastOrder < asOf - _goneAfter || LastMarkBefore(history, asOf) >= lastOrder)
        {
            return null;
        }

        var inactiveUntil = asOf + _inactive;
        var lapsed = true;
        foreach (ref readonly var order in orders.Between(asOf, inactiveUntil))
        {
            if (order.Status == OrderStatus.Completed)
            {
                lapsed = false;
                break;
            }
        }

        var churnedAt = Math.Min(FirstMarkIn(history, asOf, asOf + _window), lapsed ? inactiveUntil : Millis.Never);
        return churnedAt != Millis.Never ? ChurnLabel.ChurnedOn(churnedAt) : ChurnLabel.Stayed;
    }

    private static long LastMarkBefore(CustomerHistory history, long asOf)
    {
        var marks = history.ChurnMarks.Before(asOf);
        return marks.IsEmpty ? long.MinValue : marks[^1].Time;
    }

    private static long FirstMarkIn(CustomerHistory history, long from, long to)
    {
        var marks = history.ChurnMarks.Between(from, to);
        return marks.IsEmpty ? Millis.Never : marks[0].Time;
    }
}
