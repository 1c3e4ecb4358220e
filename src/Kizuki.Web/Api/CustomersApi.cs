using Kizuki.Domain;
using Kizuki.Storage;
using Kizuki.Web.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuki.Web.Api;

/// <summary><c>/api/customers</c>: the ranked list and one customer's profile, score history, reasons and timeline.</summary>
internal static class CustomersApi
{
    /// <summary>The most rows one list request returns.</summary>
    public const int MaxLimit = 500;

    public static void MapCustomersApi(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("customers");
        customers.MapGet("/", List).WithName("ListCustomers")
            .WithSummary("Customers with their latest score, filtered by band or text, sorted by revenue at risk (default) or probability");
        customers.MapGet("/{id}", Detail).WithName("GetCustomer")
            .WithSummary("A customer's profile, score history, reasons and timeline");
    }

    private static Results<Ok<CustomerPage>, ProblemHttpResult> List(
        ScoreBoard board, string? band = null, string? q = null, string? sort = null, int limit = 50, int offset = 0)
    {
        if (limit is < 1 or > MaxLimit || offset < 0)
        {
            return Problems.BadRequest($"limit は 1〜{MaxLimit}、offset は 0 以上です。 / limit must be 1 to {MaxLimit} and offset 0 or more.");
        }

        RiskBand? wanted = null;
        if (!string.IsNullOrEmpty(band))
        {
            if (!Enum.TryParse<RiskBand>(band, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.BadRequest($"band '{band}' は high, medium, low のいずれかです。 / band '{band}' must be high, medium or low.");
            }

            wanted = parsed;
        }

        IEnumerable<CustomerRow> rows = board.Current().Ranked;
        if (wanted is { } w)
        {
            rows = rows.Where(r => r.Band == w);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            rows = rows.Where(r => r.Id.Contains(q, StringComparison.OrdinalIgnoreCase)
                || (r.Name?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        switch (sort)
        {
            case null or "" or "revenueAtRisk":
                break;
            case "probability":
                rows = rows.OrderByDescending(r => r.Probability).ThenBy(r => r.Id, StringComparer.Ordinal);
                break;
            default:
                return Problems.BadRequest($"sort '{sort}' は revenueAtRisk か probability です。 / sort '{sort}' must be revenueAtRisk or probability.");
        }

        var all = rows.ToList();
        return TypedResults.Ok(new CustomerPage(board.Current().AsOf, all.Count, [.. all.Skip(offset).Take(limit)]));
    }

    private static Results<Ok<CustomerDetail>, ProblemHttpResult> Detail(string id, IStore store, ScoreBoard board)
    {
        var customer = store.Customers(id).FirstOrDefault();
        if (customer is null)
        {
            return Problems.NotFound($"顧客 '{id}' はいません。 / There is no customer '{id}'.");
        }

        var history = store.Scores(customerId: id)
            .GroupBy(s => s.AsOf)
            .Select(g => g.MaxBy(s => s.ScoredAt)!)
            .Select(s => new ScorePoint(s.AsOf, s.Probability, s.Band, s.RevenueAtRisk, s.ModelVersion))
            .ToList();
        var latest = store.Scores(customerId: id).Where(s => history.Count > 0 && s.AsOf == history[^1].AsOf).MaxBy(s => s.ScoredAt);
        var subscriptions = store.Subscriptions(id).ToList();
        return TypedResults.Ok(new CustomerDetail(
            new CustomerProfile(customer.Id, customer.Name, customer.SignupAt, customer.Segment, customer.Attributes, subscriptions),
            board.Current().ById.GetValueOrDefault(id),
            history,
            ReasonReader.Read(latest?.Reasons),
            Timeline.Of(store, id, subscriptions)));
    }
}

/// <summary>One page of the customer list.</summary>
internal sealed record CustomerPage(DateTimeOffset? AsOf, int Total, IReadOnlyList<CustomerRow> Items);

/// <summary>Everything the Customer page shows.</summary>
/// <param name="Profile">Who the customer is.</param>
/// <param name="Latest">The latest score row, as in the lists; null when the customer is not in the latest scoring.</param>
/// <param name="History">Score per as-of instant, oldest first.</param>
/// <param name="Reasons">Reasons stored with the latest score; null when stored without.</param>
/// <param name="Timeline">Events, newest first.</param>
internal sealed record CustomerDetail(
    CustomerProfile Profile, CustomerRow? Latest, IReadOnlyList<ScorePoint> History, ReasonsView? Reasons, IReadOnlyList<TimelineEvent> Timeline);

/// <summary>A customer's master data and subscriptions.</summary>
internal sealed record CustomerProfile(
    string Id, string? Name, DateTimeOffset SignupAt, CustomerSegment Segment, IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<Subscription> Subscriptions);

/// <summary>One point of the score-history chart.</summary>
internal sealed record ScorePoint(DateTimeOffset AsOf, double Probability, RiskBand Band, decimal RevenueAtRisk, int ModelVersion);
