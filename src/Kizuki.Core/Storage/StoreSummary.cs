using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>What a store holds and what looks wrong in it.</summary>
/// <param name="Entities">Count and time range per entity kind (kinds with no time have null range).</param>
/// <param name="Findings">Data-quality findings; empty when nothing looks wrong.</param>
public sealed record StoreSummary(IReadOnlyList<EntitySummary> Entities, IReadOnlyList<QualityFinding> Findings);

/// <summary>Count and covered time range of one entity kind.</summary>
/// <param name="Kind">The entity kind.</param>
/// <param name="Count">Number of records.</param>
/// <param name="From">Earliest record time, if any.</param>
/// <param name="To">Latest record time, if any.</param>
public sealed record EntitySummary(EntityKind Kind, long Count, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>One data-quality problem found in a store.</summary>
/// <param name="Code">Stable code, e.g. <c>customers-without-events</c>.</param>
/// <param name="Kind">The entity kind concerned.</param>
/// <param name="Count">How many records are affected.</param>
/// <param name="Examples">Up to five example ids.</param>
public sealed record QualityFinding(string Code, EntityKind Kind, long Count, IReadOnlyList<string> Examples);

/// <summary>The data-quality checks every store performs.</summary>
public static class QualityCodes
{
    /// <summary>Customers with no order, activity, subscription, ticket or survey.</summary>
    public const string CustomersWithoutEvents = "customers-without-events";
    /// <summary>Records dated after the summary's "now".</summary>
    public const string EventsInFuture = "events-in-future";
    /// <summary>Records dated before their customer's signup.</summary>
    public const string EventsBeforeSignup = "events-before-signup";
    /// <summary>Records that refer to a customer id that is not stored.</summary>
    public const string UnknownCustomer = "unknown-customer";
    /// <summary>Different ids with the same customer, time and content: probably imported twice under two ids.</summary>
    public const string LikelyDuplicates = "likely-duplicates";
    /// <summary>Customers with no segment attribute at all, or no name.</summary>
    public const string MissingValues = "missing-values";
}
