namespace Kizuki.Notifications;

/// <summary>Where alerts are sent: channels and the retry policy.</summary>
public sealed record NotificationSettings
{
    /// <summary>The channels; none by default (alerts are then only stored and shown).</summary>
    public IReadOnlyList<ChannelSettings> Channels { get; init; } = [];

    /// <summary>Tries per notification, first included. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Seconds before the first retry; doubled for each further one, at most 300. Default 1.</summary>
    public double InitialDelaySeconds { get; init; } = 1;

    /// <summary>The retry policy these settings describe.</summary>
    public RetryOptions Retry => new()
    {
        MaxAttempts = MaxAttempts,
        InitialDelay = TimeSpan.FromSeconds(InitialDelaySeconds),
        MaxDelay = TimeSpan.FromSeconds(Math.Max(300, InitialDelaySeconds)),
    };

    /// <summary>Builds the channels; throws naming the setting when one is incomplete.</summary>
    public IReadOnlyList<INotificationChannel> CreateChannels(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = new List<INotificationChannel>();
        for (var i = 0; i < Channels.Count; i++)
        {
            result.Add(Channels[i].Create(i, http));
        }

        return result;
    }
}

/// <summary>One channel: <c>email</c> (SMTP), <c>webhook</c> (Kizuki JSON), <c>slack</c> or <c>teams</c>.</summary>
public sealed record ChannelSettings
{
    /// <summary>email, webhook, slack or teams.</summary>
    public string Kind { get; init; } = "webhook";

    /// <summary>Name in reports; default the kind.</summary>
    public string? Name { get; init; }

    /// <summary>The webhook URL (http or https), for webhook, slack and teams.</summary>
    public string? Url { get; init; }

    /// <summary>The SMTP settings, for email.</summary>
    public SmtpOptions? Smtp { get; init; }

    internal INotificationChannel Create(int position, HttpClient http)
    {
        var name = Name ?? Kind;
        if (Kind == "email")
        {
            var smtp = Smtp is { Host.Length: > 0, From.Length: > 0, To.Count: > 0 } s ? s : throw Missing(position, "smtp (host, port, from, to)");
            _ = smtp.SocketOptions;
            return new SmtpEmailChannel(name, smtp);
        }

        var format = Kind switch
        {
            "webhook" => WebhookFormat.Json,
            "slack" => WebhookFormat.Slack,
            "teams" => WebhookFormat.Teams,
            _ => throw new InvalidDataException(
                $"settings.json: alerts.notifications.channels[{position}].kind は email / webhook / slack / teams のいずれかです（{Kind}） / " +
                $"alerts.notifications.channels[{position}].kind must be email, webhook, slack or teams, not '{Kind}'."),
        };
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw Missing(position, "url (http:// or https://)");
        }

        return new WebhookChannel(name, url, format, http);
    }

    private static InvalidDataException Missing(int position, string what) => new(
        $"settings.json: alerts.notifications.channels[{position}] に {what} が必要です / alerts.notifications.channels[{position}] needs {what}.");
}
