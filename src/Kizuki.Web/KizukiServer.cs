using Kizuki.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kizuki.Web;

/// <summary>Starts the dashboard in-process: what <c>kizuki serve</c> and <c>kizuki demo --serve</c> call.</summary>
public static class KizukiServer
{
    /// <summary>Builds and starts the dashboard; dispose the result to stop it.</summary>
    /// <param name="dataDirectory">The data directory to serve.</param>
    /// <param name="urls">Listening addresses, e.g. <c>http://127.0.0.1:5080</c> (port 0 picks a free port).</param>
    /// <param name="databaseUrl">A PostgreSQL URL, or null for the data directory's SQLite file (or settings.json's database).</param>
    /// <param name="language">The dashboard's default language (ja or en); null for settings.json's.</param>
    /// <param name="time">The clock; null for the system clock.</param>
    public static async Task<RunningServer> StartAsync(
        string dataDirectory, string urls = KizukiWebOptions.DefaultUrls, string? databaseUrl = null, string? language = null, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var args = new List<string> { "--urls=" + urls, "--Kizuki:DataDirectory=" + Path.GetFullPath(dataDirectory) };
        if (!string.IsNullOrWhiteSpace(databaseUrl))
        {
            args.Add("--Kizuki:Database=" + databaseUrl);
        }

        if (!string.IsNullOrWhiteSpace(language))
        {
            args.Add("--Kizuki:Language=" + language);
        }

        var app = KizukiWebApp.Build([.. args], builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }
        });
        try
        {
            // Build the score snapshot before listening, so the first page renders as fast as every later one.
            await Task.Run(() => app.Services.GetRequiredService<Dashboard.ScoreBoard>().Current()).ConfigureAwait(false);
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        return new RunningServer(app, addresses);
    }

    /// <summary>
    /// For the demo: starts the dashboard and adds an admin user with a freshly generated password (or a new password
    /// when the user exists, replacing nothing else). The password is returned once and stored only as its hash.
    /// </summary>
    /// <param name="dataDirectory">The data directory to serve.</param>
    /// <param name="urls">Listening addresses (port 0 picks a free port).</param>
    /// <param name="adminName">The admin's name; a number is appended when the name is taken (admin2, admin3, ...).</param>
    /// <param name="language">The dashboard's default language (ja or en); null for settings.json's.</param>
    /// <param name="time">The clock; null for the system clock.</param>
    /// <param name="databaseUrl">A PostgreSQL URL, or null for the data directory's SQLite file (or settings.json's database).</param>
    public static async Task<(RunningServer Server, string AdminName, string AdminPassword)> StartWithAdminAsync(
        string dataDirectory, string urls = KizukiWebOptions.DefaultUrls, string adminName = "admin", string? language = null, TimeProvider? time = null,
        string? databaseUrl = null)
    {
        var server = await StartAsync(dataDirectory, urls, databaseUrl, language, time).ConfigureAwait(false);
        var accounts = server.App.Services.GetRequiredService<IAccountStore>();
        var clock = server.App.Services.GetRequiredService<TimeProvider>();
        var name = adminName;
        for (var n = 2; accounts.FindUser(name) is not null; n++)
        {
            name = adminName + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var password = PasswordHasher.Generate();
        accounts.AddUser(new UserAccount(name, AccountRole.Admin, PasswordHasher.Hash(password), clock.GetUtcNow()), "cli");
        return (server, name, password);
    }
}

/// <summary>A started dashboard: where it listens; dispose to stop it.</summary>
public sealed class RunningServer(WebApplication app, IReadOnlyList<string> addresses) : IAsyncDisposable
{
    /// <summary>The running application.</summary>
    public WebApplication App { get; } = app;

    /// <summary>The addresses it listens on, e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public IReadOnlyList<string> Addresses { get; } = addresses;

    /// <summary>Waits until the process is asked to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => App.WaitForShutdownAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
