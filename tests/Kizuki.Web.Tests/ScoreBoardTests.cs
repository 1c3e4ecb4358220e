using Kizuki.Storage;
using Kizuki.Web.Dashboard;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kizuki.Web.Tests;

public sealed class ScoreBoardTests
{
    [Fact]
    public async Task Current_OlderThanLifetime_ServesOldSnapshotWhileBackgroundPassBuildsNext()
    {
        using var samples = new WebSamples();
        using var store = StoreFactory.Open(samples.Directory);
        var time = new MovingTime(WebSamples.Now);
        var board = new ScoreBoard(store, time, new KizukiWebOptions { SnapshotLifetime = TimeSpan.FromSeconds(30) }, NullLogger<ScoreBoard>.Instance);
        var first = board.Current();
        var later = WebSamples.Now.AddDays(1);
        store.SaveScores([new StoredScore("c3", later, 1, 0.9, RiskBand.High, 100m, new Dictionary<string, object?>(), later)]);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Same(first, board.Current());
        time.Advance(TimeSpan.FromSeconds(20));
        var served = board.Current();
        await board.Refreshing;

        Assert.Same(first, served);
        var next = board.Current();
        Assert.Equal(later, next.AsOf);
        Assert.Equal(["c3"], next.Ranked.Select(r => r.Id));
    }

    [Fact]
    public void Invalidate_NextReadSeesStoreAsItIs()
    {
        using var samples = new WebSamples();
        using var store = StoreFactory.Open(samples.Directory);
        var board = new ScoreBoard(store, new FixedTime(WebSamples.Now), new KizukiWebOptions(), NullLogger<ScoreBoard>.Instance);
        Assert.Equal(WebSamples.Now, board.Current().AsOf);
        var later = WebSamples.Now.AddDays(1);
        store.SaveScores([new StoredScore("c1", later, 1, 0.1, RiskBand.Low, 10m, new Dictionary<string, object?>(), later)]);

        board.Invalidate();

        Assert.Equal(later, board.Current().AsOf);
    }

    private sealed class MovingTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
