using System.Globalization;
using Kizuki.EventBus;
using StackExchange.Redis;
using Xunit;

namespace Kizuki.Tests.EventBus;

public sealed class BusConsumerTests
{
    private static readonly BusOptions Options = new()
    {
        StreamPrefix = "test:events",
        Partitions = 4,
        LeaseTtl = TimeSpan.FromSeconds(3),
        BatchSize = 100,
        IdleDelay = TimeSpan.FromMilliseconds(10),
    };

    [Fact]
    public async Task RunAsync_ConsumerKilledMidStream_EveryEventAppliedOnceInOrder()
    {
        using var server = RedisServer.Start();
        using var connectionA = server.Connect();
        using var connectionB = server.Connect();
        var sink = new CountingSink();
        using var killA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var crashing = new CrashingSink(sink, crashAfter: 1000, killA);
        var a = new BusConsumer(connectionA.GetDatabase(), Options, "scorer-a", crashing);
        var b = new BusConsumer(connectionB.GetDatabase(), Options, "scorer-b", sink);
        var runA = a.RunAsync(killA.Token);
        await WaitFor(() => a.OwnedPartitions.Count == 4, "consumer a to hold every partition");
        var runB = b.RunAsync(stopB.Token);
        await WaitFor(() => a.OwnedPartitions.Count == 2 && b.OwnedPartitions.Count == 2, "the partitions to be shared two and two");

        var events = Events(5000, 200);
        var published = await new BusProducer(connectionA.GetDatabase(), Options).PublishAsync(events);
        Assert.Equal(5000, published.Published);
        Assert.Empty(published.Errors);

        await runA.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(crashing.Abandoned.Count > 0, "consumer a should have died holding a processed, unacknowledged batch");
        var db = connectionB.GetDatabase();
        await WaitFor(() => sink.Applied == 5000 && Pending(db) == 0, "every event applied and acknowledged after the takeover", 60);
        await stopB.CancelAsync();
        await runB;

        var produced = events.GroupBy(Customer).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(200, produced.Count);
        Assert.Equal(produced.OrderBy(p => p.Key), sink.Counts.OrderBy(p => p.Key));
        // The abandoned batch came again and was recognised by id, not applied twice; the dedup never swallowed a first occurrence.
        Assert.Equal(crashing.Abandoned.Order(StringComparer.Ordinal), sink.DuplicateIds.Order(StringComparer.Ordinal));
        Assert.Equal(b.Stats.Duplicates + a.Stats.Duplicates, sink.DuplicateIds.Count);
        Assert.Equal(5000, a.Stats.Processed + b.Stats.Processed + crashing.Abandoned.Count);
        Assert.True(a.Stats.Processed > 0 && b.Stats.Processed > 0, "both consumers should have done part of the stream");
        Assert.True(b.Stats.Claimed >= crashing.Abandoned.Count, $"b claimed {b.Stats.Claimed} pending entries; a abandoned {crashing.Abandoned.Count}");
        Assert.All(sink.Sequences, p => Assert.True(IsIncreasing(p.Value), $"customer {p.Key} was applied out of order: {string.Join(",", p.Value)}"));
    }

    [Fact]
    public async Task RunAsync_SinkFails_BatchStaysPendingAndIsRetried()
    {
        using var server = RedisServer.Start();
        using var connection = server.Connect();
        var db = connection.GetDatabase();
        var sink = new FailingOnceSink(new CountingSink());
        using var stop = new CancellationTokenSource();
        var consumer = new BusConsumer(db, Options, "scorer", sink);
        var run = consumer.RunAsync(stop.Token);
        await new BusProducer(db, Options).PublishAsync(Events(300, 10));

        await WaitFor(() => sink.Inner.Applied == 300 && Pending(db) == 0, "the failed batch to be retried and acknowledged");
        await stop.CancelAsync();
        await run;

        Assert.IsType<IOException>(consumer.LastSinkFailure);
        Assert.Empty(sink.Inner.DuplicateIds);
        Assert.Equal(300, consumer.Stats.Processed);
    }

    [Fact]
    public async Task RunAsync_EntryWithoutEvent_IsRejectedObservedAndAcknowledged()
    {
        using var server = RedisServer.Start();
        using var connection = server.Connect();
        var db = connection.GetDatabase();
        var options = Options with { Partitions = 1 };
        await db.StreamAddAsync(options.StreamKey(0), "other", "value");
        await new BusProducer(db, options).PublishAsync(Events(5, 1));
        var observed = new List<SinkOutcome>();
        var sink = new CountingSink();
        using var stop = new CancellationTokenSource();
        var consumer = new BusConsumer(db, options, "scorer", sink, (_, outcome) => { lock (observed) { observed.Add(outcome); } });
        var run = consumer.RunAsync(stop.Token);

        await WaitFor(() => sink.Applied == 5 && consumer.Stats.Rejected == 1 && Pending(db, options) == 0, "the stray entry to be rejected");
        await stop.CancelAsync();
        await run;

        var rejected = Assert.Single(observed);
        Assert.Equal(SinkStatus.Rejected, rejected.Status);
        Assert.Contains("holds no event", rejected.Errors[0], StringComparison.Ordinal);
    }

    internal static List<string> Events(int count, int customers) =>
        [.. Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"kind":"activity","id":"ev-{{i}}","customer_id":"C{{i % customers:D4}}","occurred_at":"2026-01-01T00:00:00Z","type":"login","seq":{{i}}}"""))];

    internal static long Pending(IDatabase db, BusOptions? options = null)
    {
        options ??= Options;
        long pending = 0;
        for (var p = 0; p < options.Partitions; p++)
        {
            pending += db.StreamPending(options.StreamKey(p), options.Group).PendingMessageCount;
            pending += db.StreamGroupInfo(options.StreamKey(p)).Single().Lag ?? 0;
        }

        return pending;
    }

    internal static async Task WaitFor(Func<bool> condition, string what, int seconds = 30)
    {
        for (var waited = 0; waited < seconds * 50; waited++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Gave up after {seconds} s waiting for {what}.");
    }

    private static string Customer(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("customer_id").GetString()!;

    private static bool IsIncreasing(List<int> values) => values.Zip(values.Skip(1)).All(p => p.First < p.Second);

    private sealed class FailingOnceSink(CountingSink inner) : IEventSink
    {
        private int _calls;

        public CountingSink Inner => inner;

        public Task<IReadOnlyList<SinkOutcome>> ProcessAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 2
                ? throw new IOException("disk full")
                : inner.ProcessAsync(events, cancellationToken);
    }
}
