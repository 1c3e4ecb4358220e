using System.Security.Claims;
using Kizuki.Web.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuki.Web.Api;

/// <summary><c>GET /api/today</c>: the morning screen in one answer.</summary>
internal static class TodayApi
{
    /// <summary>How many at-risk customers the Today page lists.</summary>
    public const int AtRiskListLength = 10;

    public static void MapTodayApi(this RouteGroupBuilder api) =>
        api.MapGet("/today", Today).WithName("Today").WithTags("today")
            .WithSummary("Customers by risk band with changes, the at-risk list, new alerts and my open tasks");

    private static Ok<TodayView> Today(ScoreBoard board, IAlertFeed alerts, ITaskBoard tasks, ClaimsPrincipal user)
    {
        var snapshot = board.Current();
        var now = snapshot.Trend.Count == 0 ? (BandCounts?)null : snapshot.Trend[^1];
        var dayBefore = now is null ? null : snapshot.CountsAtOrBefore(now.AsOf.AddDays(-1));
        var weekBefore = now is null ? null : snapshot.CountsAtOrBefore(now.AsOf.AddDays(-7));
        var atRisk = snapshot.Ranked.Where(r => r.Band != Kizuki.Storage.RiskBand.Low).Take(AtRiskListLength).ToList();
        var since = (snapshot.AsOf ?? DateTimeOffset.UnixEpoch).AddDays(-7);
        return TypedResults.Ok(new TodayView(
            snapshot.AsOf, now, dayBefore, weekBefore,
            snapshot.Ranked.Where(r => r.Band != Kizuki.Storage.RiskBand.Low).Sum(r => r.RevenueAtRisk),
            atRisk, alerts.Recent(since, 20), tasks.OpenFor(user.Identity?.Name ?? "")));
    }
}

/// <summary>The Today page's data.</summary>
/// <param name="AsOf">The as-of instant of the latest scores; null when nothing is scored yet.</param>
/// <param name="Bands">Band counts now.</param>
/// <param name="DayBefore">Band counts at the latest scoring at least a day before (null when there is none).</param>
/// <param name="WeekBefore">Band counts at the latest scoring at least a week before (null when there is none).</param>
/// <param name="RevenueAtRisk">Revenue at risk summed over the high and medium bands.</param>
/// <param name="AtRisk">High and medium customers by revenue at risk, with top reason and action.</param>
/// <param name="Alerts">Alerts of the last seven days.</param>
/// <param name="Tasks">The signed-in user's open tasks.</param>
internal sealed record TodayView(
    DateTimeOffset? AsOf,
    BandCounts? Bands,
    BandCounts? DayBefore,
    BandCounts? WeekBefore,
    decimal RevenueAtRisk,
    IReadOnlyList<CustomerRow> AtRisk,
    IReadOnlyList<AlertView> Alerts,
    IReadOnlyList<TaskView> Tasks);
