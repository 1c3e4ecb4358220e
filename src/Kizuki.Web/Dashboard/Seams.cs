namespace Kizuki.Web.Dashboard;

/// <summary>Where the dashboard reads recent alerts; the alert engine registers its own in place of <see cref="NoAlertFeed"/>.</summary>
public interface IAlertFeed
{
    /// <summary>Alerts raised at or after <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<AlertView> Recent(DateTimeOffset since, int limit);
}

/// <summary>Where the dashboard reads and works tasks; the live/alerts work registers its own in place of <see cref="NoTaskBoard"/>.</summary>
public interface ITaskBoard
{
    /// <summary>Open tasks assigned to <paramref name="assignee"/> (or to nobody), most urgent first.</summary>
    IReadOnlyList<TaskView> OpenFor(string assignee);

    /// <summary>Marks a task done; false when there is no such open task.</summary>
    bool Complete(string taskId, string actor, DateTimeOffset at);

    /// <summary>Every task of one customer (any status), newest first.</summary>
    IReadOnlyList<TaskView> ForCustomer(string customerId);

    /// <summary>Tasks, newest first, optionally of one status (open, contacted, saved, lost) and/or one owner.</summary>
    IReadOnlyList<TaskView> List(string? status, string? owner);

    /// <summary>Changes a task's status or owner and appends a note; null when there is no such task.</summary>
    TaskView? Update(string taskId, TaskUpdate change, string actor, DateTimeOffset at);
}

/// <summary>Where the dashboard reads alert rules and their dry-run counts; the rules work registers its own in place of <see cref="NoRuleBook"/>.</summary>
public interface IRuleBook
{
    /// <summary>Every rule with how many customers it would alert on now.</summary>
    IReadOnlyList<RuleView> Rules();

    /// <summary>Saves a rule's text after checking it; the result carries the problems found (line, column, message) when it is refused.</summary>
    RuleChange Save(string id, string text, string actor, DateTimeOffset at);

    /// <summary>Whether rules can be changed here at all (false until a rule engine is installed).</summary>
    bool CanChange { get; }
}

/// <summary>An alert as the dashboard shows it.</summary>
public sealed record AlertView(string Id, string CustomerId, string? CustomerName, string Rule, string Severity, DateTimeOffset RaisedAt, string MessageJa, string MessageEn);

/// <summary>A task as the dashboard shows it.</summary>
public sealed record TaskView(
    string Id, string CustomerId, string? CustomerName, string TitleJa, string TitleEn, DateTimeOffset? Due, string? Assignee,
    string Status = "open", string Notes = "", DateTimeOffset? UpdatedAt = null);

/// <summary>A change to a task: a new status (open, contacted, saved, lost), a new owner, a note to append; null members stay.</summary>
public sealed record TaskUpdate(string? Status = null, string? Owner = null, string? Note = null);

/// <summary>A rule with its dry-run count.</summary>
public sealed record RuleView(string Id, string Name, string Text, bool Enabled, int? DryRunCount);

/// <summary>The outcome of saving a rule: the rule when accepted, the problems when refused.</summary>
public sealed record RuleChange(RuleView? Rule, IReadOnlyList<string> Problems);

/// <summary>No alert engine installed: no alerts (an empty list, never invented ones).</summary>
internal sealed class NoAlertFeed : IAlertFeed
{
    public IReadOnlyList<AlertView> Recent(DateTimeOffset since, int limit) => [];
}

/// <summary>No task store installed: no tasks.</summary>
internal sealed class NoTaskBoard : ITaskBoard
{
    public IReadOnlyList<TaskView> OpenFor(string assignee) => [];

    public bool Complete(string taskId, string actor, DateTimeOffset at) => false;

    public IReadOnlyList<TaskView> ForCustomer(string customerId) => [];

    public IReadOnlyList<TaskView> List(string? status, string? owner) => [];

    public TaskView? Update(string taskId, TaskUpdate change, string actor, DateTimeOffset at) => null;
}

/// <summary>No rule engine installed: no rules, and nothing to change.</summary>
internal sealed class NoRuleBook : IRuleBook
{
    public bool CanChange => false;

    public IReadOnlyList<RuleView> Rules() => [];

    public RuleChange Save(string id, string text, string actor, DateTimeOffset at) =>
        new(null, ["ルールエンジンがまだ入っていません。 / No rule engine is installed yet."]);
}
