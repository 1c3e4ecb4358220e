using System.Globalization;
using Kizuki.Cli.Commands;
using Kizuki.Storage;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders staff tasks as a table, or as JSON with <c>--json</c>.</summary>
internal static class TasksView
{
    public static void RenderList(CliContext context, IReadOnlyList<WorkTask> tasks)
    {
        if (context.Json)
        {
            context.WriteJson(tasks.Select(Json));
            return;
        }

        if (tasks.Count == 0)
        {
            context.Console.MarkupLine(Markup.Escape(context.T("該当するタスクはありません。", "No tasks match.")));
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns(
            "#", context.T("顧客", "customer"), context.T("規則", "rule"), context.T("重要度", "severity"), context.T("状態", "status"),
            context.T("担当", "owner"), context.T("作成", "created"), context.T("メモ", "notes"));
        foreach (var t in tasks)
        {
            table.AddRow(t.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.CustomerId), Markup.Escape(t.Rule), Markup.Escape(t.Severity),
                Markup.Escape(Status(context, t.Status)), Markup.Escape(t.Owner ?? "-"), context.FormatLocal(t.CreatedAt),
                Markup.Escape(LastLine(t.Notes)));
        }

        context.Console.Write(table);
        context.Console.MarkupLine(Markup.Escape(context.T($"{tasks.Count} 件のタスク", $"{tasks.Count} tasks")));
    }

    public static void RenderUpdated(CliContext context, WorkTask task)
    {
        if (context.Json)
        {
            context.WriteJson(Json(task));
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"タスク {task.Id}（{task.CustomerId}、{task.Rule}）: 状態 {Status(context, task.Status)}、担当 {task.Owner ?? "-"}",
            $"Task {task.Id} ({task.CustomerId}, {task.Rule}): status {Status(context, task.Status)}, owner {task.Owner ?? "-"}")));
        if (task.Notes.Length > 0)
        {
            context.Console.WriteLine(task.Notes);
        }
    }

    /// <summary>The status in the user's language.</summary>
    public static string Status(CliContext context, WorkTaskStatus status) => status switch
    {
        WorkTaskStatus.Open => context.T("未対応", "open"),
        WorkTaskStatus.Contacted => context.T("連絡済み", "contacted"),
        WorkTaskStatus.Saved => context.T("継続", "saved"),
        _ => context.T("解約", "lost"),
    };

    private static string LastLine(string notes) =>
        notes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } lines ? lines[^1] : "";

    private static object Json(WorkTask t) => new
    {
        id = t.Id,
        alertId = t.AlertId,
        customerId = t.CustomerId,
        rule = t.Rule,
        severity = t.Severity,
        status = WorkTaskStatuses.Text(t.Status),
        owner = t.Owner,
        createdAt = t.CreatedAt,
        updatedAt = t.UpdatedAt,
        notes = t.Notes,
    };
}
