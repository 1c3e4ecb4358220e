using System.Text;
using Kizuki.Features.History;

namespace Kizuki.Features.Batch;

/// <summary>
/// Remembers what <see cref="HistoryBuilder.ToEvent"/> made of each (type, name) pair seen as UTF-8 bytes, so a reader
/// turns an activity row into an event with one hash lookup and no string allocation.
/// </summary>
/// <remarks>One per reading thread. Conversion still goes through the builder, once per distinct pair.</remarks>
internal sealed class ActivityTemplates(HistoryBuilder builder)
{
    private readonly Dictionary<byte[], ActivityEvent>.AlternateLookup<ReadOnlySpan<byte>> _templates =
        new Dictionary<byte[], ActivityEvent>(Utf8KeyComparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();
    private byte[] _key = new byte[256];
    private ActivityEvent _last;
    private int _lastLength;
    private bool _lastHasName;

    /// <summary>The event of an activity row: its time and quantity, with the interned type, name and page categories.</summary>
    public ActivityEvent ToEvent(long time, ReadOnlySpan<byte> type, ReadOnlySpan<byte> name, bool hasName, double quantity)
    {
        // Consecutive activities of a customer often repeat the same type and name (a run of logins): reuse the last.
        if (_lastLength > 0 && hasName == _lastHasName && type.Length + name.Length + 5 == _lastLength
            && BitConverter.ToInt32(_key) == type.Length
            && type.SequenceEqual(_key.AsSpan(4, type.Length)) && name.SequenceEqual(_key.AsSpan(5 + type.Length, name.Length)))
        {
            return _last with { Time = time, Quantity = quantity };
        }

        var key = ActivityKey.Write(ref _key, type, name, hasName);

        if (!_templates.TryGetValue(key, out var template))
        {
            template = builder.ToEvent(0, Encoding.UTF8.GetString(type), hasName ? Encoding.UTF8.GetString(name) : null, null);
            _templates[key] = template;
        }

        _last = template;
        _lastLength = key.Length;
        _lastHasName = hasName;
        return template with { Time = time, Quantity = quantity };
    }
}
