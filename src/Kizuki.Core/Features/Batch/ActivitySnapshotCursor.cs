using System.Text;
using Kizuki.Features.History;

namespace Kizuki.Features.Batch;

/// <summary>
/// One reading thread's walk over an <see cref="ActivitySnapshot"/>: customers are asked for in ascending id order,
/// and each one's activities before the read's end are added to its history.
/// </summary>
/// <remarks>
/// Each (type, name) pair is turned into its event by <see cref="HistoryBuilder.ToEvent"/> once, the first time it is
/// met, exactly as <see cref="ActivityTemplates"/> does for rows read from SQLite, so both paths give the same events.
/// </remarks>
internal sealed class ActivitySnapshotCursor
{
    private readonly ActivitySnapshot _snapshot;
    private readonly HistoryBuilder _builder;
    private readonly ActivityEvent[] _templates;
    private readonly bool[] _known;
    private int _customer;

    /// <summary>A cursor at the first customer whose id is not below <paramref name="from"/> (null: the first).</summary>
    public ActivitySnapshotCursor(ActivitySnapshot snapshot, HistoryBuilder builder, string? from)
    {
        _snapshot = snapshot;
        _builder = builder;
        _templates = new ActivityEvent[snapshot.Pairs.Count];
        _known = new bool[snapshot.Pairs.Count];
        _customer = snapshot.LowerBound(from);
    }

    /// <summary>
    /// Adds the activities of <paramref name="customerId"/> strictly before <paramref name="until"/> to
    /// <paramref name="series"/>; ids must come in ascending order.
    /// </summary>
    public void AddTo(EventSeries<ActivityEvent> series, ReadOnlySpan<byte> customerId, long until)
    {
        var snapshot = _snapshot;
        var count = snapshot.CustomerCount;
        while (_customer < count)
        {
            var order = snapshot.CustomerId(_customer).SequenceCompareTo(customerId);
            if (order > 0)
            {
                return;
            }

            if (order == 0)
            {
                break;
            }

            _customer++; // activities of a customer missing from the customers table
        }

        if (_customer == count)
        {
            return;
        }

        foreach (ref readonly var record in snapshot.RecordsOf(_customer++))
        {
            if (record.Time >= until)
            {
                return;
            }

            series.Add(Template(record.Pair) with { Time = record.Time, Quantity = record.Quantity });
        }
    }

    private ActivityEvent Template(int pair)
    {
        if (!_known[pair])
        {
            var (type, name) = _snapshot.Pairs[pair];
            _templates[pair] = _builder.ToEvent(0, Encoding.UTF8.GetString(type), name is null ? null : Encoding.UTF8.GetString(name), null);
            _known[pair] = true;
        }

        return _templates[pair];
    }
}
