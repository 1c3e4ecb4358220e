using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kizuki.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kizuki.Web.Tests;

/// <summary>Alerts, tasks and rules through the API, over the real work store and settings file of a sample data directory.</summary>
public sealed class WorkFeedTests : IDisposable
{
    private const string OrderRule = "rule \"注文途絶\" when days_since_last_order >= 10 then severity high";
    private readonly KizukiWebFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Alerts_RaisedByTheScorer_AppearInFeedAndToday()
    {
        RaiseAlert("c1", "注文途絶", "high");

        var alerts = await Json(await factory.WithKey(factory.Samples.StaffKey).GetAsync("/api/alerts"));
        var today = await Json(await factory.WithKey(factory.Samples.StaffKey).GetAsync("/api/today"));

        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal("株式会社あさひ", alert.GetProperty("customerName").GetString());
        Assert.Contains("解約確率 72%", alert.GetProperty("messageJa").GetString(), StringComparison.Ordinal);
        Assert.Equal("c1", Assert.Single(today.GetProperty("alerts").EnumerateArray()).GetProperty("customerId").GetString());
        Assert.Equal("open", Assert.Single(today.GetProperty("tasks").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task UpdateTask_StaffKey_SetsStatusAddsNoteAndAudits()
    {
        var task = RaiseAlert("c1", "注文途絶", "high");
        var staff = factory.WithKey(factory.Samples.StaffKey);

        var response = await staff.PatchAsJsonAsync($"/api/tasks/{task.Id}", new { status = "saved", note = "電話で継続を確認" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = Assert.Single((await Json(await staff.GetAsync("/api/customers/c1/tasks"))).EnumerateArray());
        Assert.Equal("saved", listed.GetProperty("status").GetString());
        Assert.Contains("電話で継続を確認", listed.GetProperty("notes").GetString(), StringComparison.Ordinal);
        Assert.Empty((await Json(await staff.GetAsync("/api/today"))).GetProperty("tasks").EnumerateArray());
        using var store = StoreFactory.Open(factory.Samples.Directory);
        using var work = WorkStores.For(store);
        Assert.Contains(work.Outcomes(), o => o.CustomerId == "c1" && !o.Churned);
        Assert.Contains(AccountStores.For(store).AuditLog(), e => e.Action == "task.update" && e.Target == task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task UpdateTask_UnknownStatusOrTask_Is400Or404()
    {
        var task = RaiseAlert("c1", "注文途絶", "high");
        var staff = factory.WithKey(factory.Samples.StaffKey);

        var bad = await staff.PatchAsJsonAsync($"/api/tasks/{task.Id}", new { status = "done" });
        var missing = await staff.PatchAsJsonAsync("/api/tasks/999", new { status = "lost" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("open, contacted, saved or lost", (await Json(bad)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task SaveRule_StaffKey_Is403AndSettingsUnchanged()
    {
        var response = await factory.WithKey(factory.Samples.StaffKey).PutAsJsonAsync("/api/rules/注文途絶", new { text = OrderRule });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.Samples.Directory, "settings.json")));
    }

    [Fact]
    public async Task SaveRule_ManagerKey_WritesSettingsKeepsOthersAndShowsDryRunCount()
    {
        var settings = Path.Combine(factory.Samples.Directory, "settings.json");
        File.WriteAllText(settings, """
            { "language": "en", "alerts": { "rules": [ "rule \"長期不在\" when days_since_last_order >= 100 then severity low" ] } }
            """);
        var manager = factory.WithKey(factory.Samples.ManagerKey);

        var response = await manager.PutAsJsonAsync("/api/rules/注文途絶", new { text = OrderRule });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await Json(response)).GetProperty("dryRunCount").GetInt32());
        var saved = Configuration.KizukiSettings.Load(factory.Samples.Directory);
        Assert.Equal("en", saved.Language);
        Assert.Equal(2, saved.Alerts.Rules.Count);
        Assert.Equal(OrderRule, saved.Alerts.Rules[1]);
        var rules = (await Json(await manager.GetAsync("/api/rules"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["長期不在", "注文途絶"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal([0, 1], rules.Select(r => r.GetProperty("dryRunCount").GetInt32()));
        Assert.Contains(AccountStores.For(factory.Services.GetRequiredService<IStore>()).AuditLog(), e => e.Action == "rule.save" && e.Target == "注文途絶");
    }

    [Fact]
    public async Task SaveRule_ExistingRule_ReplacesItsEntry()
    {
        File.WriteAllText(Path.Combine(factory.Samples.Directory, "settings.json"), $$"""{ "alerts": { "rules": [ {{JsonSerializer.Serialize(OrderRule)}} ] } }""");
        var changed = OrderRule.Replace(">= 10", ">= 30", StringComparison.Ordinal);

        var response = await factory.WithKey(factory.Samples.ManagerKey).PutAsJsonAsync("/api/rules/注文途絶", new { text = changed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await Json(response)).GetProperty("dryRunCount").GetInt32());
        Assert.Equal([changed], Configuration.KizukiSettings.Load(factory.Samples.Directory).Alerts.Rules);
    }

    [Fact]
    public async Task SaveRule_UnknownFeature_Is400WithLineAndColumn()
    {
        var response = await factory.WithKey(factory.Samples.ManagerKey)
            .PutAsJsonAsync("/api/rules/x", new { text = "rule \"x\"\nwhen no_such_feature > 1 then severity high" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Assert.Single((await Json(response)).GetProperty("errors").GetProperty("text").EnumerateArray()).GetString()!;
        Assert.StartsWith("2行6列: ", problem, StringComparison.Ordinal);
        Assert.Contains("line 2, column 6: ", problem, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.Samples.Directory, "settings.json")));
    }

    private WorkTask RaiseAlert(string customerId, string rule, string severity)
    {
        using var store = StoreFactory.Open(factory.Samples.Directory);
        using var work = WorkStores.For(store);
        var at = WebSamples.Now.AddHours(-2);
        return Assert.Single(work.Raise([new StoredAlert(StoredAlert.IdOf(customerId, rule, at), rule, customerId, severity, at, 0.72, "orders", null, false)], at));
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
