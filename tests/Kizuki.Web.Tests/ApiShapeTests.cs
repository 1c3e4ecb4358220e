using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kizuki.Web.Tests;

public sealed class ApiShapeTests : IDisposable
{
    private readonly KizukiWebFactory factory = new();

    public void Dispose() => factory.Dispose();

    private HttpClient Staff => factory.WithKey(factory.Samples.StaffKey);

    [Fact]
    public async Task Today_SampleScores_BandsChangesAndAtRiskByRevenue()
    {
        var today = await Staff.GetFromJsonAsync<JsonElement>("/api/today");

        Assert.Equal(WebSamples.Now, today.GetProperty("asOf").GetDateTimeOffset());
        Assert.Equal(1, today.GetProperty("bands").GetProperty("high").GetInt32());
        Assert.Equal(0, today.GetProperty("weekBefore").GetProperty("high").GetInt32());
        Assert.Equal(1, today.GetProperty("weekBefore").GetProperty("medium").GetInt32());
        Assert.Equal(29000m, today.GetProperty("revenueAtRisk").GetDecimal());
        var atRisk = today.GetProperty("atRisk").EnumerateArray().ToList();
        Assert.Equal(["c2", "c1"], atRisk.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("電話で近況を伺う", atRisk[1].GetProperty("actionJa").GetString());
        Assert.Equal("20 days since the last order", atRisk[1].GetProperty("topReasonEn").GetString());
        Assert.Equal(JsonValueKind.Array, today.GetProperty("alerts").ValueKind);
    }

    [Fact]
    public async Task Customers_FilterByBandAndSortByProbability()
    {
        var high = await Staff.GetFromJsonAsync<JsonElement>("/api/customers?band=high");
        var byProbability = await Staff.GetFromJsonAsync<JsonElement>("/api/customers?sort=probability");

        Assert.Equal(1, high.GetProperty("total").GetInt32());
        Assert.Equal("high", high.GetProperty("items")[0].GetProperty("band").GetString());
        Assert.Equal(["c1", "c2", "c3"], byProbability.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Customers_UnknownBand_Is400WithProblem()
    {
        var response = await Staff.GetAsync("/api/customers?band=severe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("severe", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_Detail_HasHistoryReasonsAndTimeline()
    {
        var detail = await Staff.GetFromJsonAsync<JsonElement>("/api/customers/c1");

        Assert.Equal("株式会社あさひ", detail.GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal([0.30, 0.72], detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("probability").GetDouble()));
        Assert.Equal(12.5, detail.GetProperty("reasons").GetProperty("raising")[0].GetProperty("probabilityPoints").GetDouble());
        var order = detail.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "order");
        Assert.Equal(12000m, order.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Customer_Unknown_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.GetAsync("/api/customers/nobody")).StatusCode);
    }

    [Fact]
    public async Task Segments_IndustryByPlan_ChurnRatePerCell()
    {
        var map = await Staff.GetFromJsonAsync<JsonElement>("/api/segments?rows=industry&columns=plan");

        var cell = map.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("row").GetString() == "retail" && c.GetProperty("column").GetString() == "basic");
        Assert.Equal(1.0, cell.GetProperty("churnRate").GetDouble());
        Assert.Equal(3, map.GetProperty("customers").GetInt32());
        Assert.Equal(1, map.GetProperty("churned").GetInt32());
    }

    [Fact]
    public async Task Models_EmptyRegistry_EmptyList()
    {
        var models = await Staff.GetFromJsonAsync<JsonElement>("/api/models");

        Assert.Equal(JsonValueKind.Null, models.GetProperty("active").ValueKind);
        Assert.Empty(models.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task OpenApi_SignedIn_DescribesApiRoutes()
    {
        var document = await Staff.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/customers/{id}", paths);
        Assert.Contains("/api/today", paths);
        Assert.Contains("/health", paths);
    }
}
