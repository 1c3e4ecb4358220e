namespace Kizuki.Features.Batch;

/// <summary>
/// The byte key of an activity's (type, name) pair, as the snapshot's pair table and the activity templates look it up:
/// the type's length (4 bytes), the type, a has-name flag, the name. Written into a reused buffer.
/// </summary>
internal static class ActivityKey
{
    /// <summary>Writes the key into <paramref name="buffer"/> (grown when too small) and returns it.</summary>
    public static ReadOnlySpan<byte> Write(ref byte[] buffer, ReadOnlySpan<byte> type, ReadOnlySpan<byte> name, bool hasName)
    {
        var length = type.Length + name.Length + 5;
        if (length > buffer.Length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        BitConverter.TryWriteBytes(buffer, type.Length);
        type.CopyTo(buffer.AsSpan(4));
        buffer[4 + type.Length] = hasName ? (byte)1 : (byte)0;
        name.CopyTo(buffer.AsSpan(5 + type.Length));
        return buffer.AsSpan(0, length);
    }
}
