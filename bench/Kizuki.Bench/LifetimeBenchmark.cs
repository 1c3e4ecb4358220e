using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Kizuki.Lifetime;

namespace Kizuki.Bench;

/// <summary>
/// <c>lifetime</c>: summaries of 1,000,000 synthetic customers, the CDNOW fits (BG/NBD, Pareto/NBD), and the Online
/// Retail evaluation (calibrate to 90 days before the end, predict the last 90 days). <c>--customers 0</c> skips the summaries.
/// </summary>
internal static class LifetimeBenchmark
{
    public static int Run(string[] args)
    {
        var customers = 1_000_000;
        var shared = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "shared", "data"));
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--customers": customers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--shared": shared = args[i + 1]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        if (customers > 0)
        {
            Summaries(customers);
        }

        Cdnow(Path.Combine(shared, "cdnow", "CDNOW_sample.txt"));
        OnlineRetail(Path.Combine(shared, "online-retail", "online_retail.csv.gz"));
        return 0;
    }

    private static void Summaries(int customers)
    {
        var random = new Random(42);
        var start = new DateOnly(2024, 1, 1);
        var purchases = new List<Purchase>(customers * 5);
        for (var c = 0; c < customers; c++)
        {
            var id = "C" + c.ToString("D7", CultureInfo.InvariantCulture);
            var n = 1 + random.Next(9);
            for (var k = 0; k < n; k++)
            {
                purchases.Add(new Purchase(id, start.AddDays(random.Next(730)), 1000 + random.Next(9000)));
            }
        }

        // Shuffle so that the counting sort does real work.
        for (var i = purchases.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (purchases[i], purchases[j]) = (purchases[j], purchases[i]);
        }

        for (var round = 0; round < 3; round++)
        {
            var (wall, cpu) = Measure(() => CustomerSummaries.FromPurchases(purchases, new DateOnly(2025, 12, 31), TimePeriod.Day));
            Console.WriteLine($"summaries: {customers:N0} customers, {purchases.Count:N0} purchases (shuffled): {wall:F2} s wall, {cpu:F2} s CPU");
        }
    }

    private static void Cdnow(string path)
    {
        var purchases = File.ReadLines(path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 5)
            .Select(f => new Purchase(f[1], DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToArray();
        var summaries = CustomerSummaries.FromPurchases(purchases, new DateOnly(1997, 9, 30), TimePeriod.Week);
        foreach (var (name, fit) in new (string, Func<object>)[]
        {
            ("BG/NBD", () => BgNbdModel.Fit(summaries, TimePeriod.Week)),
            ("Pareto/NBD", () => ParetoNbdModel.Fit(summaries, TimePeriod.Week)),
            ("Gamma-Gamma", () => GammaGammaModel.Fit(summaries)),
        })
        {
            fit(); // warm-up (JIT)
            var runs = Enumerable.Range(0, 5).Select(_ => Measure(() => fit())).ToArray();
            Console.WriteLine($"CDNOW {name} fit ({summaries.Count:N0} customers): median {Median(runs.Select(r => r.Wall)) * 1000:F0} ms wall, {Median(runs.Select(r => r.Cpu)) * 1000:F0} ms CPU; {fit()}");
        }
    }

    private static void OnlineRetail(string path)
    {
        // One purchase per invoice: cancellations (C...) and lines without a customer are left out.
        var invoices = new Dictionary<string, (string Customer, DateOnly Day, double Amount)>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var f = RetailMetrics.SplitCsv(line);
                if (f[6].Length == 0 || f[0].StartsWith('C'))
                {
                    continue;
                }

                var amount = double.Parse(f[3], CultureInfo.InvariantCulture) * double.Parse(f[5], CultureInfo.InvariantCulture);
                var day = DateOnly.ParseExact(f[4][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                invoices[f[0]] = invoices.TryGetValue(f[0], out var v) ? (v.Customer, v.Day, v.Amount + amount) : (f[6], day, amount);
            }
        }

        var purchases = invoices.Values.Select(v => new Purchase(v.Customer, v.Day, v.Amount)).ToArray();
        var end = purchases.Max(p => p.Day);
        var calibrationEnd = end.AddDays(-90);
        var summaries = CustomerSummaries.FromPurchases(purchases, calibrationEnd, TimePeriod.Day);
        var actual = purchases.Where(p => p.Day > calibrationEnd).GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.Select(p => p.Day).Distinct().Count());
        Console.WriteLine($"Online Retail: {invoices.Count:N0} invoices, {summaries.Count:N0} customers calibrated to {calibrationEnd:yyyy-MM-dd}, holdout {calibrationEnd.AddDays(1):yyyy-MM-dd}..{end:yyyy-MM-dd} (90 days)");
        foreach (var fit in new Func<IPurchaseModel>[] { () => BgNbdModel.Fit(summaries, TimePeriod.Day), () => ParetoNbdModel.Fit(summaries, TimePeriod.Day) })
        {
            IPurchaseModel model;
            try
            {
                model = fit();
            }
            catch (LifetimeFitException e)
            {
                Console.WriteLine($"  {e.Message}");
                continue;
            }

            var predicted = summaries.Select(s => model.ConditionalExpectedPurchases(90, s.Frequency, s.Recency, s.Age)).ToArray();
            var truth = summaries.Select(s => (double)actual.GetValueOrDefault(s.CustomerId)).ToArray();
            var mae = predicted.Zip(truth, (p, t) => Math.Abs(p - t)).Average();
            var alive = summaries.Select(s => model.ProbabilityAlive(s.Frequency, s.Recency, s.Age)).ToArray();
            var none = summaries.Select(s => model.ProbabilityNoPurchase(90, s.Frequency, s.Recency, s.Age)).ToArray();
            var churned = truth.Select(t => t == 0).ToArray();
            Console.WriteLine($"  {model}");
            Console.WriteLine($"  per-customer MAE {mae:F3} purchases (mean actual {truth.Average():F3}, mean predicted {predicted.Average():F3}), " +
                $"correlation {RetailMetrics.Correlation(predicted, truth):F3}; churn (no purchase in the holdout, {churned.Count(c => c):N0} of {churned.Length:N0}) AUC of 1 − P(alive) {RetailMetrics.Auc(alive.Select(a => 1 - a).ToArray(), churned):F3}, " +
                $"AUC of −expected purchases {RetailMetrics.Auc(predicted.Select(p => -p).ToArray(), churned):F3}, of P(no purchase in 90 d) {RetailMetrics.Auc(none, churned):F3}");
        }
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
