using System.Text.RegularExpressions;
using Kizuki.Demo;
using Kizuki.Domain;
using Kizuki.Tests.TestDoubles;

namespace Kizuki.Tests.Demo;

public sealed partial class DemoGeneratorTests(DemoDataFixture data) : IClassFixture<DemoDataFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kizuki-demo-run-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(DemoScenario.Saas)]
    [InlineData(DemoScenario.Ec)]
    public void Generate_SameOptions_IdenticalRecordsInSameOrderAndTruth(DemoScenario scenario)
    {
        var options = new DemoOptions { Scenario = scenario, Customers = 600, Seed = 11 };
        var (first, firstResult) = Run(options, "a");
        var (second, secondResult) = Run(options, "b");

        Assert.Equal(Fingerprint(first), Fingerprint(second));
        Assert.Equal(File.ReadAllBytes(firstResult.CustomersTruthFile), File.ReadAllBytes(secondResult.CustomersTruthFile));
        Assert.Equal(File.ReadAllBytes(firstResult.HazardTruthFile), File.ReadAllBytes(secondResult.HazardTruthFile));
        Assert.Equal(firstResult.Records, secondResult.Records);
        Assert.Equal(firstResult.ChurnedByMechanism, secondResult.ChurnedByMechanism);
    }

    [Fact]
    public void Generate_OtherSeed_DifferentRecords()
    {
        var (first, _) = Run(new DemoOptions { Customers = 300, Seed = 1 }, "a");
        var (second, _) = Run(new DemoOptions { Customers = 300, Seed = 2 }, "b");
        var a = Fingerprint(first);
        var b = Fingerprint(second);
        Assert.NotEqual(a, b);
        Assert.True(a.Intersect(b).Count() < a.Count / 10, "two seeds should share almost no records");
    }

    [Fact]
    public void Generate_Progress_ReportsEveryCustomerInOrder()
    {
        var reports = new List<DemoProgress>();
        DemoGenerator.Generate(
            new DemoOptions { Customers = 700 }, new RecordingImportSession(), _directory, new SyncProgress(reports.Add));
        Assert.NotEmpty(reports);
        Assert.Equal(new DemoProgress(700, 700), reports[^1]);
        Assert.Equal(reports.Select(r => r.CustomersGenerated).Order(), reports.Select(r => r.CustomersGenerated));
    }

    [Fact]
    public void Generate_DoesNotCommitTheSink()
    {
        var session = new RecordingImportSession();
        DemoGenerator.Generate(new DemoOptions { Customers = 100 }, session, _directory, null);
        Assert.False(session.Committed);
        Assert.False(session.Disposed);
        Assert.Equal(100, session.Customers.Count);
    }

    [Theory]
    [InlineData(DemoScenario.Saas)]
    [InlineData(DemoScenario.Ec)]
    public void Generate_ResultCounts_MatchWhatTheSinkReceived(DemoScenario scenario)
    {
        var d = data.Get(scenario);
        var s = d.Session;
        Assert.Equal(3000, d.Result.Customers);
        Assert.Equal(s.Customers.Count, d.Result.Records[EntityKind.Customers]);
        Assert.Equal(s.Orders.Count, d.Result.Records[EntityKind.Orders]);
        Assert.Equal(s.Orders.Sum(o => o.Lines.Count), d.Result.Records[EntityKind.OrderLines]);
        Assert.Equal(s.Subscriptions.Count, d.Result.Records[EntityKind.Subscriptions]);
        Assert.Equal(s.Activities.Count, d.Result.Records[EntityKind.Activities]);
        Assert.Equal(s.Tickets.Count, d.Result.Records[EntityKind.Tickets]);
        Assert.Equal(s.Surveys.Count, d.Result.Records[EntityKind.Surveys]);
        Assert.Equal(s.Touches.Count, d.Result.Records[EntityKind.Touches]);
        Assert.Equal(s.ChurnEvents.Count, d.Result.Records[EntityKind.ChurnEvents]);
        Assert.Equal(d.Truth.Values.Count(t => t.ChurnedAt is not null), d.Result.ChurnedCustomers);
        Assert.Equal(d.Truth.Values.Count(t => t.Recovered), d.Result.RecoveredCustomers);
    }

    [Theory]
    [InlineData(DemoScenario.Saas)]
    [InlineData(DemoScenario.Ec)]
    public void Generate_AboutHundredEventsPerCustomer(DemoScenario scenario)
    {
        var d = data.Get(scenario);
        Assert.InRange(d.Result.Events / (double)d.Result.Customers, 70, 140);
        Assert.InRange(d.Result.ChurnedCustomers / (double)d.Result.Customers, 0.1, 0.6);
    }

    [Theory]
    [InlineData(DemoScenario.Saas)]
    [InlineData(DemoScenario.Ec)]
    public void Generate_EventTimes_CoverTheHistoryAndNeverPrecedeSignupOrFollowChurn(DemoScenario scenario)
    {
        var d = data.Get(scenario);
        var times = new List<(string Customer, DateTimeOffset At)>();
        times.AddRange(d.Session.Activities.Select(a => (a.CustomerId, a.OccurredAt)));
        times.AddRange(d.Session.Orders.Select(o => (o.CustomerId, o.OrderedAt)));
        times.AddRange(d.Session.Tickets.Select(t => (t.CustomerId, t.OpenedAt)));
        times.AddRange(d.Session.Surveys.Select(s => (s.CustomerId, s.RespondedAt)));
        times.AddRange(d.Session.Touches.Select(t => (t.CustomerId, t.TouchedAt)));
        times.AddRange(d.Session.ChurnEvents.Select(c => (c.CustomerId, c.OccurredAt)));

        Assert.All(times, t => Assert.Equal(TimeSpan.Zero, t.At.Offset));
        Assert.All(times, t => Assert.True(t.At >= d.Customers[t.Customer].SignupAt, $"{t.Customer} event {t.At:O} before signup"));
        Assert.All(times, t => Assert.True(t.At < d.Options.HistoryEnd, $"{t.Customer} event {t.At:O} after history end"));
        Assert.All(times, t => Assert.True(t.At >= d.Options.HistoryStart, $"{t.Customer} event {t.At:O} before history start"));
        Assert.All(times, t => Assert.True(
            d.Truth[t.Customer].ChurnedAt is not { } churn || t.At <= churn, $"{t.Customer} event {t.At:O} after churn"));
        Assert.All(d.Session.Tickets, t => Assert.True(t.ClosedAt is null || (t.ClosedAt > t.OpenedAt && t.ClosedAt < d.Options.HistoryEnd)));
        Assert.InRange((times.Min(t => t.At) - d.Options.HistoryStart).TotalDays, 0, 3);
        Assert.InRange((d.Options.HistoryEnd - times.Max(t => t.At)).TotalDays, 0, 3);
        Assert.All(d.Session.Customers, c => Assert.True(c.SignupAt < d.Options.HistoryEnd));
    }

    [Theory]
    [InlineData(DemoScenario.Saas)]
    [InlineData(DemoScenario.Ec)]
    public void Generate_Ids_AreCompactAndUnique(DemoScenario scenario)
    {
        var s = data.Get(scenario).Session;
        Assert.All(s.Customers, c => Assert.Matches(CustomerId(), c.Id));
        Assert.All(s.Activities.Take(5000), a => Assert.Matches(ActivityId(), a.Id));
        string[] ids =
        [
            .. s.Customers.Select(c => c.Id), .. s.Subscriptions.Select(x => x.Id), .. s.Orders.Select(x => x.Id),
            .. s.Activities.Select(x => x.Id), .. s.Tickets.Select(x => x.Id), .. s.Surveys.Select(x => x.Id),
            .. s.Touches.Select(x => x.Id), .. s.ChurnEvents.Select(x => x.Id),
        ];
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(DemoScenario.Saas)]
    [InlineData(DemoScenario.Ec)]
    public void Generate_HazardTruth_CoversActiveMonthsWithValidProbabilities(DemoScenario scenario)
    {
        var d = data.Get(scenario);
        var rows = File.ReadLines(d.Result.HazardTruthFile).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.True(rows.Count > d.Result.Customers * 6, "each customer has a hazard row per month as a customer");
        Assert.All(rows, r => Assert.InRange(double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture), 0.0, 0.95));
        Assert.All(rows, r => Assert.True(d.Truth.ContainsKey(r[0])));
        Assert.All(rows, r => Assert.True(ChurnMechanisms.TryParse(r[3], out _)));
        Assert.Equal(d.Options.HistoryMonths, rows.Select(r => r[1]).Distinct().Count());
        Assert.Contains(rows, r => r[1] == "2024-11-01T00:00:00+09:00");

        // The true hazard is higher in months a mechanism is active than in quiet months.
        var active = rows.Where(r => r[3] != "none").Average(r => double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture));
        var quiet = rows.Where(r => r[3] == "none").Average(r => double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(active > 4 * quiet, $"active {active:F4} vs quiet {quiet:F4}");
    }

    [Theory]
    [InlineData(DemoScenario.Saas)]
    [InlineData(DemoScenario.Ec)]
    public void Generate_EveryMechanismOfTheScenario_HasChurnersAndRecoveries(DemoScenario scenario)
    {
        var d = data.Get(scenario);
        foreach (var mechanism in ChurnMechanisms.For(scenario))
        {
            Assert.True(d.Truth.Values.Count(t => t.Mechanism == mechanism && t.ChurnedAt is not null) >= 15, $"{mechanism} churners");
            if (mechanism != ChurnMechanism.Silent)
            {
                Assert.True(d.Truth.Values.Count(t => t.Mechanism == mechanism && t.Recovered) >= 5, $"{mechanism} recoveries");
            }
        }

        var foreign = Enum.GetValues<ChurnMechanism>().Except(ChurnMechanisms.For(scenario)).Where(m => m != ChurnMechanism.None);
        Assert.All(foreign, m => Assert.DoesNotContain(d.Truth.Values, t => t.Mechanism == m));
        Assert.Contains(d.Truth.Values, t => t.Mechanism == ChurnMechanism.None && t.ChurnedAt is not null);
        Assert.Contains(d.Truth.Values, t => t.Mechanism == ChurnMechanism.None && t.ChurnedAt is null);
    }

    private (RecordingImportSession Session, DemoResult Result) Run(DemoOptions options, string name)
    {
        var session = new RecordingImportSession();
        var result = DemoGenerator.Generate(options, session, Path.Combine(_directory, name), null);
        return (session, result);
    }

    private static List<string> Fingerprint(RecordingImportSession s) =>
    [
        .. s.Customers.Select(c => $"{c} {string.Join(';', c.Attributes.Select(a => a.Key + "=" + a.Value))}"),
        .. s.Subscriptions.Select(x => x.ToString()),
        .. s.Orders.Select(o => $"{o} {string.Join(';', o.Lines)}"),
        .. s.Activities.Select(x => x.ToString()),
        .. s.Tickets.Select(x => x.ToString()),
        .. s.Surveys.Select(x => x.ToString()),
        .. s.Touches.Select(x => x.ToString()),
        .. s.ChurnEvents.Select(x => x.ToString()),
    ];

    [GeneratedRegex(@"^C\d{7}$")]
    private static partial Regex CustomerId();

    [GeneratedRegex(@"^A\d{7}-\d{5}$")]
    private static partial Regex ActivityId();

    private sealed class SyncProgress(Action<DemoProgress> report) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => report(value);
    }
}
