namespace Kizuki.Notifications;

/// <summary>A message to staff about a customer: what a channel sends.</summary>
/// <param name="Title">One-line subject, e.g. 「解約リスク: 株式会社サンプル（高）」.</param>
/// <param name="Text">The body, plain text.</param>
/// <param name="Severity">low, medium, high or critical.</param>
/// <param name="CustomerId">The customer concerned, if any.</param>
/// <param name="Rule">The rule that raised it, if any.</param>
/// <param name="Fields">Extra facts shown as key/value pairs (probability, top reason, ...), in order.</param>
public sealed record Notification(
    string Title,
    string Text,
    string Severity,
    string? CustomerId = null,
    string? Rule = null,
    IReadOnlyList<KeyValuePair<string, string>>? Fields = null);

/// <summary>Somewhere notifications go: an email address list, a webhook, a chat channel.</summary>
public interface INotificationChannel
{
    /// <summary>A short name for reports, e.g. <c>slack</c>.</summary>
    string Name { get; }

    /// <summary>Sends one notification; throws on failure (the dispatcher retries).</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}

/// <summary>What became of one notification on one channel.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Notification">The notification.</param>
/// <param name="Delivered">True when a send succeeded.</param>
/// <param name="Attempts">How many sends were tried.</param>
/// <param name="Error">The last error's message when not delivered.</param>
public sealed record DeliveryReport(string Channel, Notification Notification, bool Delivered, int Attempts, string? Error);
