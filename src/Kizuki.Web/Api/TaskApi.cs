using System.Security.Claims;
using Kizuki.Storage;
using Kizuki.Web.Dashboard;
using Kizuki.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuki.Web.Api;

/// <summary>Working tasks: every role may list them, set their status or owner and add notes (staff work tasks).</summary>
internal static class TaskApi
{
    public static void MapTaskApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks/all", ListTasks).WithName("ListAllTasks").WithTags("tasks")
            .WithSummary("Tasks, newest first, optionally of one status (open, contacted, saved, lost) and one owner");
        api.MapGet("/customers/{id}/tasks", (string id, ITaskBoard tasks) => TypedResults.Ok(tasks.ForCustomer(id)))
            .WithName("CustomerTasks").WithTags("tasks").WithSummary("A customer's tasks with their notes, newest first");
        api.MapPatch("/tasks/{id}", UpdateTask).WithName("UpdateTask").WithTags("tasks")
            .WithSummary("Sets a task's status or owner and appends a note (any role)");
    }

    private static Results<Ok<IReadOnlyList<TaskView>>, ProblemHttpResult> ListTasks(ITaskBoard tasks, string? status = null, string? owner = null)
    {
        try
        {
            return TypedResults.Ok(tasks.List(status, owner));
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static Results<Ok<TaskView>, ProblemHttpResult> UpdateTask(
        string id, TaskUpdate body, ITaskBoard tasks, IAccountStore accounts, TimeProvider time, ClaimsPrincipal user)
    {
        if (body is null || (body.Status is null && body.Owner is null && string.IsNullOrWhiteSpace(body.Note)))
        {
            return Problems.BadRequest("status, owner, note のいずれかを指定してください。 / Give a status, an owner or a note.");
        }

        var at = time.GetUtcNow();
        TaskView? task;
        try
        {
            task = tasks.Update(id, body, user.Actor(), at);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest(e.Message.Split(" (Parameter", 2)[0]);
        }

        if (task is null)
        {
            return Problems.NotFound($"タスク '{id}' はありません。 / There is no task '{id}'.");
        }

        accounts.Audit(at, user.Actor(), "task.update", id, System.Text.Json.JsonSerializer.Serialize(body));
        return TypedResults.Ok(task);
    }
}
