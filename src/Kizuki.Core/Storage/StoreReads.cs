using System.Data.Common;
using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>The streaming, ordered reads both stores share: one SQL text per kind, read through a dialect.</summary>
/// <remarks>
/// Each enumeration opens its own connection and closes it when the enumeration ends or is disposed,
/// so a caller can walk millions of rows without holding them in memory, even while an import runs.
/// </remarks>
internal sealed partial class StoreReads(IStoreDialect dialect)
{
    public IEnumerable<Customer> Customers(string? customerId) =>
        Query(StoreTables.Customers, "id", customerId, "id", r => new Customer(
            r.GetString(0),
            r.GetNullableString(1),
            dialect.ReadTime(r, 2),
            new CustomerSegment(r.GetNullableString(3), r.GetNullableString(4), r.GetNullableString(5),
                r.GetNullableString(6), r.GetNullableString(7)),
            StoreValues.ParseAttributes(r.GetString(8))));

    public IEnumerable<Subscription> Subscriptions(string? customerId) =>
        Query(StoreTables.Subscriptions, "customer_id", customerId, "customer_id, started_at, id", r => new Subscription(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            dialect.ReadTime(r, 3),
            dialect.ReadNullableTime(r, 4),
            dialect.ReadNullableTime(r, 5),
            new Money(dialect.ReadDecimal(r, 6), r.GetString(7)),
            r.GetInt32(8),
            r.GetInt32(9),
            r.GetNullableString(10),
            r.GetNullableString(11)));

    public IEnumerable<Activity> Activities(string? customerId) =>
        Query(StoreTables.Activities, "customer_id", customerId, "customer_id, occurred_at, id", r => new Activity(
            r.GetString(0),
            r.GetString(1),
            dialect.ReadTime(r, 2),
            r.GetString(3),
            r.GetNullableString(4),
            r.IsDBNull(5) ? null : r.GetDouble(5)));

    public IEnumerable<Ticket> Tickets(string? customerId) =>
        Query(StoreTables.Tickets, "customer_id", customerId, "customer_id, opened_at, id", r => new Ticket(
            r.GetString(0),
            r.GetString(1),
            dialect.ReadTime(r, 2),
            dialect.ReadNullableTime(r, 3),
            StoreValues.ParseEnum<TicketChannel>(r.GetString(4)),
            r.GetString(5),
            r.GetString(6),
            StoreValues.ParseEnum<TicketStatus>(r.GetString(7)),
            r.IsDBNull(8) ? null : r.GetInt32(8)));

    public IEnumerable<SurveyResponse> Surveys(string? customerId) =>
        Query(StoreTables.Surveys, "customer_id", customerId, "customer_id, responded_at, id", r => new SurveyResponse(
            r.GetString(0),
            r.GetString(1),
            dialect.ReadTime(r, 2),
            StoreValues.ParseEnum<SurveyKind>(r.GetString(3)),
            r.GetInt32(4),
            r.GetNullableString(5)));

    public IEnumerable<Touch> Touches(string? customerId) =>
        Query(StoreTables.Touches, "customer_id", customerId, "customer_id, touched_at, id", r => new Touch(
            r.GetString(0),
            r.GetString(1),
            dialect.ReadTime(r, 2),
            r.GetString(3),
            r.GetString(4),
            r.GetBoolean(5)));

    public IEnumerable<ChurnEvent> ChurnEvents(string? customerId) =>
        Query(StoreTables.ChurnEvents, "customer_id", customerId, "customer_id, occurred_at, id", r => new ChurnEvent(
            r.GetString(0),
            r.GetString(1),
            dialect.ReadTime(r, 2),
            r.GetNullableString(3),
            r.GetNullableString(4)));

    private IEnumerable<T> Query<T>(StoreTable table, string filterColumn, string? customerId, string orderBy,
        Func<DbDataReader, T> read)
    {
        var where = customerId is null ? "" : $" WHERE {filterColumn} = @customer";
        var sql = $"SELECT {table.ColumnList()} FROM {table.Name}{where} ORDER BY {orderBy}";
        using var connection = dialect.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (customerId is not null)
        {
            command.AddParameter("customer", customerId);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return read(reader);
        }
    }
}
