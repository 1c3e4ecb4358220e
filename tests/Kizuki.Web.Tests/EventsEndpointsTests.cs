using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kizuki.Storage;

namespace Kizuki.Web.Tests;

public sealed class EventsEndpointsTests : IDisposable
{
    private readonly KizukiWebFactory factory = new();

    public void Dispose() => factory.Dispose();

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task PostEvents_BatchWithOneBadEvent_KeepsValidOnesAndReturnsEachResult()
    {
        var client = factory.WithKey(factory.Samples.ManagerKey);
        const string body = """
            [{"kind":"activity","activity_id":"live-a1","customer_id":"c1","occurred_at":"2024-04-02T09:00:00Z","type":"login"},
             {"kind":"activity","activity_id":"live-a2","customer_id":"c1","occurred_at":"yesterday","type":"login"},
             {"kind":"order","order_id":"live-o1","customer_id":"c2","ordered_at":"2024-04-02T10:00:00Z","amount":5000}]
            """;

        var first = await client.PostAsync("/api/events", Json(body));
        var second = await client.PostAsync("/api/events", Json(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(1, answer.GetProperty("rejected").GetInt32());
        var bad = answer.GetProperty("results")[1];
        Assert.Equal(1, bad.GetProperty("index").GetInt32());
        Assert.Equal("rejected", bad.GetProperty("status").GetString());
        var error = bad.GetProperty("errors")[0];
        Assert.Equal("occurred_at", error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("messageJa").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("messageEn").GetString()));
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        var store = (IStore)factory.Services.GetService(typeof(IStore))!;
        Assert.Single(store.Activities("c1"), a => a.Id == "live-a1");
        Assert.Single(store.Orders("c2"), o => o.Id == "live-o1");
    }

    [Fact]
    public async Task PostEvents_ByStaffKey_Is403AndWritesNothing()
    {
        var response = await factory.WithKey(factory.Samples.StaffKey).PostAsync("/api/events",
            Json("""{"kind":"activity","activity_id":"staff-a1","customer_id":"c1","occurred_at":"2024-04-02T09:00:00Z","type":"login"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var store = (IStore)factory.Services.GetService(typeof(IStore))!;
        Assert.DoesNotContain(store.Activities("c1"), a => a.Id == "staff-a1");
    }

    [Fact]
    public async Task PostEvents_NotJson_Is400()
    {
        var response = await factory.WithKey(factory.Samples.ManagerKey).PostAsync("/api/events", Json("{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
