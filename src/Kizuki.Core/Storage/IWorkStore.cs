using Kizuki.Alerts;

namespace Kizuki.Storage;

/// <summary>Alerts, alert state and staff tasks: what the live scorer writes and staff work through.</summary>
/// <remarks>
/// Lives in the same database as the <see cref="IStore"/> (tables <c>alerts</c>, <c>alert_state</c>, <c>tasks</c>).
/// Raising is idempotent by alert id, so a redelivered event never makes a second alert or task.
/// </remarks>
public interface IWorkStore : IAlertStateStore, IDisposable
{
    /// <summary>
    /// Stores alerts, moves each (rule, customer) state to the firing instant, and opens one task per new alert, in one
    /// transaction; returns the tasks opened (alerts already stored are skipped).
    /// </summary>
    IReadOnlyList<WorkTask> Raise(IReadOnlyList<StoredAlert> alerts, DateTimeOffset at);

    /// <summary>Alerts fired at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<StoredAlert> Alerts(DateTimeOffset since, int limit);

    /// <summary>Tasks, newest first, optionally of one status and/or one owner.</summary>
    IReadOnlyList<WorkTask> Tasks(WorkTaskStatus? status = null, string? owner = null);

    /// <summary>One task, or null.</summary>
    WorkTask? Task(long id);

    /// <summary>Changes a task; null when there is no such task.</summary>
    WorkTask? Update(long id, WorkTaskChange change, string actor, DateTimeOffset at);

    /// <summary>Every saved or lost task as a training label, oldest alert first.</summary>
    IReadOnlyList<TaskOutcome> Outcomes();
}
