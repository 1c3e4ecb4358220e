using System.Text.Json;
using Kizuki.Domain;
using Kizuki.Ingest;

namespace Kizuki.LiveScoring;

/// <summary>One problem of one submitted event: its position, the field at fault (when one is), and the message in both languages.</summary>
/// <param name="Index">The event's position in the submission (from 0), or its line number minus one in a stream.</param>
/// <param name="Field">The field at fault, e.g. <c>occurred_at</c>; null when the event as a whole is wrong.</param>
/// <param name="MessageJa">What is wrong, in Japanese.</param>
/// <param name="MessageEn">What is wrong, in English.</param>
public sealed record EventProblem(int Index, string? Field, string MessageJa, string MessageEn)
{
    /// <summary>The message in both languages, "日本語。 / English."</summary>
    public override string ToString() => $"{MessageJa} / {MessageEn}";
}

/// <summary>What reading one submitted event gave: a domain record, or the problems found (every one of them).</summary>
/// <param name="Index">The event's position in the submission.</param>
/// <param name="Record">The record, when the event is valid.</param>
/// <param name="Problems">Why it is not, otherwise.</param>
internal sealed record EventRead(int Index, object? Record, IReadOnlyList<EventProblem> Problems);

/// <summary>
/// Reads live events: JSON objects with the same fields as the JSON lines import of their entity, plus <c>kind</c>
/// (<c>customer</c>, <c>order</c>, <c>subscription</c>, <c>activity</c>, <c>ticket</c>, <c>survey</c>, <c>touch</c>,
/// <c>churn_event</c>; plural entity names are accepted too).
/// </summary>
/// <remarks>
/// Fields are bound and validated by the import's own column binding, row reader and record mappers, so an event and an
/// imported row mean the same thing. An order is one object (its lines, if any, in a <c>lines</c> array).
/// </remarks>
internal static class LiveEventReader
{
    private const string Source = "events";

    private static readonly Dictionary<string, EntityKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["customer"] = EntityKind.Customers, ["customers"] = EntityKind.Customers,
        ["order"] = EntityKind.Orders, ["orders"] = EntityKind.Orders,
        ["subscription"] = EntityKind.Subscriptions, ["subscriptions"] = EntityKind.Subscriptions,
        ["activity"] = EntityKind.Activities, ["activities"] = EntityKind.Activities,
        ["ticket"] = EntityKind.Tickets, ["tickets"] = EntityKind.Tickets,
        ["survey"] = EntityKind.Surveys, ["surveys"] = EntityKind.Surveys,
        ["touch"] = EntityKind.Touches, ["touches"] = EntityKind.Touches,
        ["churn_event"] = EntityKind.ChurnEvents, ["churn_events"] = EntityKind.ChurnEvents,
    };

    /// <summary>The accepted values of <c>kind</c>, singular.</summary>
    public const string KindList = "customer, order, subscription, activity, ticket, survey, touch, churn_event";

    /// <summary>Reads one event; times without an offset are in <paramref name="zone"/>, amounts without a currency in <paramref name="currency"/>.</summary>
    public static EventRead Read(JsonElement element, int index, TimeZoneInfo zone, string currency)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Bad(index, null, $"イベントは JSON オブジェクトでなければなりません（{element.ValueKind}）", $"an event must be a JSON object, not {element.ValueKind}");
        }

        if (!element.TryGetProperty("kind", out var kindValue) || kindValue.ValueKind != JsonValueKind.String
            || !Kinds.TryGetValue(kindValue.GetString()!, out var kind))
        {
            var given = element.TryGetProperty("kind", out var k) ? k.GetRawText() : "なし / none";
            return Bad(index, "kind", $"kind は {KindList} のいずれかです（指定: {given}）", $"kind must be one of {KindList} (given: {given})");
        }

        var columns = new List<string>();
        var values = new List<string?>();
        string? lines = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals("kind"))
            {
                continue;
            }

            if (kind == EntityKind.Orders && property.NameEquals("lines"))
            {
                lines = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetRawText();
                continue;
            }

            columns.Add(property.Name);
            values.Add(JsonLinesRecordReader.ScalarText(property.Value));
        }

        var schema = SchemaOf(kind);
        var errors = new List<ImportError>();
        var binding = ColumnBinding.Create(schema, columns, [], Source, errors);
        if (errors.Count > 0)
        {
            return new EventRead(index, null, [.. errors.Select(e => Problem(index, e))]);
        }

        var row = new RowReader(binding, columns, Source, zone, currency);
        row.Start(new RawRecord(index + 1, [.. values], null));
        var record = Map(kind, row, lines);
        return record is not null && row.Errors.Count == 0
            ? new EventRead(index, record, [])
            : new EventRead(index, null, [.. row.Errors.Select(e => Problem(index, e))]);
    }

    private static object? Map(EntityKind kind, RowReader row, string? lines) => kind switch
    {
        EntityKind.Customers => RecordMappers.Customer(row),
        EntityKind.Orders => Order(row, lines),
        EntityKind.Subscriptions => RecordMappers.Subscription(row),
        EntityKind.Activities => RecordMappers.Activity(row),
        EntityKind.Tickets => RecordMappers.Ticket(row),
        EntityKind.Surveys => RecordMappers.Survey(row),
        EntityKind.Touches => RecordMappers.Touch(row),
        _ => RecordMappers.ChurnEvent(row),
    };

    private static Order? Order(RowReader row, string? linesJson)
    {
        var id = row.Id(OrderFields.Id);
        var customer = row.Id(OrderFields.CustomerId);
        var orderedAt = row.Date(OrderFields.OrderedAt, required: true);
        var amount = row.Amount(OrderFields.Amount, OrderFields.Currency, required: true);
        var status = row.Choice(OrderFields.Status, Vocabularies.OrderStatus, required: false) ?? OrderStatus.Completed;
        var recurring = row.Boolean(OrderFields.IsRecurring, fallback: false);
        var lines = new List<OrderLine>();
        if (linesJson is not null && !OrderLineReader.FromJson(linesJson, lines))
        {
            row.Errors.Add(new ImportError(ImportErrorCodes.BadLines, Source, row.Line, null, "lines", null, OrderLineReader.JsonExample));
        }

        return row.Errors.Count > 0
            ? null
            : new Order(id!, customer!, orderedAt!.Value, amount!.Value, status, recurring, lines.Count == 0 ? Domain.Order.NoLines : lines);
    }

    private static EntitySchema SchemaOf(EntityKind kind) => kind switch
    {
        EntityKind.Customers => CustomerFields.Schema,
        EntityKind.Orders => OrderFields.Schema,
        EntityKind.Subscriptions => SubscriptionFields.Schema,
        EntityKind.Activities => ActivityFields.Schema,
        EntityKind.Tickets => TicketFields.Schema,
        EntityKind.Surveys => SurveyFields.Schema,
        EntityKind.Touches => TouchFields.Schema,
        _ => ChurnEventFields.Schema,
    };

    private static EventProblem Problem(int index, ImportError error) =>
        new(index, error.ColumnName, error.Message("ja"), error.Message("en"));

    private static EventRead Bad(int index, string? field, string ja, string en) => new(index, null, [new EventProblem(index, field, ja, en)]);
}
