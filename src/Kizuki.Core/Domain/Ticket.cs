namespace Kizuki.Domain;

/// <summary>A support ticket or inquiry (問い合わせ).</summary>
/// <param name="Id">Source id; unique.</param>
/// <param name="CustomerId">Who raised it.</param>
/// <param name="OpenedAt">When it was opened (UTC).</param>
/// <param name="ClosedAt">When it was closed; null while open.</param>
/// <param name="Channel">How it came in.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="Body">Body text, Japanese or English.</param>
/// <param name="Status">Open, pending or closed.</param>
/// <param name="Satisfaction">Satisfaction rating 1–5 given after closing, if any.</param>
public sealed record Ticket(
    string Id,
    string CustomerId,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    TicketChannel Channel,
    string Subject,
    string Body,
    TicketStatus Status,
    int? Satisfaction);

/// <summary>How a ticket came in.</summary>
public enum TicketChannel
{
    /// <summary>Email (メール).</summary>
    Mail,
    /// <summary>Telephone (電話).</summary>
    Phone,
    /// <summary>Chat (チャット).</summary>
    Chat,
    /// <summary>Web form (フォーム).</summary>
    Form,
}

/// <summary>Where a ticket stands.</summary>
public enum TicketStatus
{
    /// <summary>Waiting for the business.</summary>
    Open,
    /// <summary>Waiting for the customer.</summary>
    Pending,
    /// <summary>Resolved.</summary>
    Closed,
}
