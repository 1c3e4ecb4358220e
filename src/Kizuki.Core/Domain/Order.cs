namespace Kizuki.Domain;

/// <summary>A purchase.</summary>
/// <param name="Id">Source id of the order; unique.</param>
/// <param name="CustomerId">The buyer.</param>
/// <param name="OrderedAt">When the order was placed (UTC).</param>
/// <param name="Amount">Total amount of the order.</param>
/// <param name="Status">Completed, cancelled or returned.</param>
/// <param name="IsRecurring">Whether the order came from a recurring subscription (定期購入).</param>
/// <param name="Lines">Optional order lines; empty when the source has only totals.</param>
public sealed record Order(
    string Id,
    string CustomerId,
    DateTimeOffset OrderedAt,
    Money Amount,
    OrderStatus Status,
    bool IsRecurring,
    IReadOnlyList<OrderLine> Lines)
{
    /// <summary>No lines.</summary>
    public static readonly IReadOnlyList<OrderLine> NoLines = [];
}

/// <summary>One line of an order.</summary>
/// <param name="Product">Product code or name.</param>
/// <param name="Category">Product category, if known.</param>
/// <param name="Quantity">Quantity ordered.</param>
/// <param name="UnitPrice">Price per unit in the order's currency, if known.</param>
public sealed record OrderLine(string Product, string? Category, decimal Quantity, decimal? UnitPrice);

/// <summary>What became of an order.</summary>
public enum OrderStatus
{
    /// <summary>Delivered and paid.</summary>
    Completed,
    /// <summary>Cancelled before delivery.</summary>
    Cancelled,
    /// <summary>Returned after delivery.</summary>
    Returned,
}
