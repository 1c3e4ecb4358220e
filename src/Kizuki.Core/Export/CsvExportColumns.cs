namespace Kizuki.Export;

/// <summary>The header of each exported file: the field names of the import format.</summary>
internal static class CsvExportColumns
{
    public static readonly string[] Customers =
        ["customer_id", "name", "signup_at", "industry", "region", "plan", "acquisition_channel", "company_size"];

    public static readonly string[] Orders =
        ["order_id", "customer_id", "ordered_at", "amount", "currency", "status", "is_recurring", "product", "category", "quantity", "unit_price"];

    public static readonly string[] OrderLines = ["order_id", "line_number", "product", "category", "quantity", "unit_price"];

    public static readonly string[] Subscriptions =
    [
        "subscription_id", "customer_id", "plan", "started_at", "renews_at", "ended_at", "amount", "currency",
        "billing_cycle_months", "seats", "cancellation_reason", "competitor",
    ];

    public static readonly string[] Activities = ["activity_id", "customer_id", "occurred_at", "type", "name", "quantity"];

    public static readonly string[] Tickets =
        ["ticket_id", "customer_id", "opened_at", "closed_at", "channel", "subject", "body", "status", "satisfaction"];

    public static readonly string[] Surveys = ["response_id", "customer_id", "responded_at", "kind", "score", "comment"];

    public static readonly string[] Touches = ["touch_id", "customer_id", "touched_at", "campaign", "channel", "is_control"];

    public static readonly string[] ChurnEvents = ["event_id", "customer_id", "occurred_at", "reason", "competitor"];
}
