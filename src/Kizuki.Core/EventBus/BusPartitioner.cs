using System.Text;

namespace Kizuki.EventBus;

/// <summary>Which partition a customer's events go to: FNV-1a (32-bit) of the id's UTF-8 bytes, modulo the partition count.</summary>
/// <remarks>
/// Stable across processes, machines and .NET versions (unlike <see cref="string.GetHashCode()"/>), so every producer
/// sends one customer to one stream, and the stream's single lease holder is the only consumer of that customer.
/// </remarks>
internal static class BusPartitioner
{
    /// <summary>The partition of <paramref name="customerId"/> among <paramref name="partitions"/>.</summary>
    public static int PartitionOf(string customerId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(customerId) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(customerId, buffer)]
            : Encoding.UTF8.GetBytes(customerId);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)partitions);
    }
}
