using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Kizuki.Explanations;
using Kizuki.LiveScoring;
using Kizuki.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuki.Bench;

/// <summary>
/// What storing churn scores costs on the embedded store, alone: a fresh store (at <c>--schema N</c>, the latest by
/// default) is pre-filled with <c>--customers</c> × <c>--as-ofs</c> scores, then <c>--rows</c> more are written in random
/// customer order, <c>--group</c> rows per transaction, through the live path's writer (<see cref="LiveScoreWriter"/>
/// inside a <see cref="SqliteLiveWrites"/> transaction, which commits with the data-generation bump, as a live group does).
/// Prints µs per row for the inserts and for the commit (wall and this thread's CPU) and the process CPU, then the
/// readers' cost on the filled store. <c>--migrate true</c> builds the store at <c>--schema</c>, pre-fills it, then times
/// the migration to the latest schema before the timed writes. <c>--statement</c> other than <c>live</c> writes through
/// the bench's own raw statement instead (<c>ScoreStoreBenchmark.Statements.cs</c>), to compare statements and text binding.
/// </summary>
/// <remarks>
/// Rows are sized like the live scorer's: features JSON of about 1.8 KB (sixty-one numeric and categorical values) and
/// reasons JSON of about 0.85 KB (two raising and one lowering reason with Japanese and English sentences, and an action).
/// </remarks>
internal static partial class ScoreStoreBenchmark
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        int Int(string name, int fallback) => int.Parse(Arg(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var customers = Int("--customers", 20_000);
        var asOfs = Int("--as-ofs", 8);
        var rows = Int("--rows", 20_000);
        var group = Int("--group", 50);
        var schema = Int("--schema", SqliteStore.LatestVersion);
        var migrate = Arg("--migrate", "false") == "true";
        var seed = Int("--seed", 7);
        var statement = Arg("--statement", "live");
        if (customers < 1 || asOfs < 0 || rows < 1 || group < 1 || schema < 3 || schema > SqliteStore.LatestVersion
            || statement is not ("live" or "upsert-utf16" or "upsert-utf8" or "insert-utf8"))
        {
            Console.Error.WriteLine($"--customers ≥ 1, --as-ofs ≥ 0, --rows ≥ 1, --group ≥ 1, --schema 3..{SqliteStore.LatestVersion}, --statement live|upsert-utf16|upsert-utf8|insert-utf8");
            return 2;
        }

        var work = Path.Combine(Arg("--dir", Path.GetTempPath()), "kizuki-scoresdb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var path = Path.Combine(work, StoreFactory.SqliteFileName);
            CreateAt(path, schema);
            using var store = new SqliteStore(path);
            var random = new Random(seed);
            var ids = Enumerable.Range(0, customers).Select(i => "C" + i.ToString("D6", CultureInfo.InvariantCulture)).ToArray();
            var day0 = new DateTimeOffset(2026, 11, 1, 15, 0, 0, TimeSpan.Zero);
            var scoredAt = day0.AddDays(asOfs + 1);
            var prefill = Stopwatch.StartNew();
            using (var writes = new SqliteLiveWrites(store))
            {
                var writer = new LiveScoreWriter(store);
                for (var day = 0; day < asOfs; day++)
                {
                    var order = Shuffled(ids, random);
                    foreach (var chunk in order.Chunk(500))
                    {
                        writes.Begin();
                        writer.Save([.. chunk.Select(id => Score(id, day0.AddDays(day), scoredAt, random))], writes);
                        writes.Commit();
                    }
                }
            }

            Checkpoint(store);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"schema v{schema}: pre-filled {customers:N0} customers × {asOfs} as-ofs = {(long)customers * asOfs:N0} scores in {prefill.Elapsed.TotalSeconds:F1} s; file {Megabytes(path):F0} MB"));
            if (migrate)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                store.Migrate();
                Checkpoint(store);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"migrated v{schema} → v{store.SchemaVersion} in {watch.Elapsed.TotalSeconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F2} s CPU; file {Megabytes(path):F0} MB"));
            }

            // The timed rows: each group is one live step (one as-of instant, its re-scored customers in random order).
            var live = day0.AddDays(asOfs);
            var groups = new List<StoredScore[]>();
            var sequence = Shuffled(ids, random);
            for (var start = 0; start < rows; start += group)
            {
                var asOf = live.AddMilliseconds(start);
                groups.Add([.. Enumerable.Range(start, Math.Min(group, rows - start)).Select(i => Score(sequence[i % customers], asOf, scoredAt, random))]);
            }

            var sizes = groups.SelectMany(g => g).Take(1000).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rows: features JSON {sizes.Average(s => System.Text.Encoding.UTF8.GetByteCount(ScoreJson.Write(s.Features))):F0} B, reasons JSON {sizes.Average(s => System.Text.Encoding.UTF8.GetByteCount(s.Reasons!)):F0} B on average"));
            if (statement == "live")
            {
                Timed(store, groups, rows);
            }
            else
            {
                TimedStatement(store, groups, rows, statement);
            }

            Reads(store, live);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static readonly string[] Numeric = [.. new[] { "orders", "order_amount", "logins", "feature_uses", "page_views", "email_opens", "tickets", "active_days" }
        .SelectMany(b => new[] { "_7d", "_30d", "_90d", "_180d", "_trend_30d" }.Select(w => b + w))
        .Concat(["days_since_last_order", "days_since_last_login", "days_since_last_ticket", "days_since_signup", "days_to_renewal",
            "seats", "seat_utilisation", "monthly_recurring_revenue", "nps_last", "csat_mean_90d", "login_streak_days",
            "discount_share_90d", "failed_payments_90d", "p_alive", "expected_purchases_90d", "customer_lifetime_value"])];

    private static readonly string[] Categorical = ["plan", "industry", "region", "company_size", "acquisition_channel"];

    private static readonly string[][] CategoryValues =
        [["basic", "standard", "premium"], ["retail", "manufacturing", "it", "food"], ["kanto", "kansai", "chubu", "kyushu"], ["1-9", "10-49", "50-249"], ["web", "referral", "partner"]];

    private static StoredScore Score(string id, DateTimeOffset asOf, DateTimeOffset scoredAt, Random random)
    {
        var features = new Dictionary<string, object?>(Numeric.Length + Categorical.Length);
        foreach (var name in Numeric)
        {
            features[name] = random.Next(4) switch
            {
                0 => (double)random.Next(200),
                1 => random.NextDouble(),
                2 => Math.Round(random.NextDouble() * 100_000, 2),
                _ => random.Next(10) == 0 ? null : random.NextDouble() * 10 - 5,
            };
        }

        for (var i = 0; i < Categorical.Length; i++)
        {
            features[Categorical[i]] = CategoryValues[i][random.Next(CategoryValues[i].Length)];
        }

        var probability = random.NextDouble();
        var band = probability >= 0.6 ? RiskBand.High : probability >= 0.3 ? RiskBand.Medium : RiskBand.Low;
        return new StoredScore(id, asOf, 1, probability, band, Math.Round((decimal)probability * random.Next(1_000, 200_000)), features, scoredAt)
        {
            Reasons = ReasonsJson.Write(new CustomerReasons(
                [Reason(random, "usage", "logins_30d", "ログイン回数が過去30日で42%減りました（12回→7回）", "Logins fell 42% over the last 30 days (12 → 7)"),
                    Reason(random, "support", "tickets_90d", "過去90日に問い合わせが5件ありました（うち未解決2件）", "5 support tickets in the last 90 days (2 still open)")],
                [Reason(random, "purchases", "order_amount_90d", "過去90日の購入額は¥128,000です", "Spent ¥128,000 in the last 90 days")],
                new SuggestedAction("usage", "担当者から活用支援の連絡をしましょう", "Have the account owner offer an onboarding session"))),
        };
    }

    private static Reason Reason(Random random, string group, string feature, string ja, string en) =>
        new(group, feature, random.NextDouble() - 0.5, random.NextDouble() * 20 - 10, ja, en);

    private static void Timed(SqliteStore store, List<StoredScore[]> groups, int rows)
    {
        using var writes = new SqliteLiveWrites(store);
        var writer = new LiveScoreWriter(store);
        writes.Begin();
        writes.Rollback();
        GC.Collect();
        var process = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long insertTicks = 0, commitTicks = 0, insertCpu = 0, commitCpu = 0;
        foreach (var scores in groups)
        {
            var t0 = Stopwatch.GetTimestamp();
            var c0 = ThreadCpuNanoseconds();
            writes.Begin();
            writer.Save(scores, writes);
            var t1 = Stopwatch.GetTimestamp();
            var c1 = ThreadCpuNanoseconds();
            writes.Commit();
            commitTicks += Stopwatch.GetTimestamp() - t1;
            commitCpu += ThreadCpuNanoseconds() - c1;
            insertTicks += t1 - t0;
            insertCpu += c1 - c0;
        }

        wall.Stop();
        var processCpu = (Process.GetCurrentProcess().TotalProcessorTime - process).TotalMicroseconds;
        double PerRow(long ticks) => ticks * 1e6 / Stopwatch.Frequency / rows;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows:N0} rows in {groups.Count:N0} transactions of {groups[0].Length}: insert {PerRow(insertTicks):F1} µs/row wall, {insertCpu / 1e3 / rows:F1} µs/row CPU; " +
            $"commit {PerRow(commitTicks):F1} µs/row wall, {commitCpu / 1e3 / rows:F1} µs/row CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total {wall.Elapsed.TotalMicroseconds / rows:F1} µs/row wall ({rows / wall.Elapsed.TotalSeconds:N0} rows/s), process CPU {processCpu / rows:F1} µs/row (with the background checkpoints: {writes.Checkpoints})"));
    }

    /// <summary>The readers on the filled store: the live scorer's warm start, one as-of, one customer, everything.</summary>
    private static void Reads(SqliteStore store, DateTimeOffset live)
    {
        SqliteConnection.ClearAllPools();
        void Time(string what, Func<int> read)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var count = read();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"read {what}: {count:N0} rows in {watch.Elapsed.TotalMilliseconds:F0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU"));
        }

        Time("recent probabilities (last 3 as-ofs, LiveScoreReads.Recent)", () => LiveScoreReads.Recent(store, live.AddDays(-3), live.AddDays(1), 1).Count());
        Time("latest reasons (LiveScoreReads.WithReasons)", () => LiveScoreReads.WithReasons(store, live.AddDays(1), 1).Count());
        Time("one as-of (Scores(asOf))", () => store.Scores(asOf: live.AddDays(-1)).Count());
        Time("100 customers (Scores(customerId))", () => Enumerable.Range(0, 100).Sum(i => store.Scores(customerId: "C" + (i * 97).ToString("D6", CultureInfo.InvariantCulture)).Count()));
        Time("every score (Scores())", () => store.Scores().Count());
    }

    /// <summary>Creates an empty store at <paramref name="version"/> by running the migrations up to it, as a program of that version did.</summary>
    private static void CreateAt(string path, int version)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "CREATE TABLE schema_migrations (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT";
        command.ExecuteNonQuery();
        foreach (var migration in SqliteMigrations.All.Where(m => m.Version <= version))
        {
            command.CommandText = migration.Sql + string.Create(CultureInfo.InvariantCulture, $";\nINSERT INTO schema_migrations VALUES ({migration.Version}, 0)");
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Checkpoint(SqliteStore store)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }

    private static double Megabytes(string path) => new FileInfo(path).Length / 1e6;

    private static string[] Shuffled(string[] ids, Random random)
    {
        var copy = (string[])ids.Clone();
        random.Shuffle(copy);
        return copy;
    }

    private static long ThreadCpuNanoseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        return ClockGetTime(ThreadCpuClock, out var now) == 0 ? now.Seconds * 1_000_000_000L + now.Nanoseconds : 0;
    }

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // The bench project does not allow unsafe code, which the generated marshalling needs.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054
}
