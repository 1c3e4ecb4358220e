using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.Demo;

/// <summary>Generates a realistic demo business — customers, contracts, orders, activity, tickets, surveys, touches —
/// with known churn mechanisms, and writes the hidden ground truth beside it.</summary>
/// <remarks>
/// Generation is deterministic: each customer draws from its own generator seeded by (seed, customer index), and
/// customers are written in index order, so the same options give identical records in the same order on any machine.
/// Customers are generated in parallel chunks; records are written to the sink from the calling thread only.
/// </remarks>
public static class DemoGenerator
{
    /// <summary>File name of the per-customer ground truth.</summary>
    public const string CustomersTruthFileName = "customers.csv";

    /// <summary>File name of the per-customer, per-month true hazard.</summary>
    public const string HazardTruthFileName = "hazard.csv";

    /// <summary>Customers generated per parallel work item.</summary>
    private const int ChunkSize = 256;

    /// <summary>Generates the demo business into <paramref name="sink"/> and the ground truth into <paramref name="groundTruthDirectory"/>.</summary>
    /// <param name="options">What to generate; validated first.</param>
    /// <param name="sink">Receives every record; it is not committed here (the caller commits or rolls back).</param>
    /// <param name="groundTruthDirectory">Where <c>customers.csv</c> and <c>hazard.csv</c> go; created if missing. Keep it out of the product's reach.</param>
    /// <param name="progress">Told how many customers are done, after each chunk.</param>
    /// <param name="cancellationToken">Stops the generation between chunks.</param>
    /// <returns>Counts of what was written and ground-truth totals; no timings, so equal options give an equal result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its range.</exception>
    public static DemoResult Generate(
        DemoOptions options,
        IImportSession sink,
        string groundTruthDirectory,
        IProgress<DemoProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentException.ThrowIfNullOrWhiteSpace(groundTruthDirectory);
        options.Validate();

        var world = new DemoWorld(options);
        Func<int, CustomerRecords> make = options.Scenario == DemoScenario.Saas
            ? new SaasScenario(world).Generate
            : new EcScenario(world, new EcCatalog(world)).Generate;
        var records = Enum.GetValues<EntityKind>().ToDictionary(k => k, _ => 0L);
        var byMechanism = Enum.GetValues<ChurnMechanism>().ToDictionary(m => m, _ => 0);
        var churnedBy = Enum.GetValues<ChurnMechanism>().ToDictionary(m => m, _ => 0);
        int done = 0, churned = 0, recovered = 0;

        using var truth = new GroundTruthWriter(groundTruthDirectory, world, options.Scenario);
        foreach (var chunk in OrderedGeneration.Run(options.Customers, make, ChunkSize, cancellationToken))
        {
            foreach (var customer in chunk)
            {
                Write(sink, customer, records);
                truth.Write(customer.Story);
                byMechanism[GroundTruthWriter.TruthMechanism(customer.Story, world.Days)]++;
                if (customer.Story.Churned)
                {
                    churned++;
                    churnedBy[customer.Story.ChurnCause]++;
                }

                recovered += customer.Story.Recovered ? 1 : 0;
            }

            done += chunk.Length;
            progress?.Report(new DemoProgress(done, options.Customers));
        }

        return new DemoResult(
            options.Scenario, done, records, churned, recovered, byMechanism, churnedBy,
            options.HistoryStart, options.HistoryEnd, truth.CustomersPath, truth.HazardPath);
    }

    private static void Write(IImportSession sink, CustomerRecords r, Dictionary<EntityKind, long> counts)
    {
        sink.Add(r.Customer);
        foreach (var subscription in r.Subscriptions)
        {
            sink.Add(subscription);
        }

        foreach (var order in r.Orders)
        {
            sink.Add(order);
            counts[EntityKind.OrderLines] += order.Lines.Count;
        }

        foreach (var activity in r.Activities)
        {
            sink.Add(activity);
        }

        foreach (var ticket in r.Tickets)
        {
            sink.Add(ticket);
        }

        foreach (var survey in r.Surveys)
        {
            sink.Add(survey);
        }

        foreach (var touch in r.Touches)
        {
            sink.Add(touch);
        }

        foreach (var churnEvent in r.ChurnEvents)
        {
            sink.Add(churnEvent);
        }

        counts[EntityKind.Customers]++;
        counts[EntityKind.Subscriptions] += r.Subscriptions.Count;
        counts[EntityKind.Orders] += r.Orders.Count;
        counts[EntityKind.Activities] += r.Activities.Count;
        counts[EntityKind.Tickets] += r.Tickets.Count;
        counts[EntityKind.Surveys] += r.Surveys.Count;
        counts[EntityKind.Touches] += r.Touches.Count;
        counts[EntityKind.ChurnEvents] += r.ChurnEvents.Count;
    }
}
