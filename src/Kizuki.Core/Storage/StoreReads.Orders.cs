using System.Data.Common;
using Kizuki.Domain;

namespace Kizuki.Storage;

internal sealed partial class StoreReads
{
    /// <summary>Orders with their lines in one ordered join, grouped as the rows stream by.</summary>
    public IEnumerable<Order> Orders(string? customerId)
    {
        var where = customerId is null ? "" : " WHERE o.customer_id = @customer";
        var sql = $"""
            SELECT {StoreTables.Orders.ColumnList("o")}, l.product, l.category, l.quantity, l.unit_price
            FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id{where}
            ORDER BY o.customer_id, o.ordered_at, o.id, l.line_no
            """;
        using var connection = dialect.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (customerId is not null)
        {
            command.AddParameter("customer", customerId);
        }

        using var reader = command.ExecuteReader();
        Order? current = null;
        List<OrderLine>? lines = null;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (current is null || current.Id != id)
            {
                if (current is not null)
                {
                    yield return Complete(current, lines);
                }

                current = ReadOrder(reader);
                lines = null;
            }

            if (!reader.IsDBNull(7))
            {
                (lines ??= []).Add(new OrderLine(
                    reader.GetString(7),
                    reader.GetNullableString(8),
                    dialect.ReadDecimal(reader, 9),
                    dialect.ReadNullableDecimal(reader, 10)));
            }
        }

        if (current is not null)
        {
            yield return Complete(current, lines);
        }
    }

    private static Order Complete(Order order, List<OrderLine>? lines) =>
        lines is null ? order : order with { Lines = lines.AsReadOnly() };

    private Order ReadOrder(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        dialect.ReadTime(reader, 2),
        new Money(dialect.ReadDecimal(reader, 3), reader.GetString(4)),
        StoreValues.ParseEnum<OrderStatus>(reader.GetString(5)),
        reader.GetBoolean(6),
        Order.NoLines);
}
