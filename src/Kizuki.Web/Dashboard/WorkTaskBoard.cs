using System.Globalization;
using Kizuki.Storage;

namespace Kizuki.Web.Dashboard;

/// <summary>The task board over the work store: tasks opened by alerts, worked by staff, their outcomes kept as labels.</summary>
/// <remarks>
/// "Open" on the Today page means nobody has acted yet (status <c>open</c>); <see cref="Complete"/> records that staff
/// contacted the customer, which takes the task off that list without inventing an outcome (saved or lost are labels for
/// training, so only a person sets them, through <see cref="Update"/>).
/// </remarks>
internal sealed class WorkTaskBoard(IWorkStore work, CustomerNames names) : ITaskBoard
{
    /// <inheritdoc />
    public IReadOnlyList<TaskView> OpenFor(string assignee) =>
        View(work.Tasks(WorkTaskStatus.Open).Where(t => t.Owner is null || string.Equals(t.Owner, assignee, StringComparison.Ordinal))
            .OrderByDescending(t => SeverityRank(t.Severity)).ThenBy(t => t.CreatedAt).ToList());

    /// <inheritdoc />
    public bool Complete(string taskId, string actor, DateTimeOffset at)
    {
        if (!TryId(taskId, out var id) || work.Task(id) is not { Status: WorkTaskStatus.Open })
        {
            return false;
        }

        return work.Update(id, new WorkTaskChange(WorkTaskStatus.Contacted), actor, at) is not null;
    }

    /// <inheritdoc />
    public IReadOnlyList<TaskView> ForCustomer(string customerId) =>
        View(work.Tasks().Where(t => string.Equals(t.CustomerId, customerId, StringComparison.Ordinal)).ToList());

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The status is none of open, contacted, saved, lost.</exception>
    public IReadOnlyList<TaskView> List(string? status, string? owner) =>
        View(work.Tasks(ParseStatus(status), string.IsNullOrWhiteSpace(owner) ? null : owner));

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The status is none of open, contacted, saved, lost.</exception>
    public TaskView? Update(string taskId, TaskUpdate change, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(change);
        var status = ParseStatus(change.Status);
        if (!TryId(taskId, out var id))
        {
            return null;
        }

        var note = string.IsNullOrWhiteSpace(change.Note) ? null : change.Note.Trim();
        var owner = string.IsNullOrWhiteSpace(change.Owner) ? null : change.Owner.Trim();
        var task = work.Update(id, new WorkTaskChange(status, owner, note), actor, at);
        return task is null ? null : View([task])[0];
    }

    /// <summary>The status named by <paramref name="text"/>, or null for none.</summary>
    /// <exception cref="ArgumentException">The text is none of open, contacted, saved, lost.</exception>
    internal static WorkTaskStatus? ParseStatus(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : WorkTaskStatuses.Parse(text.Trim()) ?? throw new ArgumentException(
                $"status は open, contacted, saved, lost のいずれかです（指定値: {text}）。 / status must be open, contacted, saved or lost, not '{text}'.",
                nameof(text));

    private static bool TryId(string taskId, out long id) =>
        long.TryParse(taskId, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static int SeverityRank(string severity) => severity switch
    {
        "critical" => 3,
        "high" => 2,
        "medium" => 1,
        _ => 0,
    };

    private List<TaskView> View(IReadOnlyList<WorkTask> tasks)
    {
        var known = names.Of(tasks.Select(t => t.CustomerId));
        return
        [
            .. tasks.Select(t => new TaskView(
                t.Id.ToString(CultureInfo.InvariantCulture), t.CustomerId, known.GetValueOrDefault(t.CustomerId),
                $"{t.Rule}（重要度: {AlertTexts.SeverityJa(t.Severity)}）", $"{t.Rule} ({t.Severity})",
                null, t.Owner, WorkTaskStatuses.Text(t.Status), t.Notes, t.UpdatedAt)),
        ];
    }
}
