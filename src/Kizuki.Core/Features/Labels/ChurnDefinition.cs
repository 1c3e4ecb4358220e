using System.Text.Json;
using System.Text.Json.Serialization;
using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Features.Labels;

/// <summary>What "churned" means for a business: the rules that turn a customer's future into a label.</summary>
/// <remarks>
/// A label at cutoff T reads the customer's state at T (what was known before T) and the events in
/// <c>[T, T + window)</c>, never anything later, so a training set built at T + window is complete and honest.
/// See docs/labels.md for every rule with examples.
/// </remarks>
public sealed record ChurnDefinition
{
    /// <summary>Which rules apply. Default <see cref="ChurnKind.Auto"/>: contractual when the store holds subscriptions, else non-contractual.</summary>
    public ChurnKind Kind { get; init; } = ChurnKind.Auto;

    /// <summary>The prediction window in days: a label at T looks at <c>[T, T + WindowDays)</c>. Default 90, allowed 1–730.</summary>
    public int WindowDays { get; init; } = 90;

    /// <summary>
    /// Non-contractual: a customer with no completed order in <c>[T, T + InactiveDays)</c> has churned.
    /// Default (null) = <see cref="WindowDays"/>; allowed 1–<see cref="WindowDays"/>, so the label never looks past the window.
    /// </summary>
    public int? InactiveDays { get; init; }

    /// <summary>
    /// Non-contractual eligibility: a customer whose last completed order is more than this many days before T is
    /// already gone at T and gets no label. Default 365, allowed 1–3650.
    /// </summary>
    public int GoneAfterDays { get; init; } = 365;

    /// <summary>
    /// Contractual: a new subscription that starts at most this many days after the previous one ended is a renewal,
    /// not churn. Default 1, allowed 0–31: contract exports with dates only end one contract on 3/31 and start the next
    /// on 4/1, a gap of one day that is not a cancellation. 0 counts only a start at or before the previous end.
    /// </summary>
    public int RenewalGraceDays { get; init; } = 1;

    /// <summary>The prediction window in milliseconds.</summary>
    [JsonIgnore]
    public long Window => WindowDays * Millis.Day;

    /// <summary>The non-contractual inactivity span in days (<see cref="InactiveDays"/> or, when unset, <see cref="WindowDays"/>).</summary>
    [JsonIgnore]
    public int EffectiveInactiveDays => InactiveDays ?? WindowDays;

    /// <summary>This definition with <see cref="ChurnKind.Auto"/> decided: contractual when the business has subscriptions.</summary>
    public ChurnDefinition Resolve(bool hasSubscriptions) => Kind != ChurnKind.Auto
        ? this
        : this with { Kind = hasSubscriptions ? ChurnKind.Contractual : ChurnKind.NonContractual };

    /// <summary>
    /// This definition with <see cref="ChurnKind.Auto"/> decided by the store: contractual when at least half of the
    /// customers have ever had a subscription (a subscription business), otherwise non-contractual (a shop whose
    /// 定期購入 subscribers are a minority: most of its customers just stop buying).
    /// </summary>
    public ChurnDefinition Resolve(IStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (Kind != ChurnKind.Auto)
        {
            return this;
        }

        var subscribers = store.Subscriptions().Select(s => s.CustomerId).Distinct(StringComparer.Ordinal).Count();
        var customers = store.Customers().Count();
        return Resolve(subscribers > 0 && subscribers * 2 >= customers);
    }

    /// <summary>This definition with <see cref="ChurnKind.Auto"/> decided by a store summary: contractual when there are at least half as many subscriptions as customers.</summary>
    public ChurnDefinition Resolve(StoreSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        long Count(Kizuki.Domain.EntityKind kind) => summary.Entities.FirstOrDefault(e => e.Kind == kind)?.Count ?? 0;
        var subscriptions = Count(Kizuki.Domain.EntityKind.Subscriptions);
        return Resolve(subscriptions > 0 && subscriptions * 2 >= Count(Kizuki.Domain.EntityKind.Customers));
    }

    /// <summary>Checks every range; throws <see cref="InvalidDataException"/> naming the setting, its range and the value.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw Invalid("kind", "auto, contractual, nonContractual", Kind);
        }

        if (WindowDays is < 1 or > 730)
        {
            throw Invalid("windowDays", "1–730", WindowDays);
        }

        if (InactiveDays is { } inactive && (inactive < 1 || inactive > WindowDays))
        {
            throw Invalid("inactiveDays", $"1–windowDays ({WindowDays})", inactive);
        }

        if (GoneAfterDays is < 1 or > 3650)
        {
            throw Invalid("goneAfterDays", "1–3650", GoneAfterDays);
        }

        if (RenewalGraceDays is < 0 or > 31)
        {
            throw Invalid("renewalGraceDays", "0–31", RenewalGraceDays);
        }
    }

    private static InvalidDataException Invalid(string name, string range, object value) => new(string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"settings.json: labels.churn.{name} は {range} の範囲で指定してください（指定値: {value}） / must be in {range}; got {value}."));
}

/// <summary>Which churn rules apply.</summary>
[JsonConverter(typeof(ChurnKindJsonConverter))]
public enum ChurnKind
{
    /// <summary>Decided from the data: contractual when the store holds subscriptions, else non-contractual.</summary>
    Auto,
    /// <summary>解約 / cancellation: the customer's subscriptions all end inside the window.</summary>
    Contractual,
    /// <summary>離反 / lapse: no completed order for a number of days after the cutoff.</summary>
    NonContractual,
}

/// <summary>Writes <see cref="ChurnKind"/> as <c>auto</c>, <c>contractual</c>, <c>nonContractual</c> (reading ignores case).</summary>
internal sealed class ChurnKindJsonConverter() : JsonStringEnumConverter<ChurnKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
