namespace Kizuki.Features.History;

/// <summary>A customer's events of one kind, kept in time order, with the window searches features need.</summary>
/// <remarks>
/// Appending in time order is O(1); an event that arrives late is inserted at its place (a live feed delivers
/// events nearly in order, so the move is short). Searches are binary: the events in <c>[from, to)</c> are
/// found in O(log n), which is what makes window features cheap for both the batch and the live evaluator.
/// </remarks>
public sealed class EventSeries<T>
    where T : struct, ITimed
{
    private T[] _items = [];

    /// <summary>Number of events.</summary>
    public int Count { get; private set; }

    /// <summary>The events, oldest first.</summary>
    public ReadOnlySpan<T> All => _items.AsSpan(0, Count);

    /// <summary>The event at a position.</summary>
    public ref readonly T this[int index] => ref _items[index];

    /// <summary>The time of the event at a position.</summary>
    public long TimeAt(int index) => _items[index].At;

    /// <summary>Adds an event at its place in time order (after any event with the same time).</summary>
    public void Add(in T item)
    {
        var count = Count;
        if (count < _items.Length && (count == 0 || _items[count - 1].At <= item.At))
        {
            _items[count] = item; // the common case: in order, with room
            Count = count + 1;
            return;
        }

        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Math.Max(4, Count * 2));
        }

        var time = item.At;
        var at = Count;
        if (Count > 0 && _items[Count - 1].At > time)
        {
            at = UpperBound(time);
            Array.Copy(_items, at, _items, at + 1, Count - at);
        }

        _items[at] = item;
        Count++;
    }

    /// <summary>Removes every event before <paramref name="time"/>; returns how many were removed.</summary>
    public int RemoveBefore(long time)
    {
        var cut = LowerBound(time);
        if (cut > 0)
        {
            Array.Copy(_items, cut, _items, 0, Count - cut);
            Array.Clear(_items, Count - cut, cut);
            Count -= cut;
        }

        return cut;
    }

    /// <summary>Removes the oldest events so that at most <paramref name="max"/> remain.</summary>
    public void KeepNewest(int max)
    {
        if (Count > max)
        {
            RemoveBefore(_items[Count - max].At);
            while (Count > max)
            {
                Array.Copy(_items, 1, _items, 0, Count - 1);
                _items[--Count] = default;
            }
        }
    }

    /// <summary>Index of the first event at or after <paramref name="time"/> (Count when none).</summary>
    public int LowerBound(long time)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items[mid].At < time)
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

    /// <summary>Index of the first event after <paramref name="time"/> (Count when none).</summary>
    public int UpperBound(long time)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items[mid].At <= time)
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

    /// <summary>The events with <c>from &lt;= time &lt; to</c>.</summary>
    public ReadOnlySpan<T> Between(long from, long to)
    {
        var start = LowerBound(from);
        var end = LowerBound(to);
        return end > start ? _items.AsSpan(start, end - start) : [];
    }

    /// <summary>The events strictly before <paramref name="time"/>.</summary>
    public ReadOnlySpan<T> Before(long time) => _items.AsSpan(0, LowerBound(time));

    /// <summary>Removes everything.</summary>
    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }
}
