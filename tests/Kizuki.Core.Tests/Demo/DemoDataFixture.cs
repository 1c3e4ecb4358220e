using System.Globalization;
using Kizuki.Demo;
using Kizuki.Domain;
using Kizuki.Tests.TestDoubles;

namespace Kizuki.Tests.Demo;

/// <summary>One generated demo business kept in memory, with its ground truth read back from the written files.</summary>
internal sealed class DemoData
{
    public DemoData(DemoOptions options, string truthDirectory)
    {
        Options = options;
        Result = DemoGenerator.Generate(options, Session, truthDirectory, null);
        foreach (var line in File.ReadLines(Result.CustomersTruthFile).Skip(1))
        {
            var f = line.Split(',');
            Assert.True(ChurnMechanisms.TryParse(f[2], out var mechanism), f[2]);
            DateTimeOffset? churnedAt = f[3].Length == 0
                ? null
                : DateTimeOffset.Parse(f[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            Truth[f[0]] = new TruthRow(f[0], f[1], mechanism, churnedAt, bool.Parse(f[4]));
        }

        Customers = Session.Customers.ToDictionary(c => c.Id);
        Activities = Session.Activities.ToLookup(a => a.CustomerId);
        Tickets = Session.Tickets.ToLookup(t => t.CustomerId);
        Surveys = Session.Surveys.ToLookup(s => s.CustomerId);
        Orders = Session.Orders.ToLookup(o => o.CustomerId);
        Subscriptions = Session.Subscriptions.ToLookup(s => s.CustomerId);
    }

    public DemoOptions Options { get; }

    public RecordingImportSession Session { get; } = new();

    public DemoResult Result { get; }

    public Dictionary<string, TruthRow> Truth { get; } = [];

    public Dictionary<string, Customer> Customers { get; }

    public ILookup<string, Activity> Activities { get; }

    public ILookup<string, Ticket> Tickets { get; }

    public ILookup<string, SurveyResponse> Surveys { get; }

    public ILookup<string, Order> Orders { get; }

    public ILookup<string, Subscription> Subscriptions { get; }

    /// <summary>Churners of a mechanism who were customers for at least <paramref name="days"/> days before leaving.</summary>
    public IEnumerable<TruthRow> Churners(ChurnMechanism mechanism, int days = 120) =>
        Truth.Values.Where(t => t.Mechanism == mechanism && t.ChurnedAt is { } at && ObservedSince(t.CustomerId) <= at.AddDays(-days));

    /// <summary>Steady customers (no episode, no churn) observed for at least <paramref name="days"/> days before the history end.</summary>
    public IEnumerable<TruthRow> Retained(int days = 120) =>
        Truth.Values.Where(t => t.Mechanism == ChurnMechanism.None && t.ChurnedAt is null
            && ObservedSince(t.CustomerId) <= Options.HistoryEnd.AddDays(-days));

    /// <summary>When a customer's events start: signup, or the history start for customers who were already there.</summary>
    public DateTimeOffset ObservedSince(string customerId)
    {
        var signup = Customers[customerId].SignupAt;
        return signup > Options.HistoryStart ? signup : Options.HistoryStart;
    }

    /// <summary>The reference instant of a customer: churn time for churners, history end for the others.</summary>
    public DateTimeOffset Reference(TruthRow row) => row.ChurnedAt ?? Options.HistoryEnd;

    public int CountActivities(TruthRow row, Func<Activity, bool> match, int fromDaysBefore, int toDaysBefore)
    {
        var reference = Reference(row);
        var from = reference.AddDays(-fromDaysBefore);
        var to = reference.AddDays(-toDaysBefore);
        return Activities[row.CustomerId].Count(a => a.OccurredAt >= from && a.OccurredAt < to && match(a));
    }
}

/// <summary>One row of <c>customers.csv</c>.</summary>
internal sealed record TruthRow(string CustomerId, string Scenario, ChurnMechanism Mechanism, DateTimeOffset? ChurnedAt, bool Recovered);

/// <summary>A SaaS and an EC demo of 3,000 customers each, generated once for all demo tests.</summary>
public sealed class DemoDataFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kizuki-demo-").FullName;
    private readonly Lazy<DemoData> _saas;
    private readonly Lazy<DemoData> _ec;

    public DemoDataFixture()
    {
        _saas = new Lazy<DemoData>(() => Make(DemoScenario.Saas));
        _ec = new Lazy<DemoData>(() => Make(DemoScenario.Ec));
    }

    internal DemoData Saas => _saas.Value;

    internal DemoData Ec => _ec.Value;

    internal DemoData Get(DemoScenario scenario) => scenario == DemoScenario.Saas ? Saas : Ec;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private DemoData Make(DemoScenario scenario) =>
        new(new DemoOptions { Scenario = scenario, Customers = 3000, Seed = 7 }, Path.Combine(_directory, DemoScenarios.Name(scenario)));
}
