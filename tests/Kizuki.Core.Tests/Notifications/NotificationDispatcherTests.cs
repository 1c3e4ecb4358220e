using System.Collections.Concurrent;
using System.Text.Json;
using Kizuki.Notifications;

namespace Kizuki.Tests.Notifications;

public sealed class NotificationDispatcherTests
{
    private static readonly Notification Sample = new("解約リスク: 山田商店（高）", "ログインが止まっています。", "high", "c1", "login-stop",
        [new("churn_probability", "0.62"), new("top_reason", "login_frequency")]);

    private static readonly RetryOptions Fast = new() { MaxAttempts = 4, InitialDelay = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Post_SmtpChannel_DeliversMailThroughMailKitToRealListener()
    {
        using var smtp = new TestSmtpServer();
        var channel = new SmtpEmailChannel("email", new SmtpOptions("127.0.0.1", smtp.Port, "kizuki@example.jp", ["staff@example.jp"], "none"));
        var reports = new ConcurrentQueue<DeliveryReport>();

        await using (var dispatcher = new NotificationDispatcher([channel], Fast, reports.Enqueue))
        {
            dispatcher.Post(Sample);
        }

        var message = Assert.Single(smtp.Messages);
        Assert.Contains("RCPT:staff@example.jp", message, StringComparison.Ordinal);
        Assert.Contains("Subject:", message, StringComparison.Ordinal);
        Assert.True(Assert.Single(reports).Delivered);
    }

    [Fact]
    public async Task Post_WebhookFailingTwice_RetriesWithExponentialBackOff()
    {
        using var server = new TestHttpServer(failFirst: 2);
        using var http = new HttpClient();
        var waits = new ConcurrentQueue<TimeSpan>();
        var reports = new ConcurrentQueue<DeliveryReport>();

        await using (var dispatcher = new NotificationDispatcher([new WebhookChannel("webhook", server.Url, WebhookFormat.Json, http)], Fast,
            reports.Enqueue, (d, _) => { waits.Enqueue(d); return Task.CompletedTask; }))
        {
            dispatcher.Post(Sample);
        }

        Assert.Equal(3, server.Requests);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], waits);
        var report = Assert.Single(reports);
        Assert.True(report.Delivered);
        Assert.Equal(3, report.Attempts);
        using var body = JsonDocument.Parse(Assert.Single(server.Bodies));
        Assert.Equal("high", body.RootElement.GetProperty("severity").GetString());
        Assert.Equal("login_frequency", body.RootElement.GetProperty("fields").GetProperty("top_reason").GetString());
    }

    [Fact]
    public async Task Post_OneChannelAlwaysFailing_OthersStillDeliverAndCallerIsNotBlocked()
    {
        using var failing = new TestHttpServer(failFirst: int.MaxValue);
        using var slack = new TestHttpServer();
        using var teams = new TestHttpServer();
        using var http = new HttpClient();
        var gate = new TaskCompletionSource();
        var reports = new ConcurrentQueue<DeliveryReport>();
        var dispatcher = new NotificationDispatcher(
            [
                new WebhookChannel("broken", failing.Url, WebhookFormat.Json, http),
                new WebhookChannel("slack", slack.Url, WebhookFormat.Slack, http),
                new WebhookChannel("teams", teams.Url, WebhookFormat.Teams, http),
            ],
            Fast, reports.Enqueue, async (_, ct) => await gate.Task.WaitAsync(ct));

        dispatcher.Post(Sample);
        dispatcher.Post(Sample with { Title = "second" });
        while (slack.Bodies.Count < 2 || teams.Bodies.Count < 2)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, failing.Requests);
        gate.SetResult();
        await dispatcher.DisposeAsync();

        Assert.Equal(2, reports.Count(r => r.Channel == "broken" && !r.Delivered && r.Attempts == 4));
        Assert.Equal(4, reports.Count(r => r.Delivered));
        Assert.Contains("*解約リスク: 山田商店（高）*", JsonDocument.Parse(slack.Bodies[0]).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var card = JsonDocument.Parse(teams.Bodies[0]).RootElement;
        Assert.Equal("MessageCard", card.GetProperty("@type").GetString());
        Assert.Equal("churn_probability", card.GetProperty("sections")[0].GetProperty("facts")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_QueueFull_DropsOldestAndReportsIt()
    {
        var gate = new TaskCompletionSource();
        var channel = new BlockingChannel(gate.Task);
        var reports = new ConcurrentQueue<DeliveryReport>();
        var dispatcher = new NotificationDispatcher([channel], Fast, reports.Enqueue, capacity: 2);

        for (var i = 0; i < 6; i++)
        {
            dispatcher.Post(Sample with { Title = $"n{i}" });
        }

        gate.SetResult();
        await dispatcher.DisposeAsync();

        Assert.Equal(6, reports.Count);
        Assert.Contains(reports, r => !r.Delivered && r.Error!.Contains("queue full", StringComparison.Ordinal));
        Assert.Contains("n5", channel.Sent);
    }

    [Fact]
    public void RetryOptions_DelayBefore_DoublesUpToCeiling()
    {
        var options = new RetryOptions { InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(1, 5).Select(r => options.DelayBefore(r).TotalSeconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryOptions { MaxAttempts = 0 }.Validate());
    }

    private sealed class BlockingChannel(Task gate) : INotificationChannel
    {
        public ConcurrentQueue<string> Sent { get; } = new();

        public string Name => "blocking";

        public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            await gate;
            Sent.Enqueue(notification.Title);
        }
    }
}
