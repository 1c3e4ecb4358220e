using System.Security.Claims;
using Kizuki.Storage;
using Kizuki.Web.Dashboard;
using Kizuki.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuki.Web.Api;

/// <summary><c>/api/alerts</c>, <c>/api/tasks</c> and <c>/api/rules</c>: read by everyone; tasks worked by staff; rules changed by managers.</summary>
internal static class WorkApi
{
    public static void MapWorkApi(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", (IAlertFeed alerts, ScoreBoard board, int days = 7) =>
                TypedResults.Ok(alerts.Recent((board.Current().AsOf ?? DateTimeOffset.UnixEpoch).AddDays(-Math.Clamp(days, 1, 366)), 200)))
            .WithName("ListAlerts").WithTags("alerts").WithSummary("Alerts of the last days (default 7)");
        api.MapGet("/tasks", (ITaskBoard tasks, ClaimsPrincipal user) => TypedResults.Ok(tasks.OpenFor(user.Identity?.Name ?? "")))
            .WithName("ListTasks").WithTags("tasks").WithSummary("The caller's open tasks");
        api.MapPost("/tasks/{id}/complete", CompleteTask).WithName("CompleteTask").WithTags("tasks")
            .WithSummary("Marks a task done (any role)");
        api.MapGet("/rules", (IRuleBook rules) => TypedResults.Ok(new RuleList(rules.CanChange, rules.Rules())))
            .WithName("ListRules").WithTags("rules").WithSummary("Alert rules with their dry-run counts");
        api.MapPut("/rules/{id}", SaveRule).RequireAuthorization(KizukiSecurity.ManagePolicy)
            .WithName("SaveRule").WithTags("rules").WithSummary("Saves a rule's text (manager or admin)");
    }

    private static Results<NoContent, ProblemHttpResult> CompleteTask(
        string id, ITaskBoard tasks, IAccountStore accounts, TimeProvider time, ClaimsPrincipal user)
    {
        var at = time.GetUtcNow();
        if (!tasks.Complete(id, user.Actor(), at))
        {
            return Problems.NotFound($"未完了のタスク '{id}' はありません。 / There is no open task '{id}'.");
        }

        accounts.Audit(at, user.Actor(), "task.complete", id);
        return TypedResults.NoContent();
    }

    private static Results<Ok<RuleView>, ProblemHttpResult, ValidationProblem> SaveRule(
        string id, RuleText body, IRuleBook rules, IAccountStore accounts, TimeProvider time, ClaimsPrincipal user)
    {
        if (!rules.CanChange)
        {
            return Problems.Unavailable("ルールエンジンがまだ入っていません。 / No rule engine is installed yet.");
        }

        var at = time.GetUtcNow();
        var change = rules.Save(id, body.Text ?? "", user.Actor(), at);
        if (change.Rule is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [.. change.Problems] });
        }

        accounts.Audit(at, user.Actor(), "rule.save", id, body.Text);
        return TypedResults.Ok(change.Rule);
    }
}

/// <summary>The rules and whether this installation can change them.</summary>
internal sealed record RuleList(bool CanChange, IReadOnlyList<RuleView> Items);

/// <summary>A rule's new text.</summary>
internal sealed record RuleText(string? Text);
