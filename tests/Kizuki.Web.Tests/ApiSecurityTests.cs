using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuki.Web.Tests;

public sealed class ApiSecurityTests : IDisposable
{
    private readonly KizukiWebFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task EveryApiRoute_WithoutCredentials_Is401()
    {
        var client = factory.Anonymous();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal)
                || e.RoutePattern.RawText!.StartsWith("/openapi", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(routes.Count >= 20, $"only {routes.Count} API routes found");
        foreach (var (method, pattern) in routes)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([a-zA-Z]+)(:int)?\}", m => m.Groups[2].Success ? "1" : "x");
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Health_WithoutCredentials_IsOk()
    {
        var response = await factory.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Page_WithoutSignIn_RedirectsToLogin()
    {
        var response = await factory.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/api/rules/r1")]
    [InlineData("POST", "/api/models/1/activate")]
    [InlineData("POST", "/api/users")]
    [InlineData("PUT", "/api/users/staff/role")]
    [InlineData("POST", "/api/apikeys")]
    [InlineData("GET", "/api/audit")]
    public async Task StaffKey_ChangingRulesModelsOrUsers_Is403(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = JsonContent.Create(new { name = "x", password = "long-enough-1", role = "staff", text = "x" }),
        };

        var response = await factory.WithKey(factory.Samples.StaffKey).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task WrongKey_Is401()
    {
        var response = await factory.WithKey("kz_000000000000_notakey").GetAsync("/api/today");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_Is401AndAudited()
    {
        var response = await factory.Anonymous().PostAsJsonAsync("/auth/sign-in", new { name = "admin", password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var audit = await factory.WithKey(factory.Samples.ManagerKey).GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "user.signin.failed");
    }

    [Fact]
    public async Task SignIn_RightPassword_CookieReadsApi()
    {
        var client = await factory.SignedIn("staff", WebSamples.StaffPassword);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("staff", me.GetProperty("name").GetString());
        Assert.Equal("staff", me.GetProperty("role").GetString());
        Assert.Equal("Asia/Tokyo", me.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task AddUser_ByAdmin_CreatesUserAndWritesAudit()
    {
        var client = await factory.SignedIn("admin", WebSamples.AdminPassword);

        var response = await client.PostAsJsonAsync("/api/users", new { name = "hanako", password = "hanako-password", role = "manager" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var audit = await client.GetFromJsonAsync<JsonElement>("/api/audit");
        var entry = audit.EnumerateArray().First(e => e.GetProperty("action").GetString() == "user.add" && e.GetProperty("target").GetString() == "hanako");
        Assert.Equal("user:admin", entry.GetProperty("actor").GetString());
        Assert.Equal(WebSamples.Now, entry.GetProperty("at").GetDateTimeOffset());
        var signedIn = await factory.SignedIn("hanako", "hanako-password");
        Assert.Equal("manager", (await signedIn.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("role").GetString());
    }

    [Fact]
    public async Task AddAdmin_ByManager_Is403()
    {
        var response = await factory.WithKey(factory.Samples.ManagerKey)
            .PostAsJsonAsync("/api/users", new { name = "boss", password = "boss-password", role = "admin" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreateApiKey_ByManager_ReturnsKeyThatWorksOnce()
    {
        var created = await factory.WithKey(factory.Samples.ManagerKey).PostAsJsonAsync("/api/apikeys", new { role = "staff", label = "crm" });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;

        var today = await factory.WithKey(key).GetAsync("/api/today");
        var list = await factory.WithKey(factory.Samples.ManagerKey).GetStringAsync("/api/apikeys");

        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivateMissingModel_ByManager_Is404()
    {
        var response = await factory.WithKey(factory.Samples.ManagerKey).PostAsync("/api/models/9/activate", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
