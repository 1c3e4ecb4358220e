using Kizuki.Web.Dashboard;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuki.Web.Api;

/// <summary><c>/api/segments</c>: observed churn rate by two customer attributes, and churn per month.</summary>
internal static class SegmentsApi
{
    public static void MapSegmentsApi(this RouteGroupBuilder api)
    {
        var segments = api.MapGroup("/segments").WithTags("segments");
        segments.MapGet("/", HeatMap).WithName("SegmentHeatMap")
            .WithSummary("Churn rate by two attributes (industry, region, plan, acquisitionChannel, companySize or attr:NAME)");
        segments.MapGet("/attributes", Attributes).WithName("SegmentAttributes").WithSummary("The attributes segments can be cut by");
        segments.MapGet("/trend", Trend).WithName("ChurnTrend").WithSummary("Customers churned per month (in the settings' time zone) and the monthly churn rate");
    }

    private static Results<Ok<SegmentHeatMap>, ProblemHttpResult> HeatMap(ScoreBoard board, string rows = "industry", string columns = "plan")
    {
        var snapshot = board.Current();
        var known = SegmentMath.Attributes(snapshot);
        foreach (var attribute in new[] { rows, columns })
        {
            if (!known.Contains(attribute))
            {
                return Problems.BadRequest(
                    $"属性 '{attribute}' はありません（{string.Join(", ", known)}）。 / There is no attribute '{attribute}' ({string.Join(", ", known)}).");
            }
        }

        return TypedResults.Ok(SegmentMath.HeatMap(snapshot, rows, columns));
    }

    private static Ok<IReadOnlyList<string>> Attributes(ScoreBoard board) => TypedResults.Ok(SegmentMath.Attributes(board.Current()));

    private static Ok<IReadOnlyList<ChurnMonth>> Trend(ScoreBoard board, Kizuki.Configuration.KizukiSettings settings) =>
        TypedResults.Ok(SegmentMath.Trend(board.Current(), settings.Zone));
}
