namespace Kizuki.EventBus;

/// <summary>How the Redis Streams event bus lays out its keys and how consumers share partitions.</summary>
/// <remarks>
/// Producers and consumers of one bus must agree on <see cref="StreamPrefix"/> and <see cref="Partitions"/>: the
/// partition of a customer is a stable hash of its id modulo the count, so changing the count moves customers.
/// </remarks>
public sealed record BusOptions
{
    /// <summary>Key prefix; partition <c>p</c> lives at <c>{prefix}:{p}</c>. Default <c>kizuki:events</c>.</summary>
    public string StreamPrefix { get; init; } = "kizuki:events";

    /// <summary>Number of partition streams, from 1 to 1,024. Default 8.</summary>
    public int Partitions { get; init; } = 8;

    /// <summary>Consumer group shared by all scorer processes. Default <c>kizuki-scorers</c>.</summary>
    public string Group { get; init; } = "kizuki-scorers";

    /// <summary>Approximate length each stream is trimmed to on publish (XADD MAXLEN ~); 0 keeps everything. Default 1,000,000.</summary>
    /// <remarks>Trimming drops the oldest entries even if unread; keep it well above the backlog consumers may fall behind by.</remarks>
    public long MaxLength { get; init; } = 1_000_000;

    /// <summary>How long a partition lease lives without renewal, from 200 ms to 10 minutes. Default 10 s.</summary>
    /// <remarks>A crashed consumer's partitions pass to another consumer after at most this long.</remarks>
    public TimeSpan LeaseTtl { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most entries read and handed to the sink at once, from 1 to 100,000. Default 512.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Pause when no partition had anything to read, from 1 ms to 10 s. Default 50 ms.</summary>
    /// <remarks>StackExchange.Redis multiplexes one connection, so consumers poll instead of blocking in XREADGROUP.</remarks>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Key of partition <paramref name="partition"/>'s stream.</summary>
    public string StreamKey(int partition) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{StreamPrefix}:{partition}");

    /// <summary>Key of partition <paramref name="partition"/>'s lease.</summary>
    public string LeaseKey(int partition) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{StreamPrefix}:{partition}:lease");

    /// <summary>Key of the sorted set of live consumers (score: heartbeat expiry, Unix ms).</summary>
    public string MembersKey => StreamPrefix + ":consumers";

    /// <summary>Throws when a value is out of its range, naming the option.</summary>
    public BusOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(StreamPrefix))
        {
            throw new ArgumentException("StreamPrefix must not be empty. / StreamPrefix を指定してください。", nameof(StreamPrefix));
        }

        if (string.IsNullOrWhiteSpace(Group))
        {
            throw new ArgumentException("Group must not be empty. / Group を指定してください。", nameof(Group));
        }

        Check(nameof(Partitions), Partitions, 1, 1024);
        Check(nameof(BatchSize), BatchSize, 1, 100_000);
        Check(nameof(MaxLength), MaxLength, 0, long.MaxValue);
        Check(nameof(LeaseTtl), LeaseTtl.TotalMilliseconds, 200, 600_000);
        Check(nameof(IdleDelay), IdleDelay.TotalMilliseconds, 1, 10_000);
        return this;
    }

    private static void Check(string name, double value, double min, double max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} must be from {min} to {max}. / {name} は {min} から {max} の範囲で指定してください。"));
        }
    }
}
