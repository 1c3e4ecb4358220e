using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kizuki.Notifications;

/// <summary>The body a webhook expects.</summary>
public enum WebhookFormat
{
    /// <summary>Kizuki's own JSON: title, text, severity, customerId, rule, fields.</summary>
    Json,
    /// <summary>Slack incoming webhook: <c>{"text": ...}</c> with mrkdwn.</summary>
    Slack,
    /// <summary>Microsoft Teams incoming webhook: an Office 365 connector MessageCard.</summary>
    Teams,
}

/// <summary>Posts notifications as JSON to a URL; a non-success status is a failure (and is retried by the dispatcher).</summary>
internal sealed class WebhookChannel(string name, Uri url, WebhookFormat format, HttpClient http) : INotificationChannel
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var content = JsonContent.Create(Body(notification, format));
        using var response = await http.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"webhook {Name} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }

    /// <summary>The JSON body of a notification in a format.</summary>
    public static JsonObject Body(Notification n, WebhookFormat format)
    {
        var fields = n.Fields ?? [];
        switch (format)
        {
            case WebhookFormat.Slack:
                var lines = string.Join("\n", fields.Select(f => $"• {f.Key}: {f.Value}"));
                return new JsonObject { ["text"] = $"*{n.Title}*\n{n.Text}" + (lines.Length > 0 ? "\n" + lines : "") };
            case WebhookFormat.Teams:
                var facts = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Key, ["value"] = f.Value })]);
                return new JsonObject
                {
                    ["@type"] = "MessageCard",
                    ["@context"] = "https://schema.org/extensions",
                    ["summary"] = n.Title,
                    ["themeColor"] = n.Severity switch { "critical" => "A80000", "high" => "D83B01", "medium" => "FFB900", _ => "0078D7" },
                    ["title"] = n.Title,
                    ["text"] = n.Text,
                    ["sections"] = new JsonArray(new JsonObject { ["facts"] = facts }),
                };
            default:
                var extra = new JsonObject();
                foreach (var f in fields)
                {
                    extra[f.Key] = f.Value;
                }

                return new JsonObject
                {
                    ["title"] = n.Title,
                    ["text"] = n.Text,
                    ["severity"] = n.Severity,
                    ["customerId"] = n.CustomerId,
                    ["rule"] = n.Rule,
                    ["fields"] = extra,
                };
        }
    }

    /// <summary>The body as compact JSON text (for tests and logs).</summary>
    public static string BodyText(Notification n, WebhookFormat format) => Body(n, format).ToJsonString(new JsonSerializerOptions());
}
