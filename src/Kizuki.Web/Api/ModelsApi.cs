using System.Security.Claims;
using Kizuki.Modeling.Registry;
using Kizuki.Storage;
using Kizuki.Web.Dashboard;
using Kizuki.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuki.Web.Api;

/// <summary><c>/api/models</c>: the registry, the active model, metrics against the rule baselines, drivers; activation for managers.</summary>
internal static class ModelsApi
{
    public static void MapModelsApi(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("models");
        models.MapGet("/", List).WithName("ListModels").WithSummary("Every model version with its headline metrics; which one is active");
        models.MapGet("/drivers", Drivers).WithName("ModelDrivers")
            .WithSummary("How often each reason group is the top reason among high and medium customers of the latest scoring");
        models.MapGet("/{version:int}", Detail).WithName("GetModel")
            .WithSummary("A model's metadata: test metrics, calibration and lift, rule baselines, backtest");
        models.MapPost("/{version:int}/activate", Activate).WithName("ActivateModel")
            .RequireAuthorization(KizukiSecurity.ManagePolicy).WithSummary("Makes a version the active model (manager or admin)");
    }

    private static Ok<ModelList> List(KizukiWebOptions options)
    {
        var registry = new ModelRegistry(options.DataDirectory);
        var items = registry.List().Select(m => new ModelSummary(
            m.Version, m.CreatedAt, m.ChurnKind, m.WindowDays, m.TrainingRows, m.Features.Count,
            m.Test.RocAuc.Estimate, m.Test.AveragePrecision, m.Test.BrierScore,
            m.Baselines.Select(b => new BaselineSummary(b.Name, b.LabelJa, b.LabelEn, b.Report.RocAuc.Estimate, b.Report.AveragePrecision)).ToList()))
            .ToList();
        return TypedResults.Ok(new ModelList(registry.Active, items));
    }

    private static Results<Ok<ModelMetadata>, ProblemHttpResult> Detail(int version, KizukiWebOptions options)
    {
        var registry = new ModelRegistry(options.DataDirectory);
        var metadata = registry.List().FirstOrDefault(m => m.Version == version);
        return metadata is null ? Problems.NotFound(NoSuchModel(version)) : TypedResults.Ok(metadata);
    }

    private static Ok<IReadOnlyList<DriverView>> Drivers(ScoreBoard board)
    {
        var atRisk = board.Current().Ranked.Where(r => r.Band != RiskBand.Low && r.TopReasonGroup is not null).ToList();
        IReadOnlyList<DriverView> drivers = [.. atRisk
            .GroupBy(r => r.TopReasonGroup!, StringComparer.Ordinal)
            .Select(g => new DriverView(g.Key, g.Count(), (double)g.Count() / atRisk.Count, g.Sum(r => r.RevenueAtRisk)))
            .OrderByDescending(d => d.Customers).ThenBy(d => d.Group, StringComparer.Ordinal)];
        return TypedResults.Ok(drivers);
    }

    private static Results<Ok<ModelList>, ProblemHttpResult> Activate(
        int version, KizukiWebOptions options, IAccountStore accounts, TimeProvider time, ClaimsPrincipal user, ScoreBoard board)
    {
        var registry = new ModelRegistry(options.DataDirectory);
        if (registry.List().All(m => m.Version != version))
        {
            return Problems.NotFound(NoSuchModel(version));
        }

        var before = registry.Active;
        registry.Activate(version);
        accounts.Audit(time.GetUtcNow(), user.Actor(), "model.activate", "v" + version,
            before is { } b ? "before=v" + b : "before=none");
        board.Invalidate();
        return TypedResults.Ok(List(options).Value!);
    }

    private static string NoSuchModel(int version) => $"モデル v{version} はありません。 / There is no model v{version}.";
}

/// <summary>The registry: which version is active and every version's headline.</summary>
internal sealed record ModelList(int? Active, IReadOnlyList<ModelSummary> Items);

/// <summary>One model version's headline metrics on its held-out test cutoff.</summary>
internal sealed record ModelSummary(
    int Version, DateTimeOffset CreatedAt, string ChurnKind, int WindowDays, int TrainingRows, int FeatureCount,
    double RocAuc, double AveragePrecision, double BrierScore, IReadOnlyList<BaselineSummary> Baselines);

/// <summary>A rule baseline's headline on the same rows.</summary>
internal sealed record BaselineSummary(string Name, string LabelJa, string LabelEn, double RocAuc, double AveragePrecision);

/// <summary>A reason group as a driver: how many at-risk customers have it on top, and the revenue at risk they carry.</summary>
internal sealed record DriverView(string Group, int Customers, double Share, decimal RevenueAtRisk);
