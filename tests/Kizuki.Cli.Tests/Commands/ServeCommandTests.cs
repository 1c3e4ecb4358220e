using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuki.Cli;
using Kizuki.Cli.Commands;
using Kizuki.Storage;
using Kizuki.Web;

namespace Kizuki.Tests.Commands;

public sealed class ServeCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Serve_FreePort_HealthAnswersUntilCancelled()
    {
        using var dir = new TempDirectory();
        using var host = new CommandHost((g, e, started) => ServeCommand.Create(g, e, started));

        var run = host.InvokeAsync("serve", "--urls", "http://127.0.0.1:0", "--data-dir", dir.Path, "--lang", "en");
        var address = await host.Address(run, Patience);
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var health = await http.GetAsync("/health");
        var today = await http.GetAsync("/api/today");
        host.Stop();
        var exit = await run.WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, today.StatusCode);
        Assert.Equal(0, exit);
        Assert.Contains($"Dashboard: {address}", host.Out, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/health"));
    }

    [Fact]
    public async Task DemoServe_PrintsUrlAndAdminPasswordThatSignsIn()
    {
        using var dir = new TempDirectory();
        using var host = new CommandHost((g, e, started) => DemoCommand.Create(g, e, started));

        var run = host.InvokeAsync("demo", "--customers", "300", "--no-train", "--serve", "--urls", "http://127.0.0.1:0", "--data-dir", dir.Path, "--lang", "en");
        var address = await host.Address(run, Patience);
        var password = host.Out.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("Password: ", StringComparison.Ordinal))["Password: ".Length..];
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var signIn = await http.PostAsJsonAsync("/auth/sign-in", new { name = "admin", password });
        var me = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        host.Stop();
        var exit = await run.WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal(0, exit);
        Assert.Contains($"Dashboard: {address}", host.Out, StringComparison.Ordinal);
        Assert.Equal(20, password.Length);
        using var store = StoreFactory.Open(dir.Path);
        Assert.DoesNotContain(password, AccountStores.For(store).FindUser("admin")!.PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoServeJson_StandardOutputIsOneJsonObject_SignInGoesToStandardError()
    {
        using var dir = new TempDirectory();
        using var host = new CommandHost((g, e, started) => DemoCommand.Create(g, e, started));

        var run = host.InvokeAsync("demo", "--customers", "300", "--no-train", "--serve", "--json", "--urls", "http://127.0.0.1:0", "--data-dir", dir.Path, "--lang", "en");
        var address = await host.Address(run, Patience);
        host.Stop();
        var exit = await run.WaitAsync(Patience);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(host.Out);
        Assert.Equal(300, json.RootElement.GetProperty("customers").GetInt32());
        Assert.Contains($"Dashboard: {address}", host.Error, StringComparison.Ordinal);
        Assert.Contains("Password: ", host.Error, StringComparison.Ordinal);
    }
}
