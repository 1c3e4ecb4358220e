using System.Net;
using System.Net.Http.Json;
using Kizuki.Web.Security;

namespace Kizuki.Web.Tests;

public sealed class SignInThrottleTests
{
    private static readonly KizukiWebOptions Options = new() { SignInFailureLimit = 3, SignInLockout = TimeSpan.FromMinutes(10) };

    private readonly MovingTime time = new(WebSamples.Now);

    [Fact]
    public void Failed_BelowLimit_NotLocked()
    {
        var throttle = new SignInThrottle(time, Options);

        Assert.False(throttle.Failed("hanako", "10.0.0.1"));
        Assert.False(throttle.Failed("hanako", "10.0.0.1"));

        Assert.Null(throttle.LockedFor("hanako", "10.0.0.1"));
    }

    [Fact]
    public void Failed_AtLimit_LocksNameFromAnyAddressUntilLockoutEnds()
    {
        var throttle = new SignInThrottle(time, Options);
        throttle.Failed("hanako", "10.0.0.1");
        throttle.Failed("hanako", "10.0.0.2");

        Assert.True(throttle.Failed("hanako", "10.0.0.3"));
        time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(TimeSpan.FromMinutes(6), throttle.LockedFor("hanako", "192.168.1.9"));
        Assert.Null(throttle.LockedFor("taro", "192.168.1.9"));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(throttle.LockedFor("hanako", "10.0.0.1"));
    }

    [Fact]
    public void Failed_ManyNamesFromOneAddress_LocksAddressAtFourTimesTheLimit()
    {
        var throttle = new SignInThrottle(time, Options);
        for (var i = 0; i < (Options.SignInFailureLimit * SignInThrottle.AddressFactor) - 1; i++)
        {
            throttle.Failed("user" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "10.0.0.1");
        }

        Assert.Null(throttle.LockedFor("someone", "10.0.0.1"));
        Assert.True(throttle.Failed("last", "10.0.0.1"));

        Assert.NotNull(throttle.LockedFor("someone", "10.0.0.1"));
        Assert.Null(throttle.LockedFor("someone", "10.0.0.2"));
    }

    [Fact]
    public void Failed_SpreadBeyondWindow_CountStartsAgain()
    {
        var throttle = new SignInThrottle(time, Options);
        throttle.Failed("hanako", null);
        throttle.Failed("hanako", null);
        time.Advance(TimeSpan.FromMinutes(11));

        Assert.False(throttle.Failed("hanako", null));
        Assert.Null(throttle.LockedFor("hanako", null));
    }

    [Fact]
    public void Succeeded_ClearsTheUsersFailures()
    {
        var throttle = new SignInThrottle(time, Options);
        throttle.Failed("hanako", null);
        throttle.Failed("hanako", null);

        throttle.Succeeded("hanako");

        Assert.False(throttle.Failed("hanako", null));
        Assert.False(throttle.Failed("hanako", null));
    }

    [Fact]
    public void Validated_LimitBelowOne_ThrowsNamingSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KizukiWebOptions { SignInFailureLimit = 0 }.Validated());

        Assert.Contains("Kizuki:SignInFailureLimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_RightPasswordIs429WithRetryAfterAndAudited()
    {
        using var factory = new KizukiWebFactory();
        var client = factory.Anonymous();
        for (var i = 0; i < new KizukiWebOptions().SignInFailureLimit; i++)
        {
            var failed = await client.PostAsJsonAsync("/auth/sign-in", new { name = "staff", password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var response = await client.PostAsJsonAsync("/auth/sign-in", new { name = "staff", password = WebSamples.StaffPassword });
        var other = await client.PostAsJsonAsync("/auth/sign-in", new { name = "admin", password = WebSamples.AdminPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var audit = await factory.WithKey(factory.Samples.ManagerKey).GetStringAsync("/api/audit");
        Assert.Contains("user.signin.locked", audit, StringComparison.Ordinal);
        Assert.Contains("user.signin.refused", audit, StringComparison.Ordinal);
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class MovingTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
