using System.Buffers.Binary;

namespace Kizuki.Features.Batch;

internal sealed partial class ActivitySnapshot
{
    /// <summary>
    /// Parses the index section: customer count and pair count (int32 each); per customer its id length (int32), id
    /// bytes and first record (int64); per pair its type length, type bytes, name length (-1 for NULL) and name bytes.
    /// Null when anything is out of place (ids not strictly ascending, records not ascending or past the end).
    /// </summary>
    private static (byte[] Ids, int[] IdStarts, long[] RecordStarts, (byte[] Type, byte[]? Name)[] Pairs)? ReadIndex(
        ReadOnlySpan<byte> index, long records)
    {
        var at = 0;
        bool Take(int count, out ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> source)
        {
            if (count < 0 || count > source.Length - at)
            {
                bytes = default;
                return false;
            }

            bytes = source.Slice(at, count);
            at += count;
            return true;
        }

        if (!Take(8, out var counts, index))
        {
            return null;
        }

        var customers = BinaryPrimitives.ReadInt32LittleEndian(counts);
        var pairCount = BinaryPrimitives.ReadInt32LittleEndian(counts[4..]);
        if (customers < 0 || pairCount < 0 || customers > index.Length / 12 || pairCount > index.Length / 8)
        {
            return null;
        }

        var idStarts = new int[customers + 1];
        var recordStarts = new long[customers + 1];
        using var ids = new MemoryStream();
        for (var c = 0; c < customers; c++)
        {
            if (!Take(4, out var length, index) || !Take(BinaryPrimitives.ReadInt32LittleEndian(length), out var id, index)
                || !Take(8, out var start, index))
            {
                return null;
            }

            idStarts[c] = (int)ids.Length;
            ids.Write(id);
            recordStarts[c] = BinaryPrimitives.ReadInt64LittleEndian(start);
            if (recordStarts[c] < (c == 0 ? 0 : recordStarts[c - 1]) || recordStarts[c] > records)
            {
                return null;
            }
        }

        idStarts[customers] = (int)ids.Length;
        recordStarts[customers] = records;
        var idBytes = ids.ToArray();
        for (var c = 1; c < customers; c++)
        {
            if (idBytes.AsSpan(idStarts[c - 1], idStarts[c] - idStarts[c - 1])
                    .SequenceCompareTo(idBytes.AsSpan(idStarts[c], idStarts[c + 1] - idStarts[c])) >= 0)
            {
                return null;
            }
        }

        var pairs = new (byte[] Type, byte[]? Name)[pairCount];
        for (var p = 0; p < pairCount; p++)
        {
            if (!Take(4, out var typeLength, index) || !Take(BinaryPrimitives.ReadInt32LittleEndian(typeLength), out var type, index)
                || !Take(4, out var nameLength, index))
            {
                return null;
            }

            var nameBytes = BinaryPrimitives.ReadInt32LittleEndian(nameLength);
            byte[]? name = null;
            if (nameBytes != -1)
            {
                if (!Take(nameBytes, out var n, index))
                {
                    return null;
                }

                name = n.ToArray();
            }

            pairs[p] = (type.ToArray(), name);
        }

        return at == index.Length ? (idBytes, idStarts, recordStarts, pairs) : null;
    }

    /// <summary>Writes the index section (see <see cref="ReadIndex"/>).</summary>
    private static void WriteIndex(Stream stream, IReadOnlyList<(byte[] Id, long Start)> customers, IReadOnlyList<(byte[] Type, byte[]? Name)> pairs)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(customers.Count);
        writer.Write(pairs.Count);
        foreach (var (id, start) in customers)
        {
            writer.Write(id.Length);
            writer.Write(id);
            writer.Write(start);
        }

        foreach (var (type, name) in pairs)
        {
            writer.Write(type.Length);
            writer.Write(type);
            writer.Write(name?.Length ?? -1);
            if (name is not null)
            {
                writer.Write(name);
            }
        }
    }
}
