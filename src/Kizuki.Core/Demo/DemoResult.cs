using Kizuki.Domain;

namespace Kizuki.Demo;

/// <summary>How far a demo generation has come.</summary>
/// <param name="CustomersGenerated">Customers whose records have all been written to the sink.</param>
/// <param name="CustomersTotal">Customers to generate in all.</param>
public readonly record struct DemoProgress(int CustomersGenerated, int CustomersTotal);

/// <summary>What a demo generation wrote; free of timings, so the same options give an equal result.</summary>
/// <param name="Scenario">The business imitated.</param>
/// <param name="Customers">Customers generated.</param>
/// <param name="Records">Records written per entity kind (order lines counted inside their orders).</param>
/// <param name="ChurnedCustomers">Customers who left within the history (ground truth).</param>
/// <param name="RecoveredCustomers">Customers who showed warning signals and then recovered (ground truth).</param>
/// <param name="CustomersByMechanism">Customers per driving mechanism (<see cref="ChurnMechanism.None"/> for the steady ones).</param>
/// <param name="ChurnedByMechanism">Churned customers per mechanism that drove their churn.</param>
/// <param name="HistoryStart">First instant of the history.</param>
/// <param name="HistoryEnd">End of the history (exclusive).</param>
/// <param name="CustomersTruthFile">Path of the written <c>customers.csv</c> ground truth.</param>
/// <param name="HazardTruthFile">Path of the written <c>hazard.csv</c> ground truth.</param>
public sealed record DemoResult(
    DemoScenario Scenario,
    int Customers,
    IReadOnlyDictionary<EntityKind, long> Records,
    int ChurnedCustomers,
    int RecoveredCustomers,
    IReadOnlyDictionary<ChurnMechanism, int> CustomersByMechanism,
    IReadOnlyDictionary<ChurnMechanism, int> ChurnedByMechanism,
    DateTimeOffset HistoryStart,
    DateTimeOffset HistoryEnd,
    string CustomersTruthFile,
    string HazardTruthFile)
{
    /// <summary>All records written, order lines included.</summary>
    public long TotalRecords => Records.Values.Sum();

    /// <summary>Events (orders, activities, tickets, surveys, touches, churn events) written.</summary>
    public long Events => TotalRecords - Records.GetValueOrDefault(EntityKind.Customers)
        - Records.GetValueOrDefault(EntityKind.Subscriptions) - Records.GetValueOrDefault(EntityKind.OrderLines);
}
