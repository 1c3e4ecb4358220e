using System.Text.Json;
using System.Text.Json.Serialization;
using Kizuki.Configuration;
using Kizuki.Storage;
using Kizuki.Web.Api;
using Kizuki.Web.Dashboard;
using Kizuki.Web.Pages;
using Kizuki.Web.Security;

namespace Kizuki.Web;

/// <summary>Builds the dashboard application: services, sign-in, the REST API, the OpenAPI document and the pages.</summary>
public static class KizukiWebApp
{
    /// <summary>Builds the app from command-line style arguments (<c>--Kizuki:DataDirectory=PATH</c>, <c>--urls=URL</c>).</summary>
    /// <param name="args">Arguments read as configuration.</param>
    /// <param name="configure">Changes to the builder before the app is built (tests replace the clock here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(KizukiWebOptions.DefaultUrls);
        }

        AddServices(builder);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Options are read when first needed, so configuration added by a host (or a test factory) after this point applies.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(KizukiWebOptions.Section).Get<KizukiWebOptions>()?.Validated() ?? new KizukiWebOptions());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => KizukiSettings.Load(sp.GetRequiredService<KizukiWebOptions>().DataDirectory));
        services.AddSingleton<IStore>(sp =>
        {
            var options = sp.GetRequiredService<KizukiWebOptions>();
            Directory.CreateDirectory(options.DataDirectory);
            return StoreFactory.Open(options.DataDirectory, DatabaseUrl(options, sp.GetRequiredService<KizukiSettings>()));
        });
        services.AddSingleton(sp => AccountStores.For(
            sp.GetRequiredService<IStore>(), DatabaseUrl(sp.GetRequiredService<KizukiWebOptions>(), sp.GetRequiredService<KizukiSettings>())));
        services.AddSingleton<ScoreBoard>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(sp => WorkStores.For(
            sp.GetRequiredService<IStore>(), DatabaseUrl(sp.GetRequiredService<KizukiWebOptions>(), sp.GetRequiredService<KizukiSettings>())));
        services.AddSingleton<CustomerNames>();
        services.AddSingleton<IAlertFeed, WorkAlertFeed>();
        services.AddSingleton<ITaskBoard, WorkTaskBoard>();
        services.AddSingleton<IRuleBook, SettingsRuleBook>();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        services.AddOpenApi("v1");
        KizukiSecurity.Add(services);
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new HealthView("ok"))).AllowAnonymous().WithName("Health").WithTags("health");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapSignIn();
        var api = app.MapGroup("/api").RequireAuthorization(KizukiSecurity.ReadPolicy);
        api.MapTodayApi();
        api.MapCustomersApi();
        api.MapModelsApi();
        api.MapSegmentsApi();
        api.MapWorkApi();
        api.MapTaskApi();
        api.MapAdminApi();
        api.MapEventsApi();
        app.MapPages();
    }

    /// <summary>The database URL in force: the option, else settings.json's <c>database</c>, else null (SQLite).</summary>
    internal static string? DatabaseUrl(KizukiWebOptions options, KizukiSettings settings) =>
        string.IsNullOrWhiteSpace(options.Database) ? (string.IsNullOrWhiteSpace(settings.Database) ? null : settings.Database) : options.Database;
}

/// <summary>The health answer: the only thing served without sign-in.</summary>
/// <param name="Status"><c>ok</c> while the process serves.</param>
internal sealed record HealthView(string Status);
