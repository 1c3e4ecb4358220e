using Microsoft.Playwright;

namespace Kizuki.Web.Tests;

/// <summary>Debian's Chromium, driven by Playwright, against the real server on a free port.</summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_SignInTodayCustomerTasksLanguageRules_Works()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium");
        using var samples = new WebSamples();
        File.WriteAllText(Path.Combine(samples.Directory, "settings.json"),
            """{ "alerts": { "rules": [ "rule \"注文途絶\" when days_since_last_order >= 100 then severity high" ] } }""");
        using (var store = Kizuki.Storage.StoreFactory.Open(samples.Directory))
        using (var work = Kizuki.Storage.WorkStores.For(store))
        {
            var at = WebSamples.Now.AddHours(-2);
            work.Raise([new Kizuki.Storage.StoredAlert(Kizuki.Storage.StoredAlert.IdOf("c1", "注文途絶", at), "注文途絶", "c1", "high", at, 0.72, "orders", null, false)], at);
        }

        var (server, name, password) = await KizukiServer.StartWithAdminAsync(samples.Directory, "http://127.0.0.1:0", "demo-admin", "ja", new FixedTime(WebSamples.Now));
        await using var _ = server;
        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        // A bound on each wait, not a speed check: the 2-core CI machine is shared, and a loaded one can stall a step for many seconds.
        page.SetDefaultTimeout(120_000);
        var root = server.Addresses[0];

        await page.GotoAsync(root + "/");
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync("#at-risk");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "today-ja.png"), FullPage = true });
        Assert.Contains("優先して連絡すべき顧客", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("￥20,000", await page.InnerTextAsync("#at-risk"), StringComparison.Ordinal);
        Assert.Contains("「注文途絶」に該当", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.ClickAsync("text=株式会社あさひ");
        await page.WaitForSelectorAsync("#customer-name");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "customer-ja.png"), FullPage = true });
        Assert.Contains("最終注文から20日", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.SelectOptionAsync("#tasks .task-status", "contacted");
        await page.FillAsync("#tasks .task-note", "電話で近況を伺った");
        await page.ClickAsync("#tasks .task-save");
        await page.WaitForSelectorAsync("#tasks pre.notes");
        Assert.Contains("電話で近況を伺った", await page.InnerTextAsync("#tasks"), StringComparison.Ordinal);
        Assert.Equal("contacted", await page.InputValueAsync("#tasks .task-status"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "customer-tasks-ja.png"), FullPage = true });

        await page.ClickAsync("#lang");
        await page.WaitForSelectorAsync("text=Raising the risk");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "customer-en.png"), FullPage = true });
        var customer = await page.InnerTextAsync("main");
        Assert.Contains("20 days since the last order", customer, StringComparison.Ordinal);
        Assert.Contains("2026-02-23", customer, StringComparison.Ordinal);

        await page.ClickAsync("header nav a[href='#/segments']");
        await page.WaitForSelectorAsync("text=retail");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "segments-en.png"), FullPage = true });

        await page.ClickAsync("header nav a[href='#/rules']");
        await page.WaitForSelectorAsync("#rules, main .card.error");
        Assert.Null(await page.QuerySelectorAsync("main .card.error"));
        Assert.Contains("Would alert 0", await page.InnerTextAsync("#rules"), StringComparison.Ordinal);
        await page.ClickAsync("[data-edit='注文途絶']");
        await page.FillAsync("#rule-text", "rule \"注文途絶\" when days_since_last_ordr >= 10 then severity high");
        await page.ClickAsync("#rule-save");
        await page.WaitForSelectorAsync("#rule-problems li");
        Assert.Contains("line 1, column", await page.InnerTextAsync("#rule-problems"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "rules-error-en.png"), FullPage = true });
        await page.FillAsync("#rule-text", "rule \"注文途絶\" when days_since_last_order >= 10 then severity high");
        await page.ClickAsync("#rule-save");
        await page.WaitForSelectorAsync("#rules td.dry-run:has-text('Would alert 1')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "rules-en.png"), FullPage = true });
        Assert.Contains(">= 10", await page.InnerTextAsync("#rules"), StringComparison.Ordinal);

        // Wait for the navigation registered before the click, so a fast redirect is not missed.
        var signedOut = page.WaitForURLAsync("**/login");
        await page.ClickAsync("#signout");
        await signedOut;
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(shots, "customer-en.png")));
    }
}
