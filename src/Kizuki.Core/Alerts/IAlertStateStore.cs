using System.Collections.Concurrent;

namespace Kizuki.Alerts;

/// <summary>When each rule last fired for each customer: what cool-down and de-duplication read.</summary>
/// <remarks>
/// The persistent form is one table keyed by (rule, customer) with the last firing instant in UTC:
/// <c>alert_state(rule TEXT, customer_id TEXT, last_fired_at INTEGER, PRIMARY KEY(rule, customer_id))</c>.
/// </remarks>
public interface IAlertStateStore
{
    /// <summary>When <paramref name="rule"/> last fired for <paramref name="customerId"/>, or null.</summary>
    DateTimeOffset? LastFired(string rule, string customerId);

    /// <summary>
    /// Records a firing at <paramref name="at"/> unless the rule fired for the customer within <paramref name="cooldown"/>
    /// before it; true when recorded. Atomic per key, so two scorers never both fire one alert.
    /// </summary>
    bool TryFire(string rule, string customerId, DateTimeOffset at, TimeSpan cooldown);
}

/// <summary>Alert state in memory (one process; lost on exit).</summary>
public sealed class InMemoryAlertStateStore : IAlertStateStore
{
    private readonly ConcurrentDictionary<(string Rule, string Customer), DateTimeOffset> _last = new();

    /// <inheritdoc />
    public DateTimeOffset? LastFired(string rule, string customerId) =>
        _last.TryGetValue((rule, customerId), out var at) ? at : null;

    /// <inheritdoc />
    public bool TryFire(string rule, string customerId, DateTimeOffset at, TimeSpan cooldown)
    {
        var key = (rule, customerId);
        while (true)
        {
            if (!_last.TryGetValue(key, out var last))
            {
                if (_last.TryAdd(key, at))
                {
                    return true;
                }

                continue;
            }

            if (at >= last && at - last < cooldown)
            {
                return false;
            }

            if (at < last)
            {
                // An older instant (a replay) never moves the state back; it fires only outside the cool-down before it.
                return last - at >= cooldown;
            }

            if (_last.TryUpdate(key, at, last))
            {
                return true;
            }
        }
    }
}
