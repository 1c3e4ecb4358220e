using System.Text.Json;
using Kizuki.Domain;

namespace Kizuki.Ingest;

/// <summary>Reads order lines: from product/category/quantity/unit-price columns, or from a JSON <c>lines</c> array.</summary>
internal static class OrderLineReader
{
    /// <summary>An example of the JSON form, shown when a <c>lines</c> value cannot be read.</summary>
    public const string JsonExample = "[{\"product\": \"A-100\", \"quantity\": 2, \"unit_price\": 1500}]";

    /// <summary>
    /// The line a row describes, or null when its product is blank. Quantity defaults to 1 and must be ≥ 0;
    /// a quantity or unit price without a product is an error.
    /// </summary>
    public static OrderLine? FromColumns(RowReader row, int product, int category, int quantity, int unitPrice, bool productRequired = false)
    {
        var name = productRequired ? row.Required(product) : row.Text(product);
        var count = row.Number(quantity, 0m, required: false, "1, 2.5");
        var price = row.Number(unitPrice, decimal.MinValue, required: false, "1,500 / ¥1,500");
        if (name is null)
        {
            if (!productRequired && (count is not null || price is not null) && row.Binding.IsBound(product))
            {
                row.Required(product);
            }

            return null;
        }

        return new OrderLine(name, row.Text(category), count ?? 1m, price);
    }

    /// <summary>Adds the lines of a JSON array to <paramref name="lines"/>; false when it is not an array of line objects.</summary>
    public static bool FromJson(string json, List<OrderLine> lines)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object || FromJsonObject(element) is not { } line)
                {
                    return false;
                }

                lines.Add(line);
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static OrderLine? FromJsonObject(JsonElement element)
    {
        string? product = null, category = null, quantity = null, price = null;
        foreach (var property in element.EnumerateObject())
        {
            var value = JsonLinesRecordReader.ScalarText(property.Value)?.Trim();
            switch (FieldOf(property.Name))
            {
                case OrderFields.Product: product = value; break;
                case OrderFields.Category: category = value; break;
                case OrderFields.Quantity: quantity = value; break;
                case OrderFields.UnitPrice: price = value; break;
            }
        }

        if (string.IsNullOrEmpty(product))
        {
            return null;
        }

        decimal count = 1m;
        if (!string.IsNullOrEmpty(quantity) && (!NumberParser.TryParse(quantity, out count, out _) || count < 0))
        {
            return null;
        }

        decimal? unitPrice = null;
        if (!string.IsNullOrEmpty(price))
        {
            if (!NumberParser.TryParse(price, out var parsed, out _))
            {
                return null;
            }

            unitPrice = parsed;
        }

        return new OrderLine(product, string.IsNullOrEmpty(category) ? null : category, count, unitPrice);
    }

    private static int FieldOf(string key)
    {
        var wanted = TextNormalizer.HeaderKey(key);
        for (var field = OrderFields.Product; field <= OrderFields.UnitPrice; field++)
        {
            if (OrderFields.Schema.Fields[field].Headers.Any(h => TextNormalizer.HeaderKey(h) == wanted))
            {
                return field;
            }
        }

        return -1;
    }
}

/// <summary>Imports order lines exported separately from their orders (entity <c>order-lines</c>).</summary>
/// <remarks>A line without a line number is numbered by its position among the file's lines of the same order.</remarks>
internal sealed class OrderLineImporter
{
    private readonly Dictionary<string, int> _linesSoFar = new(StringComparer.Ordinal);

    /// <summary>Reads one row into an order id, line number and line; null when the row has problems.</summary>
    public (string OrderId, int LineNumber, OrderLine Line)? Read(RowReader row)
    {
        var orderId = row.Id(OrderLineFields.OrderId);
        var number = row.Integer(OrderLineFields.LineNumber, 1, int.MaxValue, required: false);
        var line = OrderLineReader.FromColumns(row, OrderLineFields.Product, OrderLineFields.Category,
            OrderLineFields.Quantity, OrderLineFields.UnitPrice, productRequired: true);
        if (row.Errors.Count > 0 || orderId is null || line is null)
        {
            return null;
        }

        var position = _linesSoFar.GetValueOrDefault(orderId) + 1;
        _linesSoFar[orderId] = position;
        return (orderId, number ?? position, line);
    }
}
