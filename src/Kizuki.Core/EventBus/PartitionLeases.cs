using StackExchange.Redis;

namespace Kizuki.EventBus;

/// <summary>
/// Partition leases and consumer heartbeats in Redis. A lease is a key set with NX and a PX expiry holding the owner's
/// name; only the owner renews or releases it (checked atomically in a script), so a crashed owner's lease simply expires.
/// </summary>
/// <remarks>Heartbeat times come from the Redis server's clock (TIME), so consumers on machines with skewed clocks agree.</remarks>
internal sealed class PartitionLeases
{
    private const string RenewScript = """
        if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
        return 0
        """;

    private const string HeartbeatScript = """
        local t = redis.call('time')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('zremrangebyscore', KEYS[1], '-inf', now)
        redis.call('zadd', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
        redis.call('pexpire', KEYS[1], tonumber(ARGV[2]) * 10)
        return redis.call('zcard', KEYS[1])
        """;

    private readonly IDatabase _redis;
    private readonly BusOptions _options;
    private readonly string _owner;
    private readonly long _ttlMs;

    /// <summary>Leases held in the name of <paramref name="owner"/>.</summary>
    public PartitionLeases(IDatabase redis, BusOptions options, string owner)
    {
        _redis = redis;
        _options = options;
        _owner = owner;
        _ttlMs = (long)options.LeaseTtl.TotalMilliseconds;
    }

    /// <summary>Takes the lease of <paramref name="partition"/> if nobody holds it.</summary>
    public Task<bool> TryAcquireAsync(int partition) =>
        _redis.StringSetAsync(_options.LeaseKey(partition), _owner, _options.LeaseTtl, When.NotExists);

    /// <summary>Extends the lease; false when it is no longer ours (it expired and another consumer took it).</summary>
    public async Task<bool> RenewAsync(int partition) =>
        (long)await _redis.ScriptEvaluateAsync(RenewScript, [_options.LeaseKey(partition)], [_owner, _ttlMs]).ConfigureAwait(false) == 1;

    /// <summary>Gives the lease up if it is still ours.</summary>
    public Task ReleaseAsync(int partition) =>
        _redis.ScriptEvaluateAsync(ReleaseScript, [_options.LeaseKey(partition)], [_owner]);

    /// <summary>Marks this consumer alive for one lease period; returns how many consumers are alive now (at least 1).</summary>
    public async Task<int> HeartbeatAsync() =>
        Math.Max(1, (int)(long)await _redis.ScriptEvaluateAsync(HeartbeatScript, [_options.MembersKey], [_owner, _ttlMs]).ConfigureAwait(false));
}
