using System.Text.Json;
using Kizuki.Configuration;
using Kizuki.LiveScoring;
using Kizuki.Storage;
using Kizuki.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuki.Web.Api;

/// <summary>
/// <c>POST /api/events</c>: one event or an array of events (the import's entity shapes plus <c>kind</c>), written durably
/// and scored live. Managers and admins (users or API keys) may send events; staff may not.
/// </summary>
/// <remarks>
/// The answer comes after the valid events are committed: 200 with one result per event (accepted, duplicate, or rejected
/// with its problems), so a client can resend only what was rejected. The live service starts with the first event.
/// </remarks>
internal static class EventsEndpoints
{
    /// <summary>Most events in one request.</summary>
    public const int MaxEvents = 10_000;

    public static void MapEventsApi(this RouteGroupBuilder api)
    {
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        var live = new Lazy<LiveService>(() => StartLive(services), LazyThreadSafetyMode.ExecutionAndPublication);
        services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() =>
        {
            if (live.IsValueCreated)
            {
                live.Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
        api.MapPost("/events", (HttpRequest request, CancellationToken cancel) => Post(request, live, cancel))
            .RequireAuthorization(KizukiSecurity.ManagePolicy)
            .WithName("PostEvents").WithTags("events")
            .WithSummary("Sends events (one JSON object or an array); acknowledged after the durable write (manager or admin)");
    }

    private static async Task<Results<Ok<EventsAnswer>, ProblemHttpResult>> Post(HttpRequest request, Lazy<LiveService> live, CancellationToken cancel)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancel);
        }
        catch (JsonException e)
        {
            return Problems.BadRequest($"本文が JSON ではありません（{e.Message}）。 / The body is not JSON ({e.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > MaxEvents)
            {
                return Problems.BadRequest($"1 回に送れるイベントは {MaxEvents:N0} 件までです。 / Send at most {MaxEvents:N0} events per request.");
            }

            if (root.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
            {
                return Problems.BadRequest("本文はイベント 1 件（オブジェクト）か配列です。 / The body is one event (an object) or an array of events.");
            }

            var service = live.Value;
            return TypedResults.Ok(await service.SubmitAsync(service.Read(root)));
        }
    }

    private static LiveService StartLive(IServiceProvider services)
    {
        var options = services.GetRequiredService<KizukiWebOptions>();
        return LiveService.Start(options.DataDirectory, services.GetRequiredService<KizukiSettings>(), services.GetRequiredService<IStore>(),
            services.GetRequiredService<IWorkStore>(), services.GetRequiredService<TimeProvider>());
    }
}
