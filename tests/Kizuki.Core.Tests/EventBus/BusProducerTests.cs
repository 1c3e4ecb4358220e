using Kizuki.EventBus;
using Xunit;

namespace Kizuki.Tests.EventBus;

public sealed class BusProducerTests
{
    [Fact]
    public async Task PublishAsync_Events_GoToTheirCustomersPartitionWithTheJsonUnchanged()
    {
        using var server = RedisServer.Start();
        using var connection = server.Connect();
        var db = connection.GetDatabase();
        var options = new BusOptions { StreamPrefix = "p", Partitions = 3 };
        var events = BusConsumerTests.Events(60, 6);

        var result = await new BusProducer(db, options).PublishAsync(events);

        Assert.Equal(60, result.Published);
        var read = Enumerable.Range(0, 3).SelectMany(p => db.StreamRange(options.StreamKey(p)).Select(e => (Partition: p, Entry: e))).ToList();
        Assert.Equal(60, read.Count);
        Assert.All(read, r => Assert.Equal(BusPartitioner.PartitionOf(r.Entry[BusProducer.CustomerField].ToString(), 3), r.Partition));
        Assert.Equal(events.Order(StringComparer.Ordinal), read.Select(r => r.Entry[BusProducer.EventField].ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_InvalidEvents_AreReportedByIndexAndTheOthersPublished()
    {
        using var server = RedisServer.Start();
        using var connection = server.Connect();
        var producer = new BusProducer(connection.GetDatabase(), new BusOptions { Partitions = 2 });

        var result = await producer.PublishAsync(["""{"kind":"activity","id":"a1","customer_id":"C1"}""", "{not json", "[1,2]",
            """{"kind":"activity","id":"a2"}""", """{"kind":"customer","id":"C9","signup_at":"2026-01-01"}"""]);

        Assert.Equal(2, result.Published);
        Assert.Equal([1, 2, 3], result.Errors.Select(e => e.Index));
        Assert.Contains("Not valid JSON", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("must be a JSON object", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("customer_id is missing", result.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_MaxLength_TrimsTheStreamApproximately()
    {
        using var server = RedisServer.Start();
        using var connection = server.Connect();
        var db = connection.GetDatabase();
        var options = new BusOptions { StreamPrefix = "t", Partitions = 1, MaxLength = 100 };

        await new BusProducer(db, options).PublishAsync(BusConsumerTests.Events(2000, 5));

        var length = db.StreamLength(options.StreamKey(0));
        Assert.InRange(length, 100, 300);
    }
}
