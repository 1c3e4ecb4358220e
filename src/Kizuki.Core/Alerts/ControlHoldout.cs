using System.Text;

namespace Kizuki.Alerts;

/// <summary>Decides which customers a rule holds out as a control, reproducibly: a hash of rule name and customer id.</summary>
/// <remarks>
/// The same customer is always in or out of the same rule's control group, on every machine and run, so the effect of
/// follow-ups can be measured later by comparing the two groups. Different rules draw independent groups.
/// </remarks>
public static class ControlHoldout
{
    /// <summary>A number in [0, 1) fixed by the rule and the customer (64-bit FNV-1a over their UTF-8 bytes).</summary>
    public static double Draw(string rule, string customerId)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(customerId);
        const ulong Prime = 1099511628211;
        var hash = 14695981039346656037;
        foreach (var b in Encoding.UTF8.GetBytes(rule))
        {
            hash = (hash ^ b) * Prime;
        }

        hash = (hash ^ 0x1F) * Prime;
        foreach (var b in Encoding.UTF8.GetBytes(customerId))
        {
            hash = (hash ^ b) * Prime;
        }

        // Final mix (splitmix64) so nearby ids spread evenly.
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EB;
        hash ^= hash >> 31;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>True when the customer is in the rule's control group of the given share (0 to 0.5).</summary>
    public static bool IsControl(string rule, string customerId, double share) =>
        share > 0 && Draw(rule, customerId) < share;
}
