using Kizuki.Domain;

namespace Kizuki.Tests.Storage;

/// <summary>Records with every field set (and their optional fields empty), for store tests.</summary>
internal static class StoreSamples
{
    /// <summary>A fixed instant all sample times are relative to.</summary>
    public static readonly DateTimeOffset T0 = new(2024, 4, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>T0 written in Japan time, to check that stores return UTC.</summary>
    public static readonly DateTimeOffset T0InTokyo = new(2024, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public static Customer Customer(string id, DateTimeOffset? signupAt = null) => new(
        id,
        "株式会社テスト " + id,
        signupAt ?? T0,
        new CustomerSegment("小売", "東京都", "プロ", "紹介", "10-49"),
        new Dictionary<string, string>(StringComparer.Ordinal) { ["店舗数"] = "3", ["referrer"] = "web \"quoted\"" });

    public static Customer BareCustomer(string id) =>
        new(id, null, T0, CustomerSegment.Unknown, Kizuki.Domain.Customer.NoAttributes);

    public static Order Order(string id, string customerId, DateTimeOffset at, decimal amount = 1234.56m) => new(
        id, customerId, at, new Money(amount, "JPY"), OrderStatus.Returned, IsRecurring: true,
        [
            new OrderLine("SKU-1", "食品", 2m, 500.25m),
            new OrderLine("SKU-2", null, 0.5m, null),
        ]);

    public static Order BareOrder(string id, string customerId, DateTimeOffset at, decimal amount = 1000m) =>
        new(id, customerId, at, Money.Yen(amount), OrderStatus.Completed, IsRecurring: false, Kizuki.Domain.Order.NoLines);

    public static Subscription Subscription(string id, string customerId, DateTimeOffset at) => new(
        id, customerId, "Business", at, at.AddMonths(12), at.AddMonths(6), new Money(49.99m, "USD"),
        BillingCycleMonths: 12, Seats: 25, CancellationReason: "価格が高い", Competitor: "Rival Inc.");

    public static Subscription BareSubscription(string id, string customerId, DateTimeOffset at) => new(
        id, customerId, "Basic", at, null, null, Money.Yen(3000m), 1, 1, null, null);

    public static Activity Activity(string id, string customerId, DateTimeOffset at, string type = ActivityTypes.PageView,
        string? name = "/pricing", double? quantity = 12.5) => new(id, customerId, at, type, name, quantity);

    public static Ticket Ticket(string id, string customerId, DateTimeOffset at) => new(
        id, customerId, at, at.AddHours(5), TicketChannel.Chat, "解約したい", "他社に乗り換えを検討しています。\nThanks.",
        TicketStatus.Closed, Satisfaction: 2);

    public static Ticket BareTicket(string id, string customerId, DateTimeOffset at) => new(
        id, customerId, at, null, TicketChannel.Mail, "", "", TicketStatus.Open, null);

    public static SurveyResponse Survey(string id, string customerId, DateTimeOffset at) =>
        new(id, customerId, at, SurveyKind.Nps, 3, "サポートが遅い");

    public static Touch Touch(string id, string customerId, DateTimeOffset at, bool isControl = true) =>
        new(id, customerId, at, "winback-2024", "email", isControl);

    public static ChurnEvent ChurnEvent(string id, string customerId, DateTimeOffset at) =>
        new(id, customerId, at, "予算削減", "Rival Inc.");
}
