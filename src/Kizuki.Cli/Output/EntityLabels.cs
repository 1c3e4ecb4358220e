using Kizuki.Domain;

namespace Kizuki.Cli.Output;

/// <summary>How entity kinds are called in each language.</summary>
internal static class EntityLabels
{
    public static string Of(EntityKind kind, bool english) => (kind, english) switch
    {
        (EntityKind.Customers, false) => "顧客",
        (EntityKind.Orders, false) => "注文",
        (EntityKind.OrderLines, false) => "注文明細",
        (EntityKind.Subscriptions, false) => "契約",
        (EntityKind.Activities, false) => "行動ログ",
        (EntityKind.Tickets, false) => "問い合わせ",
        (EntityKind.Surveys, false) => "アンケート",
        (EntityKind.Touches, false) => "施策接触",
        (EntityKind.ChurnEvents, false) => "解約記録",
        (EntityKind.Customers, true) => "customers",
        (EntityKind.Orders, true) => "orders",
        (EntityKind.OrderLines, true) => "order lines",
        (EntityKind.Subscriptions, true) => "subscriptions",
        (EntityKind.Activities, true) => "activities",
        (EntityKind.Tickets, true) => "tickets",
        (EntityKind.Surveys, true) => "survey responses",
        (EntityKind.Touches, true) => "touches",
        (EntityKind.ChurnEvents, true) => "churn events",
        _ => kind.ToString(),
    };
}
