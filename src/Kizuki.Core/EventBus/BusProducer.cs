using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace Kizuki.EventBus;

/// <summary>An event that could not be published, and why.</summary>
/// <param name="Index">Its position in the batch (from 0).</param>
/// <param name="Message">What was expected, in Japanese and English.</param>
public sealed record BusPublishError(int Index, string Message);

/// <summary>How a batch went: how many events were appended, and every one refused.</summary>
/// <param name="Published">Events appended to their partition streams.</param>
/// <param name="Errors">Events refused (not valid JSON objects or without a customer id); the others were published.</param>
public sealed record BusPublishResult(int Published, IReadOnlyList<BusPublishError> Errors);

/// <summary>
/// Appends events (JSON objects, the shapes <c>kizuki ingest --stream</c> takes) to the partition stream of their
/// customer with XADD, trimming each stream to about <see cref="BusOptions.MaxLength"/> entries.
/// </summary>
/// <remarks>
/// The whole batch is pipelined on one connection, so events of one customer reach its stream in batch order.
/// The customer is read from <c>customer_id</c> (or <c>customer</c>; for a customer record without either, <c>id</c>).
/// </remarks>
internal sealed class BusProducer
{
    /// <summary>Stream entry field holding the customer id.</summary>
    public const string CustomerField = "customer";

    /// <summary>Stream entry field holding the event's JSON.</summary>
    public const string EventField = "event";

    private readonly IDatabase _redis;
    private readonly BusOptions _options;

    /// <summary>A producer writing through <paramref name="redis"/>.</summary>
    public BusProducer(IDatabase redis, BusOptions options)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
    }

    /// <summary>Publishes <paramref name="events"/>; returns after Redis has appended every valid one.</summary>
    public async Task<BusPublishResult> PublishAsync(IReadOnlyList<string> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var errors = new List<BusPublishError>();
        var writes = new List<Task<RedisValue>>(events.Count);
        int? maxLength = _options.MaxLength > 0 ? (int)Math.Min(_options.MaxLength, int.MaxValue) : null;
        for (var i = 0; i < events.Count; i++)
        {
            if (!TryCustomerOf(events[i], out var customer, out var problem))
            {
                errors.Add(new BusPublishError(i, problem));
                continue;
            }

            var partition = BusPartitioner.PartitionOf(customer, _options.Partitions);
            writes.Add(_redis.StreamAddAsync(_options.StreamKey(partition),
                [new NameValueEntry(CustomerField, customer), new NameValueEntry(EventField, events[i])],
                maxLength: maxLength, useApproximateMaxLength: true));
        }

        await Task.WhenAll(writes).ConfigureAwait(false);
        return new BusPublishResult(writes.Count, errors);
    }

    /// <summary>Reads the partition key of one event; false with a bilingual reason when there is none.</summary>
    public static bool TryCustomerOf(string json, out string customer, out string problem)
    {
        customer = "";
        problem = "";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"JSON として読めません（{e.LineNumber + 1} 行 {e.BytePositionInLine + 1} 桁目）。 / Not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "イベントは JSON オブジェクトにしてください。 / An event must be a JSON object.";
                return false;
            }

            var isCustomer = Text(root, "kind") is { } kind && kind.StartsWith("customer", StringComparison.OrdinalIgnoreCase)
                || Text(root, "entity") is { } entity && entity.StartsWith("customer", StringComparison.OrdinalIgnoreCase);
            var found = Text(root, "customer_id") ?? Text(root, "customer") ?? (isCustomer ? Text(root, "id") : null);
            if (string.IsNullOrWhiteSpace(found))
            {
                problem = "customer_id がありません（顧客ごとに振り分けるため必須）。 / customer_id is missing (required to route the event by customer).";
                return false;
            }

            customer = found.Trim();
            return true;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
