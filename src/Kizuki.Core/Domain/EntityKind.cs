namespace Kizuki.Domain;

/// <summary>The kinds of record Kizuki stores; each has its own import format.</summary>
public enum EntityKind
{
    /// <summary><see cref="Customer"/>.</summary>
    Customers,
    /// <summary><see cref="Order"/>.</summary>
    Orders,
    /// <summary><see cref="OrderLine"/>, imported separately and attached to orders by id.</summary>
    OrderLines,
    /// <summary><see cref="Subscription"/>.</summary>
    Subscriptions,
    /// <summary><see cref="Activity"/>.</summary>
    Activities,
    /// <summary><see cref="Ticket"/>.</summary>
    Tickets,
    /// <summary><see cref="SurveyResponse"/>.</summary>
    Surveys,
    /// <summary><see cref="Touch"/>.</summary>
    Touches,
    /// <summary><see cref="ChurnEvent"/>.</summary>
    ChurnEvents,
}

/// <summary>Names of entity kinds as users type them.</summary>
public static class EntityKinds
{
    private static readonly Dictionary<string, EntityKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["customers"] = EntityKind.Customers,
        ["orders"] = EntityKind.Orders,
        ["order-lines"] = EntityKind.OrderLines,
        ["subscriptions"] = EntityKind.Subscriptions,
        ["activities"] = EntityKind.Activities,
        ["tickets"] = EntityKind.Tickets,
        ["surveys"] = EntityKind.Surveys,
        ["touches"] = EntityKind.Touches,
        ["churn-events"] = EntityKind.ChurnEvents,
    };

    /// <summary>All names, in a stable order.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The command-line name of a kind, e.g. <c>order-lines</c>.</summary>
    public static string Name(EntityKind kind) => ByName.First(p => p.Value == kind).Key;

    /// <summary>Parses a command-line name.</summary>
    public static bool TryParse(string name, out EntityKind kind) => ByName.TryGetValue(name, out kind);
}
