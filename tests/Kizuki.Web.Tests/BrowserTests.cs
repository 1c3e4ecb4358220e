using Microsoft.Playwright;

namespace Kizuki.Web.Tests;

/// <summary>Debian's Chromium, driven by Playwright, against the real server on a free port.</summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_SignInTodayCustomerLanguage_Works()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium");
        using var samples = new WebSamples();
        var (server, name, password) = await KizukiServer.StartWithAdminAsync(samples.Directory, "http://127.0.0.1:0", "demo-admin", "ja", new FixedTime(WebSamples.Now));
        await using var _ = server;
        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(shots);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
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

        await page.ClickAsync("text=株式会社あさひ");
        await page.WaitForSelectorAsync("#customer-name");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "customer-ja.png"), FullPage = true });
        Assert.Contains("最終注文から20日", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.ClickAsync("#lang");
        await page.WaitForSelectorAsync("text=Raising the risk");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "customer-en.png"), FullPage = true });
        var customer = await page.InnerTextAsync("main");
        Assert.Contains("20 days since the last order", customer, StringComparison.Ordinal);
        Assert.Contains("2026-02-23", customer, StringComparison.Ordinal);

        await page.ClickAsync("header nav a[href='#/segments']");
        await page.WaitForSelectorAsync("text=retail");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "segments-en.png"), FullPage = true });

        // No rule engine is wired into the dashboard yet (see Dashboard/Seams.cs), so the Rules page says so rather than editing.
        await page.ClickAsync("header nav a[href='#/rules']");
        await page.WaitForSelectorAsync("text=No rules yet.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "rules-en.png"), FullPage = true });

        await page.ClickAsync("#signout");
        await page.WaitForURLAsync("**/login");
        Assert.True(File.Exists(Path.Combine(shots, "customer-en.png")));
    }
}
