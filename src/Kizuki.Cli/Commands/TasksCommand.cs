using System.CommandLine;
using System.Globalization;
using Kizuki.Cli.Output;
using Kizuki.Storage;

namespace Kizuki.Cli.Commands;

/// <summary>
/// <c>kizuki tasks [--status S] [--owner O]</c> lists the staff tasks alerts opened; <c>kizuki tasks update ID --status S
/// [--note TEXT] [--owner O]</c> works one. Saved and lost are outcomes that flow back as training labels.
/// </summary>
internal static class TasksCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var status = StatusOption("Only tasks of this status: open, contacted, saved, lost / この状態のタスクだけ");
        var owner = new Option<string?>("--owner") { Description = "Only tasks of this owner / この担当者のタスクだけ" };
        var command = new Command("tasks", "List and work the tasks alerts opened / アラートから作られたタスクの一覧と更新") { status, owner };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var wanted = Parse(context, parse.GetValue(status));
            using var store = context.OpenStore();
            using var work = WorkStores.For(store, context.DatabaseUrl);
            var who = parse.GetValue(owner);
            TasksView.RenderList(context, work.Tasks(wanted, string.IsNullOrWhiteSpace(who) ? null : who.Trim()));
            return 0;
        });

        var id = new Argument<string>("id") { Description = "Task number / タスク番号" };
        var newStatus = StatusOption("New status: open, contacted, saved, lost / 新しい状態");
        var note = new Option<string?>("--note") { Description = "A note to append / 追記するメモ" };
        var newOwner = new Option<string?>("--owner") { Description = "New owner / 新しい担当者" };
        var update = new Command("update", "Set a task's status or owner and add a note / タスクの状態・担当を変え、メモを追記する")
        {
            id, newStatus, note, newOwner,
        };
        update.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var text = parse.GetValue(id)!;
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw new KizukiException(context.T($"タスク番号は正の整数です（指定値: {text}）。", $"a task id is a positive whole number, not '{text}'."));
            }

            var change = new WorkTaskChange(Parse(context, parse.GetValue(newStatus)), Blank(parse.GetValue(newOwner)), Blank(parse.GetValue(note)));
            if (change.Status is null && change.Owner is null && change.Note is null)
            {
                throw new KizukiException(context.T("--status、--owner、--note のいずれかを指定してください。", "give --status, --owner or --note."));
            }

            using var store = context.OpenStore();
            using var work = WorkStores.For(store, context.DatabaseUrl);
            var at = environment.Time.GetUtcNow();
            var task = work.Update(number, change, "cli", at)
                ?? throw new KizukiException(context.T($"タスク {number} はありません。`kizuki tasks` で番号を確認してください。",
                    $"there is no task {number}; see `kizuki tasks` for the numbers."));
            AccountStores.For(store, context.DatabaseUrl).Audit(at, "cli", "task.update", text,
                string.Join(' ', new[] { change.Status is { } s ? "status=" + WorkTaskStatuses.Text(s) : null, change.Owner is { } o ? "owner=" + o : null, change.Note is { } n ? "note=" + n : null }.OfType<string>()));
            TasksView.RenderUpdated(context, task);
            return 0;
        });

        command.Subcommands.Add(update);
        return command;
    }

    private static Option<string?> StatusOption(string description) => new("--status") { Description = description };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static WorkTaskStatus? Parse(CliContext context, string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : WorkTaskStatuses.Parse(text.Trim()) ?? throw new KizukiException(context.T(
                $"--status は open, contacted, saved, lost のいずれかです（指定値: {text}）。",
                $"--status must be open, contacted, saved or lost, not '{text}'."));
}
