using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>One table of the schema, as both engines share it: names, key and the columns the summary needs.</summary>
/// <param name="Kind">The entity kind stored in the table.</param>
/// <param name="Name">Table name.</param>
/// <param name="Columns">Columns in the order the import sessions write them.</param>
/// <param name="Key">Key columns, comma-separated.</param>
/// <param name="IsUpserted">Whether a changed record replaces the stored one (otherwise append-only).</param>
/// <param name="TimeColumn">The record's instant, or null for kinds without one.</param>
/// <param name="HasCustomer">Whether the table has a <c>customer_id</c> column.</param>
internal sealed record StoreTable(
    EntityKind Kind,
    string Name,
    IReadOnlyList<string> Columns,
    string Key,
    bool IsUpserted,
    string? TimeColumn,
    bool HasCustomer)
{
    /// <summary>The columns joined with commas, optionally prefixed by a table alias.</summary>
    public string ColumnList(string? alias = null) =>
        string.Join(", ", alias is null ? Columns : Columns.Select(c => $"{alias}.{c}"));

    /// <summary>The columns that an upsert may change (all but the key).</summary>
    public IEnumerable<string> ValueColumns => Columns.Where(c => !Key.Split(", ").Contains(c));
}

/// <summary>The tables of schema version 1, in <see cref="EntityKind"/> order.</summary>
internal static class StoreTables
{
    public static readonly StoreTable Customers = new(EntityKind.Customers, "customers",
        ["id", "name", "signup_at", "industry", "region", "plan", "acquisition_channel", "company_size", "attributes"],
        "id", IsUpserted: true, "signup_at", HasCustomer: false);

    public static readonly StoreTable Orders = new(EntityKind.Orders, "orders",
        ["id", "customer_id", "ordered_at", "amount", "currency", "status", "is_recurring"],
        "id", IsUpserted: false, "ordered_at", HasCustomer: true);

    public static readonly StoreTable OrderLines = new(EntityKind.OrderLines, "order_lines",
        ["order_id", "line_no", "product", "category", "quantity", "unit_price"],
        "order_id, line_no", IsUpserted: false, TimeColumn: null, HasCustomer: false);

    public static readonly StoreTable Subscriptions = new(EntityKind.Subscriptions, "subscriptions",
        ["id", "customer_id", "plan", "started_at", "renews_at", "ended_at", "amount", "currency",
            "billing_cycle_months", "seats", "cancellation_reason", "competitor"],
        "id", IsUpserted: true, "started_at", HasCustomer: true);

    public static readonly StoreTable Activities = new(EntityKind.Activities, "activities",
        ["id", "customer_id", "occurred_at", "type", "name", "quantity"],
        "id", IsUpserted: false, "occurred_at", HasCustomer: true);

    public static readonly StoreTable Tickets = new(EntityKind.Tickets, "tickets",
        ["id", "customer_id", "opened_at", "closed_at", "channel", "subject", "body", "status", "satisfaction"],
        "id", IsUpserted: true, "opened_at", HasCustomer: true);

    public static readonly StoreTable Surveys = new(EntityKind.Surveys, "surveys",
        ["id", "customer_id", "responded_at", "kind", "score", "comment"],
        "id", IsUpserted: false, "responded_at", HasCustomer: true);

    public static readonly StoreTable Touches = new(EntityKind.Touches, "touches",
        ["id", "customer_id", "touched_at", "campaign", "channel", "is_control"],
        "id", IsUpserted: false, "touched_at", HasCustomer: true);

    public static readonly StoreTable ChurnEvents = new(EntityKind.ChurnEvents, "churn_events",
        ["id", "customer_id", "occurred_at", "reason", "competitor"],
        "id", IsUpserted: false, "occurred_at", HasCustomer: true);

    /// <summary>Every table, in <see cref="EntityKind"/> order.</summary>
    public static readonly IReadOnlyList<StoreTable> All =
        [Customers, Orders, OrderLines, Subscriptions, Activities, Tickets, Surveys, Touches, ChurnEvents];

    /// <summary>The tables of records that belong to a customer and carry an instant.</summary>
    public static IEnumerable<StoreTable> Events => All.Where(t => t.HasCustomer && t.TimeColumn is not null);
}
