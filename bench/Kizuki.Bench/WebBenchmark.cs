using System.Diagnostics;
using System.Globalization;
using Kizuki.Domain;
using Kizuki.Explanations;
using Kizuki.Storage;
using Kizuki.Web;

namespace Kizuki.Bench;

/// <summary>
/// <c>web</c>: the dashboard's API at a size (default 100,000 scored customers, two scorings a week apart, each score with
/// stored reasons): the first request (which builds the score snapshot) and then warm requests of Today, the customer
/// list, one customer and the segments, over real HTTP to the server on a free loopback port. Also times one password hash
/// at the default PBKDF2 iterations (what each sign-in costs the server).
/// </summary>
internal static class WebBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 15, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var customers = 100_000;
        var rounds = 30;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--customers": customers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        Passwords();
        var directory = Directory.CreateTempSubdirectory("kizuki-web-bench-").FullName;
        try
        {
            var key = Seed(directory, customers);
            RequestsAsync(directory, key, rounds).GetAwaiter().GetResult();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static void Passwords()
    {
        for (var round = 0; round < 3; round++)
        {
            string hash = "";
            var (wall, cpu) = Measure(() => hash = PasswordHasher.Hash("correct-horse-battery", PasswordHasher.DefaultIterations));
            var (verifyWall, verifyCpu) = Measure(() => PasswordHasher.Verify("correct-horse-battery", hash));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"password hash (PBKDF2-SHA256, {PasswordHasher.DefaultIterations:N0} iterations): {wall * 1000:F0} ms wall, {cpu * 1000:F0} ms CPU; verify {verifyWall * 1000:F0} ms wall, {verifyCpu * 1000:F0} ms CPU"));
        }
    }

    private static string Seed(string directory, int count)
    {
        var watch = Stopwatch.StartNew();
        using var store = StoreFactory.Open(directory);
        var random = new Random(42);
        string[] industries = ["小売業", "製造業", "IT・通信", "飲食業", "建設業", "士業"];
        string[] regions = ["東京都", "大阪府", "愛知県", "福岡県", "北海道"];
        string[] plans = ["Starter", "Standard", "Enterprise"];
        using (var session = store.BeginImport())
        {
            for (var c = 0; c < count; c++)
            {
                var segment = new CustomerSegment(industries[random.Next(industries.Length)], regions[random.Next(regions.Length)], plans[random.Next(plans.Length)]);
                session.Add(new Customer(Id(c), "株式会社サンプル" + c.ToString(CultureInfo.InvariantCulture), Now.AddDays(-random.Next(30, 1500)), segment, Customer.NoAttributes));
                if (random.NextDouble() < 0.08)
                {
                    session.Add(new ChurnEvent("x" + c.ToString(CultureInfo.InvariantCulture), Id(c), Now.AddDays(-random.Next(1, 365)), "price", null));
                }
            }

            session.Commit();
        }

        var features = new Dictionary<string, object?> { ["days_since_last_order"] = 20.0 };
        var scores = new List<StoredScore>(count * 2);
        foreach (var asOf in new[] { Now.AddDays(-7), Now })
        {
            for (var c = 0; c < count; c++)
            {
                var p = Math.Pow(random.NextDouble(), 3);
                var band = p >= 0.5 ? RiskBand.High : p >= 0.2 ? RiskBand.Medium : RiskBand.Low;
                var days = random.Next(1, 120);
                var reasons = ReasonsJson.Write(new CustomerReasons(
                    [
                        new Reason("orders", "days_since_last_order", 0.5, p * 30, $"最終注文から{days}日", $"{days} days since the last order"),
                        new Reason("logins", "logins_30d", 0.2, p * 10, "直近30日のログインが減少", "Fewer logins in the last 30 days"),
                    ],
                    [new Reason("tenure", "tenure_days", -0.1, -2, "利用期間が長い", "Long-standing customer")],
                    new SuggestedAction("orders", "電話で近況を伺う", "Call to check in")));
                scores.Add(new StoredScore(Id(c), asOf, 1, p, band, Math.Round((decimal)p * random.Next(5_000, 500_000)), features, asOf) { Reasons = reasons });
            }
        }

        store.SaveScores(scores);
        var (key, record) = ApiKeys.Create(AccountRole.Staff, "bench", "bench", Now);
        AccountStores.For(store).AddApiKey(record);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {count:N0} customers and {scores.Count:N0} scores with reasons in {watch.Elapsed.TotalSeconds:F1} s"));
        return key;
    }

    private static async Task RequestsAsync(string directory, string key, int rounds)
    {
        await using var server = await KizukiServer.StartAsync(directory, "http://127.0.0.1:0");
        using var http = new HttpClient { BaseAddress = new Uri(server.Addresses[0]) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var (coldWall, coldCpu, coldBytes) = await TimeAsync(http, "/api/today");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"/api/today first request (builds the snapshot): {coldWall:F0} ms wall, {coldCpu:F0} ms process CPU, {coldBytes:N0} bytes"));
        string[] paths =
        [
            "/api/today",
            "/api/customers",
            "/api/customers?band=high&sort=probability&limit=100",
            "/api/customers?q=" + Uri.EscapeDataString("サンプル4242"),
            "/api/customers/" + Id(4242),
            "/api/segments?rows=industry&columns=plan",
            "/",
        ];
        foreach (var path in paths)
        {
            var walls = new List<double>(rounds);
            var cpus = new List<double>(rounds);
            long bytes = 0;
            await TimeAsync(http, path);
            for (var r = 0; r < rounds; r++)
            {
                var (wall, cpu, size) = await TimeAsync(http, path);
                walls.Add(wall);
                cpus.Add(cpu);
                bytes = size;
            }

            walls.Sort();
            cpus.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: median {walls[rounds / 2]:F1} ms wall ({cpus[rounds / 2]:F1} ms CPU), p95 {walls[(int)(rounds * 0.95)]:F1} ms, {bytes:N0} bytes"));
        }
    }

    private static async Task<(double WallMs, double CpuMs, long Bytes)> TimeAsync(HttpClient http, string path)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        var wall = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
        }

        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds, body.LongLength);
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        process.Refresh();
        return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static string Id(int c) => "C" + c.ToString("D7", CultureInfo.InvariantCulture);
}
