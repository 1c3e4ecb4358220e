namespace Kizuki.Storage;

/// <summary>An alert as stored: which rule fired for which customer, when, and what the scorer knew then.</summary>
/// <param name="Id">Stable id: customer, rule and firing instant, so a replayed event never stores it twice.</param>
/// <param name="Rule">The rule's name.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Severity">low, medium, high or critical.</param>
/// <param name="FiredAt">The instant of the facts that made it fire (UTC).</param>
/// <param name="Probability">The churn probability then, or null when not scored.</param>
/// <param name="TopReason">The top reason group then, if known.</param>
/// <param name="Reasons">The score's reasons as JSON (see <c>Kizuki.Explanations.ReasonsJson</c>), if known.</param>
/// <param name="IsControl">Whether the customer fell in the rule's control hold-out (no follow-up sent).</param>
public sealed record StoredAlert(
    string Id, string Rule, string CustomerId, string Severity, DateTimeOffset FiredAt, double? Probability, string? TopReason,
    string? Reasons, bool IsControl)
{
    /// <summary>The id of an alert: <c>customer|rule|unix-milliseconds</c>.</summary>
    public static string IdOf(string customerId, string rule, DateTimeOffset firedAt) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{customerId}|{rule}|{firedAt.ToUnixTimeMilliseconds()}");
}

/// <summary>Where a task stands. Saved and lost are outcomes: they flow back as labels for training.</summary>
public enum WorkTaskStatus
{
    /// <summary>Nobody has acted yet.</summary>
    Open,
    /// <summary>Staff contacted the customer.</summary>
    Contacted,
    /// <summary>The customer stayed.</summary>
    Saved,
    /// <summary>The customer left.</summary>
    Lost,
}

/// <summary>A task for staff, made from one alert.</summary>
/// <param name="Id">Sequential task number.</param>
/// <param name="AlertId">The alert it came from.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Rule">The rule that fired.</param>
/// <param name="Severity">The alert's severity.</param>
/// <param name="CreatedAt">When the alert fired.</param>
/// <param name="Owner">Who works it; null while unassigned.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Notes">Notes, one per line, each prefixed with its author and time.</param>
/// <param name="UpdatedAt">The last change.</param>
public sealed record WorkTask(
    long Id, string AlertId, string CustomerId, string Rule, string Severity, DateTimeOffset CreatedAt, string? Owner,
    WorkTaskStatus Status, string Notes, DateTimeOffset UpdatedAt)
{
    /// <summary>Whether the task has an outcome (saved or lost).</summary>
    public bool IsClosed => Status is WorkTaskStatus.Saved or WorkTaskStatus.Lost;
}

/// <summary>What staff learned about a customer: a label for training (lost = churned, saved = stayed after an alert).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Churned">True when lost, false when saved.</param>
/// <param name="AlertedAt">When the alert fired (the cutoff the label belongs to).</param>
/// <param name="DecidedAt">When staff recorded the outcome.</param>
/// <param name="Rule">The rule whose alert started the task.</param>
public sealed record TaskOutcome(string CustomerId, bool Churned, DateTimeOffset AlertedAt, DateTimeOffset DecidedAt, string Rule);

/// <summary>A change to a task; null members stay as they are.</summary>
/// <param name="Status">The new status.</param>
/// <param name="Owner">The new owner.</param>
/// <param name="Note">A note to append.</param>
public sealed record WorkTaskChange(WorkTaskStatus? Status = null, string? Owner = null, string? Note = null);

/// <summary>Text forms of <see cref="WorkTaskStatus"/>.</summary>
public static class WorkTaskStatuses
{
    /// <summary>The stored and typed form: <c>open</c>, <c>contacted</c>, <c>saved</c>, <c>lost</c>.</summary>
    public static string Text(WorkTaskStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Parses the text form (case-insensitive); null when it is none of them.</summary>
    public static WorkTaskStatus? Parse(string? text) =>
        Enum.TryParse<WorkTaskStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(text, out _)
            ? status
            : null;
}
