using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kizuki.Notifications;

/// <summary>Where and how email is sent.</summary>
/// <param name="Host">SMTP server host.</param>
/// <param name="Port">Port (587 submission with STARTTLS, 465 TLS, 25 plain).</param>
/// <param name="From">Sender address.</param>
/// <param name="To">Recipient addresses.</param>
/// <param name="Security">none, starttls (when offered), starttls-required or tls.</param>
/// <param name="UserName">Login name, if the server needs one.</param>
/// <param name="Password">Password for <paramref name="UserName"/>.</param>
public sealed record SmtpOptions(string Host, int Port, string From, IReadOnlyList<string> To, string Security = "starttls",
    string? UserName = null, string? Password = null)
{
    /// <summary>MailKit's socket option for <see cref="Security"/>.</summary>
    internal SecureSocketOptions SocketOptions => Security switch
    {
        "none" => SecureSocketOptions.None,
        "starttls-required" => SecureSocketOptions.StartTls,
        "tls" => SecureSocketOptions.SslOnConnect,
        "starttls" => SecureSocketOptions.StartTlsWhenAvailable,
        _ => throw new InvalidDataException(
            $"settings.json: smtp security は none / starttls / starttls-required / tls のいずれかです（{Security}） / smtp security must be none, starttls, starttls-required or tls, not '{Security}'."),
    };
}

/// <summary>Sends notifications as plain-text email over SMTP with MailKit, one connection per message.</summary>
internal sealed class SmtpEmailChannel(string name, SmtpOptions options) : INotificationChannel
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var message = Message(notification, options);
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(options.Host, options.Port, options.SocketOptions, cancellationToken).ConfigureAwait(false);
        if (options.UserName is { Length: > 0 } user)
        {
            await client.AuthenticateAsync(user, options.Password ?? "", cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The MIME message of a notification.</summary>
    public static MimeMessage Message(Notification n, SmtpOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        foreach (var to in options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = n.Title;
        var fields = n.Fields is { Count: > 0 } f ? "\n\n" + string.Join("\n", f.Select(p => $"{p.Key}: {p.Value}")) : "";
        message.Body = new TextPart("plain") { Text = n.Text + fields };
        return message;
    }
}
