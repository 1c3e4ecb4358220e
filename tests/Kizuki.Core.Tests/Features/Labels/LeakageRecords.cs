using Kizuki.Domain;

namespace Kizuki.Tests.Features.Labels;

/// <summary>
/// One customer's records around a cutoff T: what was known before T, and what a leaky evaluator could peek at —
/// events at and after T, and later versions of records that change (a ticket closed, a subscription ended after T).
/// </summary>
internal static class LeakageRecords
{
    public const string Id = "C-LEAK";

    /// <summary>Everything that happened strictly before T, as it was known before T.</summary>
    public static List<object> KnownBefore(DateTimeOffset t)
    {
        var records = new List<object>
        {
            new Customer(Id, "株式会社リーク", t.AddDays(-500), new CustomerSegment("小売", "東京都", "pro", "web", "10-49"), Customer.NoAttributes),
            Sub("S-old", "basic", t.AddDays(-500), t.AddDays(-200), 3000),
            Sub("S-now", "pro", t.AddDays(-200), null, 9000),
            Ticket("K-closed", t.AddDays(-50), t.AddDays(-45), 4),
            Ticket("K-open", t.AddDays(-5), null, null),
            new SurveyResponse("N1", Id, t.AddDays(-100), SurveyKind.Nps, 9, null),
            new SurveyResponse("N2", Id, t.AddDays(-20), SurveyKind.Nps, 6, "遅い"),
            new SurveyResponse("Q1", Id, t.AddDays(-30), SurveyKind.Csat, 4, null),
        };
        for (var day = 1; day <= 720; day += 9)
        {
            var status = day % 7 == 0 ? OrderStatus.Returned : day % 11 == 0 ? OrderStatus.Cancelled : OrderStatus.Completed;
            records.Add(Order("O" + day, t.AddDays(-day).AddHours(3), 1000 + (day * 13 % 5000), status));
        }

        string[] pages = ["/pricing", "/help/faq", "/account/cancel", "/compare/rival", "/home"];
        string[] features = ["reports", "export", "dashboard"];
        for (var hour = 1; hour <= 24 * 400; hour += 17)
        {
            var at = t.AddHours(-hour);
            records.Add(Activity("A" + hour, at, (hour % 5) switch
            {
                0 => (ActivityTypes.Login, null),
                1 => (ActivityTypes.FeatureUse, features[hour % features.Length]),
                2 => (ActivityTypes.PageView, pages[hour % pages.Length]),
                3 => (ActivityTypes.EmailOpen, "newsletter"),
                _ => (hour % 2 == 0 ? ActivityTypes.EmailClick : ActivityTypes.Login, "newsletter"),
            }));
        }

        return records;
    }

    /// <summary>
    /// What a leaky evaluator could see: new events at T and after it, and the later versions of records that change
    /// (the open ticket closed after T with a bad rating, the running subscription ended after T).
    /// </summary>
    public static List<object> AtAndAfter(DateTimeOffset t)
    {
        var records = new List<object>
        {
            Sub("S-now", "pro", t.AddDays(-200), t.AddDays(10), 9000),
            Sub("S-next", "enterprise", t, null, 30000),
            Sub("S-later", "lite", t.AddDays(3), t.AddDays(40), 1000),
            Ticket("K-open", t.AddDays(-5), t.AddDays(2), 1),
            Ticket("K-at", t, t.AddHours(1), 1),
            Ticket("K-after", t.AddDays(1), null, null),
            new SurveyResponse("N-at", Id, t, SurveyKind.Nps, 0, "解約します"),
            new SurveyResponse("Q-after", Id, t.AddDays(10), SurveyKind.Csat, 1, null),
            new ChurnEvent("X1", Id, t.AddDays(5), "価格", "Rival"),
            Order("O-at", t, 99999, OrderStatus.Completed),
            Order("O-after-1ms", t.AddMilliseconds(1), 5000, OrderStatus.Returned),
            Order("O-after", t.AddDays(10), 7000, OrderStatus.Completed),
            Activity("A-at", t, (ActivityTypes.Login, null)),
            Activity("A-at-page", t, (ActivityTypes.PageView, "/account/cancel")),
            Activity("A-after", t.AddHours(1), (ActivityTypes.FeatureUse, "reports")),
            Activity("A-after-page", t.AddDays(30), (ActivityTypes.PageView, "/compare/rival")),
            Activity("A-after-mail", t.AddDays(2), (ActivityTypes.EmailClick, "newsletter")),
        };
        return records;
    }

    private static Subscription Sub(string id, string plan, DateTimeOffset start, DateTimeOffset? end, decimal amount) =>
        new(id, Id, plan, start, end is null ? start.AddYears(1) : null, end, Money.Yen(amount), 1, 5, null, null);

    private static Ticket Ticket(string id, DateTimeOffset opened, DateTimeOffset? closed, int? satisfaction) =>
        new(id, Id, opened, closed, TicketChannel.Mail, "件名", "本文", closed is null ? TicketStatus.Open : TicketStatus.Closed, satisfaction);

    private static Order Order(string id, DateTimeOffset at, decimal amount, OrderStatus status) =>
        new(id, Id, at, Money.Yen(amount), status, id.Length % 2 == 0, Kizuki.Domain.Order.NoLines);

    private static Activity Activity(string id, DateTimeOffset at, (string Type, string? Name) what) =>
        new(id, Id, at, what.Type, what.Name, 1);
}
