using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuki.Web.Tests;

/// <summary>The app in memory on a sample data directory, with a fixed clock.</summary>
internal sealed class KizukiWebFactory : WebApplicationFactory<Program>
{
    private readonly WebSamples samples = new();

    public WebSamples Samples => samples;

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient WithKey(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<HttpClient> SignedIn(string name, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsJsonAsync("/auth/sign-in", new { name, password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kizuki:DataDirectory", samples.Directory);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedTime(WebSamples.Now)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            samples.Dispose();
        }
    }
}

/// <summary>A clock that always reads the same instant.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
