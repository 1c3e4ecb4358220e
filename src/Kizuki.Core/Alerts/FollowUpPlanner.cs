using System.Globalization;
using Kizuki.Domain;

namespace Kizuki.Alerts;

/// <summary>A follow-up decided for an alert: the message to send (none for a control) and the touch to record.</summary>
/// <param name="Touch">The touch to record: a contact, or a hold-out with <see cref="Touch.IsControl"/> set.</param>
/// <param name="Subject">The subject to send; null for a control.</param>
/// <param name="Body">The message to send; null for a control.</param>
public sealed record FollowUp(Touch Touch, string? Subject, string? Body);

/// <summary>Where follow-up touches are recorded.</summary>
/// <remarks>The store already holds touches (the <c>touches</c> table, written through an import session).</remarks>
public interface ITouchRecorder
{
    /// <summary>Records a touch; idempotent by its id.</summary>
    void Record(Touch touch);
}

/// <summary>Touches in memory.</summary>
public sealed class InMemoryTouchRecorder : ITouchRecorder
{
    private readonly Dictionary<string, Touch> _touches = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The touches recorded, in id order.</summary>
    public IReadOnlyList<Touch> Touches
    {
        get { lock (_gate) { return [.. _touches.Values.OrderBy(t => t.Id, StringComparer.Ordinal)]; } }
    }

    /// <inheritdoc />
    public void Record(Touch touch)
    {
        ArgumentNullException.ThrowIfNull(touch);
        lock (_gate) { _touches.TryAdd(touch.Id, touch); }
    }
}

/// <summary>
/// Turns fired alerts into warm follow-ups: only for rules that ask for one, never for a control customer (who gets a
/// hold-out touch instead), and never twice inside the rule's cool-down (alerts already honour it through the alert state).
/// </summary>
internal sealed class FollowUpPlanner(IReadOnlyDictionary<string, FollowUpTemplate>? templates, string language, string company, ITouchRecorder touches)
{
    /// <summary>The campaign name of follow-up touches: <c>kizuki:</c> and the rule's name.</summary>
    public static string CampaignOf(string rule) => "kizuki:" + rule;

    /// <summary>The follow-up of an alert, recorded as a touch; null when the rule asks for none.</summary>
    /// <param name="alert">The alert that fired.</param>
    /// <param name="customer">The customer record (for the name), if known.</param>
    /// <param name="days">Days since the last login or order, for <c>{days}</c>; NaN when unknown.</param>
    public FollowUp? Plan(Alert alert, Customer? customer, double days)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!alert.FollowUp)
        {
            return null;
        }

        var id = string.Create(CultureInfo.InvariantCulture,
            $"kizuki-followup:{alert.Rule}:{alert.CustomerId}:{alert.FiredAt.UtcDateTime:yyyyMMddTHHmmssZ}");
        var touch = new Touch(id, alert.CustomerId, alert.FiredAt, CampaignOf(alert.Rule), "email", alert.IsControl);
        touches.Record(touch);
        if (alert.IsControl)
        {
            return new FollowUp(touch, null, null);
        }

        var template = FollowUpTemplates.For(alert.TopReason, templates);
        var en = language == "en";
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = customer?.Name ?? (en ? "customer" : "お客"),
            ["customer_id"] = alert.CustomerId,
            ["days"] = double.IsFinite(days) ? Math.Round(days).ToString(CultureInfo.InvariantCulture) : "-",
            ["rule"] = alert.Rule,
            ["reason"] = alert.TopReason ?? "",
            ["company"] = company,
        };
        var key = en ? "en" : "ja";
        return new FollowUp(touch, FollowUpTemplates.Render(template.Subject[key], values), FollowUpTemplates.Render(template.Body[key], values));
    }
}
