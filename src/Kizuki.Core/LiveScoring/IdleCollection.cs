namespace Kizuki.LiveScoring;

/// <summary>
/// Lets the live scorer collect the youngest generation while it waits for events, so that collections fall between steps
/// rather than inside one.
/// </summary>
/// <remarks>
/// <para>
/// With a live state of hundreds of megabytes, the runtime's own gen0 collection (when its budget of about 15 MiB is used
/// up) paused every thread for 3–15 ms, most often in the middle of a step, which then missed its latency target: one to three
/// steps per run of the <c>livescore</c> bench (20,000 customers, heap about 840 MiB).
/// </para>
/// <para>
/// So when the scorer is idle and at least <see cref="Due"/> bytes have been allocated since the last collection,
/// <see cref="CollectIfDue"/> collects gen0 at once. Collections of so small a gen0 took about 1.5 ms each, the runtime's
/// own trigger was no longer reached, and an event arriving during one waits for its rest only. Measured with
/// <c>livescore --batch 20 --rate 500 --warmup 3000</c>: p99 from acknowledgement to score 3.6–5.1 ms in eight of nine runs
/// (10.5 ms in one that ran slow throughout), against 4.3–7.6 ms in three runs when collecting at half the runtime's budget
/// instead (about 5 ms per collection); 47 collections per run, 63–86 ms of pauses in all.
/// </para>
/// </remarks>
internal sealed class IdleCollection
{
    /// <summary>Bytes allocated since the last collection above which an idle scorer collects: 1 MiB.</summary>
    public const long Due = 1 << 20;

    private readonly Func<Counters> _counters;
    private readonly Action _collect;
    private int _collections = -1;
    private long _allocatedAfter;

    /// <summary>Watches the process's own collector.</summary>
    public IdleCollection()
        : this(() => new Counters(GC.CollectionCount(0), GC.GetTotalAllocatedBytes(precise: false)), () => GC.Collect(0, GCCollectionMode.Forced, blocking: true))
    {
    }

    /// <summary>Watches what <paramref name="counters"/> reports (collections so far, bytes allocated so far) and collects with <paramref name="collect"/> (tests).</summary>
    internal IdleCollection(Func<Counters> counters, Action collect)
    {
        _counters = counters;
        _collect = collect;
    }

    /// <summary>Collections started here (the others were the runtime's own); may be read from another thread.</summary>
    public int Collected => Volatile.Read(ref _collected);

    private int _collected;

    /// <summary>Call when idle: collects gen0 if <see cref="Due"/> bytes have been allocated since the last collection.</summary>
    /// <returns>Whether it collected.</returns>
    public bool CollectIfDue()
    {
        var now = _counters();
        if (now.Collections != _collections)
        {
            // The runtime collected since the last look (or this is the first look): count again from here.
            Restart(now);
            return false;
        }

        if (now.Allocated - _allocatedAfter < Due)
        {
            return false;
        }

        _collect();
        Interlocked.Increment(ref _collected);
        Restart(_counters());
        return true;
    }

    private void Restart(Counters now)
    {
        _collections = now.Collections;
        _allocatedAfter = now.Allocated;
    }

    /// <summary>What the collector counts: collections so far and bytes allocated so far.</summary>
    internal readonly record struct Counters(int Collections, long Allocated);
}
