using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Text;

namespace Kizuki.Features.Batch;

/// <summary>
/// A derived, read-only copy of the store's activities in the batch reader's order, mapped into memory: what reading
/// ten million activities through SQLite's virtual machine costs, a walk over an array costs instead.
/// </summary>
/// <remarks>
/// <para>
/// The file sits beside the SQLite file and holds every activity (not only those before some as-of instant) sorted by
/// (customer id, time, id), as fixed 20-byte records of time, quantity and a (type, name) pair number, followed by an
/// index of customer ids with the first record of each and the table of distinct (type, name) pairs. Readers filter
/// by time, so one snapshot serves every as-of instant.
/// </para>
/// <para>
/// It carries the store's data generation stamp (see <c>Kizuki.Storage.SqliteDataGeneration</c>) read in the same
/// transaction as the activities, and is used only while the store still carries that stamp: every committed import
/// changes it, so the store stays the single source of truth. A store without a generation gets no snapshot.
/// </para>
/// Shared by all reading threads; each keeps its own <see cref="ActivitySnapshotCursor"/>.
/// </remarks>
internal sealed unsafe partial class ActivitySnapshot : IDisposable
{
    /// <summary>The first 8 bytes of the file.</summary>
    private static readonly byte[] Magic = "KZACTSN1"u8.ToArray();

    /// <summary>The layout version; a file of another version is rebuilt.</summary>
    private const int FormatVersion = 2;

    private const int HeaderBytes = 64;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly byte[] _ids;
    private readonly int[] _idStarts;
    private readonly long[] _recordStarts;
    private bool _disposed;

    private ActivitySnapshot(MemoryMappedFile file, MemoryMappedViewAccessor view, byte* pointer, byte[] stamp, long records,
        long newest, byte[] ids, int[] idStarts, long[] recordStarts, (byte[] Type, byte[]? Name)[] pairs)
    {
        NewestTime = newest == long.MinValue ? null : newest;
        _file = file;
        _view = view;
        _base = pointer;
        Stamp = stamp;
        RecordCount = records;
        _ids = ids;
        _idStarts = idStarts;
        _recordStarts = recordStarts;
        Pairs = pairs;
    }

    /// <summary>The store generation stamp the snapshot was built at.</summary>
    public byte[] Stamp { get; }

    /// <summary>
    /// The newest instant (ms) in the whole store at the snapshot's generation: the latest event of any kind or signup,
    /// as <see cref="SqliteFiles.NewestTime"/> gives it; null for an empty store. Recorded at build time, it spares the
    /// default as-of lookup its index scans.
    /// </summary>
    public long? NewestTime { get; }

    /// <summary>Number of activities.</summary>
    public long RecordCount { get; }

    /// <summary>Number of customers with at least one activity.</summary>
    public int CustomerCount => _recordStarts.Length - 1;

    /// <summary>The distinct (type, name) pairs as UTF-8; a null name is a NULL in the store.</summary>
    public IReadOnlyList<(byte[] Type, byte[]? Name)> Pairs { get; }

    /// <summary>The snapshot file of a SQLite file.</summary>
    public static string PathFor(string databasePath) => databasePath + ".activities.snapshot";

    /// <summary>The UTF-8 id of the customer at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> CustomerId(int index) => _ids.AsSpan(_idStarts[index], _idStarts[index + 1] - _idStarts[index]);

    /// <summary>The records of the customer at <paramref name="index"/>, oldest first.</summary>
    public ReadOnlySpan<ActivityRecord> RecordsOf(int index)
    {
        // A reader used after the snapshot is unmapped must fail, not read freed memory.
        ObjectDisposedException.ThrowIf(_disposed, this);
        var start = _recordStarts[index];
        return new ReadOnlySpan<ActivityRecord>(_base + HeaderBytes + start * sizeof(ActivityRecord),
            checked((int)(_recordStarts[index + 1] - start)));
    }

    /// <summary>Index of the first customer whose id is not below <paramref name="customerId"/> (byte order).</summary>
    public int LowerBound(ReadOnlySpan<byte> customerId)
    {
        int lo = 0, hi = CustomerCount;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (CustomerId(mid).SequenceCompareTo(customerId) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Index of the first customer whose id is not below <paramref name="customerId"/>; 0 for null.</summary>
    public int LowerBound(string? customerId) => customerId is null ? 0 : LowerBound(Encoding.UTF8.GetBytes(customerId));

    /// <summary>
    /// Opens the snapshot at <paramref name="path"/> when it is whole and was built at <paramref name="stamp"/>;
    /// null when it is missing, stale, of another format or damaged (it is then rebuilt, never trusted).
    /// </summary>
    public static ActivitySnapshot? TryOpen(string path, ReadOnlySpan<byte> stamp)
    {
        MemoryMappedFile? file = null;
        MemoryMappedViewAccessor? view = null;
        var acquired = false;
        try
        {
            var length = new FileInfo(path).Length;
            if (length < HeaderBytes)
            {
                return null;
            }

            file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            acquired = true;
            pointer += view.PointerOffset;
            var header = new ReadOnlySpan<byte>(pointer, HeaderBytes);
            if (!header[..8].SequenceEqual(Magic) || BitConverter.ToInt32(header[8..]) != FormatVersion
                || BitConverter.ToInt32(header[12..]) != sizeof(ActivityRecord) || !header.Slice(16, 16).SequenceEqual(stamp))
            {
                return Release(view, file);
            }

            var records = BitConverter.ToInt64(header[32..]);
            var indexAt = BitConverter.ToInt64(header[40..]);
            var indexLength = BitConverter.ToInt64(header[48..]);
            var newest = BitConverter.ToInt64(header[56..]);
            if (records < 0 || indexAt != HeaderBytes + records * sizeof(ActivityRecord) || indexLength < 8
                || indexAt + indexLength != length || indexLength > int.MaxValue)
            {
                return Release(view, file);
            }

            var index = new ReadOnlySpan<byte>(pointer + indexAt, (int)indexLength);
            if (ReadIndex(index, records) is not { } parsed)
            {
                return Release(view, file);
            }

            return new ActivitySnapshot(file, view, pointer, header.Slice(16, 16).ToArray(), records, newest,
                parsed.Ids, parsed.IdStarts, parsed.RecordStarts, parsed.Pairs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (view is not null)
            {
                return Release(view, file!, acquired);
            }

            file?.Dispose();
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    private static ActivitySnapshot? Release(MemoryMappedViewAccessor view, MemoryMappedFile file, bool acquired = true)
    {
        if (acquired)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }

        view.Dispose();
        file.Dispose();
        return null;
    }

    /// <summary>One activity in the file: its time, quantity (NaN for none) and (type, name) pair number.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal readonly record struct ActivityRecord(long Time, double Quantity, int Pair);
}
