using System.Collections.Concurrent;

namespace Kizuki.Web.Security;

/// <summary>Refuses sign-in for a while after repeated failures, per user name and per client address.</summary>
/// <remarks>
/// Two counters guard each attempt: one per user name (guessing one account's password from many places) and one per
/// client address (trying many accounts from one place; its limit is <see cref="AddressFactor"/> times larger, so one
/// office behind a shared address is not locked out by one person's typing). Failures are counted within
/// <see cref="KizukiWebOptions.SignInLockout"/> of the first; reaching the limit locks for that long. A success clears
/// the user's counter. State lives in memory only: a restart forgets it, which is acceptable for a small team's server.
/// The clock is injected, so tests move time rather than wait.
/// </remarks>
internal sealed class SignInThrottle(TimeProvider time, KizukiWebOptions options)
{
    /// <summary>How many times more failures a client address may make than one user name.</summary>
    public const int AddressFactor = 4;

    /// <summary>Above this many tracked names and addresses, expired entries are dropped on the next failure.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Attempts> attempts = new(StringComparer.Ordinal);

    /// <summary>How long sign-in stays refused for this name or address; null when it may be tried now.</summary>
    public TimeSpan? LockedFor(string name, string? address)
    {
        var now = time.GetUtcNow();
        var user = Remaining(UserKey(name), now);
        var client = address is null ? null : Remaining(AddressKey(address), now);
        return (user, client) switch
        {
            (null, null) => null,
            ({ } u, null) => u,
            (null, { } c) => c,
            ({ } u, { } c) => u > c ? u : c,
        };
    }

    /// <summary>Counts a failed attempt; true when this failure locked the name or the address.</summary>
    public bool Failed(string name, string? address)
    {
        var now = time.GetUtcNow();
        if (attempts.Count > PruneAbove)
        {
            Prune(now);
        }

        var locked = Count(UserKey(name), options.SignInFailureLimit, now);
        if (address is not null)
        {
            locked |= Count(AddressKey(address), options.SignInFailureLimit * AddressFactor, now);
        }

        return locked;
    }

    /// <summary>Clears the user's failures after a successful sign-in (the address keeps its count).</summary>
    public void Succeeded(string name) => attempts.TryRemove(UserKey(name), out _);

    private bool Count(string key, int limit, DateTimeOffset now)
    {
        var updated = attempts.AddOrUpdate(
            key,
            _ => Next(new Attempts(0, now, null), limit, now),
            (_, current) => Next(current.Expired(now, options.SignInLockout) ? new Attempts(0, now, null) : current, limit, now));
        return updated.LockedUntil is not null && updated.Failures == limit;
    }

    private Attempts Next(Attempts current, int limit, DateTimeOffset now)
    {
        if (current.LockedUntil is not null)
        {
            return current;
        }

        var failures = current.Failures + 1;
        return new Attempts(failures, current.FirstAt, failures >= limit ? now + options.SignInLockout : null);
    }

    private TimeSpan? Remaining(string key, DateTimeOffset now) =>
        attempts.TryGetValue(key, out var entry) && entry.LockedUntil is { } until && until > now ? until - now : null;

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in attempts)
        {
            if (entry.Expired(now, options.SignInLockout))
            {
                attempts.TryRemove(key, out _);
            }
        }
    }

    private static string UserKey(string name) => "user:" + name;

    private static string AddressKey(string address) => "ip:" + address;

    /// <summary>Failures since <paramref name="FirstAt"/>, and the end of the lock once the limit was reached.</summary>
    private sealed record Attempts(int Failures, DateTimeOffset FirstAt, DateTimeOffset? LockedUntil)
    {
        public bool Expired(DateTimeOffset now, TimeSpan window) =>
            LockedUntil is { } until ? until <= now : now - FirstAt >= window;
    }
}
