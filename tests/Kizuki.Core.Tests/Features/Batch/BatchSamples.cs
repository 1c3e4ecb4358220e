using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Tests.Features.Batch;

/// <summary>A small SQLite store written through an import session, and a probe feature group reading every kind of event.</summary>
internal sealed class BatchStore : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset AsOf = T0.AddDays(100);

    private readonly string _directory = Directory.CreateTempSubdirectory("kizuki-batch-").FullName;

    public BatchStore(Action<IImportSession>? extra = null)
    {
        Store = new SqliteStore(Path.Combine(_directory, "kizuki.db"));
        Store.Migrate();
        using var session = Store.BeginImport();
        Fill(session);
        extra?.Invoke(session);
        session.Commit();
    }

    public SqliteStore Store { get; }

    public static void Fill(IImportSession s)
    {
        s.Add(new Customer("C1", "一郎", T0, new CustomerSegment(Plan: "プロ"), Customer.NoAttributes));
        s.Add(new Customer("C2", null, T0.AddDays(10), CustomerSegment.Unknown,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["店舗数"] = "3" }));
        s.Add(new Customer("C3", "late", AsOf.AddDays(1), CustomerSegment.Unknown, Customer.NoAttributes));
        s.Add(new Customer("C4", "quiet", T0, CustomerSegment.Unknown, Customer.NoAttributes));
        s.Add(new Order("O1", "C1", T0.AddDays(5), Money.Yen(1200.5m), OrderStatus.Completed, false, Order.NoLines));
        s.Add(new Order("O2", "C1", T0.AddDays(50), Money.Yen(800m), OrderStatus.Returned, true, Order.NoLines));
        s.Add(new Order("O3", "C2", T0.AddDays(99), Money.Yen(10m), OrderStatus.Cancelled, false, Order.NoLines));
        s.Add(new Subscription("S1", "C1", "Pro", T0, T0.AddDays(365), T0.AddDays(90), Money.Yen(12000m), 12, 3, null, null));
        s.Add(new Subscription("S2", "C2", "Basic", T0.AddDays(10), null, null, Money.Yen(3000m), 1, 1, null, null));
        s.Add(new Activity("A1", "C1", T0.AddDays(1), ActivityTypes.Login, null, null));
        s.Add(new Activity("A2", "C1", T0.AddDays(2), ActivityTypes.PageView, "/pricing", 3));
        s.Add(new Activity("A3", "C1", T0.AddDays(2), ActivityTypes.PageView, "/help/faq", null));
        s.Add(new Activity("A4", "C2", T0.AddDays(20), ActivityTypes.FeatureUse, "レポート", 2.5));
        s.Add(new Activity("A5", "C2", T0.AddDays(21), "custom_event", "", null));
        s.Add(new Activity("A6", "ZZ-unknown", T0.AddDays(21), ActivityTypes.Login, null, null));
        s.Add(new Activity("A7", "A0-unknown", T0.AddDays(21), ActivityTypes.Login, null, null));
        s.Add(new Ticket("T1", "C1", T0.AddDays(30), T0.AddDays(31), TicketChannel.Chat, "件名", "本文", TicketStatus.Closed, 2));
        s.Add(new Ticket("T2", "C2", T0.AddDays(95), null, TicketChannel.Mail, "s", "b", TicketStatus.Open, null));
        s.Add(new SurveyResponse("R1", "C1", T0.AddDays(40), SurveyKind.Nps, 4, null));
        s.Add(new SurveyResponse("R2", "C2", T0.AddDays(41), SurveyKind.Csat, 5, "良い"));
        s.Add(new ChurnEvent("X1", "C1", T0.AddDays(98), "価格", null));
    }

    /// <summary>Events after <see cref="AsOf"/> of every kind, for every customer: none may change a feature at it.</summary>
    public static void PlantAfterAsOf(IImportSession s)
    {
        foreach (var id in new[] { "C1", "C2", "C4" })
        {
            var at = AsOf;
            s.Add(new Order("late-o-" + id, id, at, Money.Yen(99999m), OrderStatus.Completed, false, Order.NoLines));
            s.Add(new Subscription("late-s-" + id, id, "Enterprise", at.AddDays(1), null, null, Money.Yen(50000m), 1, 9, null, null));
            s.Add(new Activity("late-a-" + id, id, at.AddMilliseconds(1), ActivityTypes.Login, null, null));
            s.Add(new Ticket("late-t-" + id, id, at, null, TicketChannel.Phone, "s", "b", TicketStatus.Open, null));
            s.Add(new SurveyResponse("late-r-" + id, id, at.AddDays(3), SurveyKind.Nps, 0, null));
            s.Add(new ChurnEvent("late-x-" + id, id, at.AddDays(4), null, null));
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>A test-only feature group that touches every series and the customer record.</summary>
internal sealed class ProbeFeatures : IFeatureGroup
{
    public IReadOnlyList<FeatureDefinition> Definitions { get; } =
    [
        Numeric("orders_before"), Numeric("spend_before"), Numeric("activities_before"), Numeric("page_category_bits"),
        Numeric("quantity_sum"), Numeric("tickets_open"), Numeric("last_score"), Numeric("churn_marks"),
        Numeric("monthly_amount"), new("probe_plan", "プラン", "plan", BusinessField.Profile, FeatureKind.Categorical, "プラン", "plan"),
    ];

    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        var orders = history.Orders.Before(asOf);
        output.Set(0, orders.Length);
        var spend = 0.0;
        foreach (var o in orders)
        {
            spend += o.Amount;
        }

        output.Set(1, spend);
        var activities = history.Activities.Before(asOf);
        output.Set(2, activities.Length);
        double bits = 0, quantity = 0;
        foreach (var a in activities)
        {
            bits += a.Categories;
            quantity += double.IsNaN(a.Quantity) ? 0 : a.Quantity;
        }

        output.Set(3, bits);
        output.Set(4, quantity);
        var open = 0;
        foreach (var t in history.Tickets.Before(asOf))
        {
            open += t.Closed < asOf ? 0 : 1;
        }

        output.Set(5, open);
        var surveys = history.Surveys.Before(asOf);
        output.Set(6, surveys.Length == 0 ? double.NaN : surveys[^1].Score);
        output.Set(7, history.ChurnMarks.Before(asOf).Length);
        var monthly = 0.0;
        foreach (var s in history.Subscriptions.Before(asOf))
        {
            monthly += s.End < asOf ? 0 : s.MonthlyAmount;
        }

        output.Set(8, monthly);
        output.SetCategory(9, history.Customer?.Segment.Plan);
    }

    private static FeatureDefinition Numeric(string name) =>
        new(name, name, name, BusinessField.Custom, FeatureKind.Numeric, name, name);
}
