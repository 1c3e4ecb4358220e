using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.History;
using Kizuki.Features.Labels;

namespace Kizuki.Tests.Features.Labels;

/// <summary>
/// The proof that nothing leaks: features at a cutoff T see nothing at or after T, however much is planted there,
/// and labels see only the window [T, T + window).
/// </summary>
public sealed partial class LeakageProofTests
{
    private static readonly FeatureSettings Settings = new()
    {
        Metrics = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["login_ratio_14d"] = "count(activity.type = 'login', 14d) / max(1, count(activity.type = 'login', 56d) / 4)",
        },
    };

    public static TheoryData<string> Cutoffs => new()
    {
        "2025-03-15T00:00:00Z",
        "2025-03-15T12:34:56.789Z",
        "2024-02-29T15:00:00Z",
    };

    [Theory]
    [MemberData(nameof(Cutoffs))]
    public void Catalog_EventsAtAndAfterCutoffPlanted_NoFeatureChanges(string cutoff)
    {
        var t = DateTimeOffset.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture);
        var context = new FeatureContext(Settings, LifetimeModels(t));
        var known = History(context, LeakageRecords.KnownBefore(t));
        var planted = History(context, Upsert(LeakageRecords.KnownBefore(t), LeakageRecords.AtAndAfter(t)));

        var changed = Changed(context.Catalog, known, planted, Millis.Of(t));
        Assert.False(double.IsNaN(context.Catalog.Evaluate(known, Millis.Of(t)).Number("p_no_purchase_window")));

        Assert.True(changed.Count == 0, "features that see the future: " + string.Join(", ", changed));
    }

    [Theory]
    [MemberData(nameof(Cutoffs))]
    public void Catalog_PlantedEventsOnceInThePast_AreSeen(string cutoff)
    {
        // The control: the same plants, evaluated a month later, do change features, so the test above is not vacuous.
        var t = DateTimeOffset.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture);
        var context = new FeatureContext(Settings, LifetimeModels(t));
        var known = History(context, LeakageRecords.KnownBefore(t));
        var planted = History(context, Upsert(LeakageRecords.KnownBefore(t), LeakageRecords.AtAndAfter(t)));

        var changed = Changed(context.Catalog, known, planted, Millis.Of(t.AddDays(31)));

        Assert.True(context.Catalog.Count == 0 || changed.Count > 0, "no feature saw the planted events");
        Assert.NotEqual(known.Orders.Count, planted.Orders.Count);
    }

    /// <summary>Lifetime features on (non-contractual shops): one BG/NBD fit a year before the cutoff, as a training set would store.</summary>
    private static Kizuki.Lifetime.LifetimeFeatureModels LifetimeModels(DateTimeOffset cutoff) =>
        new("bgnbd", 90, [new(cutoff.AddDays(-365), "bgnbd", [0.243, 4.414 * 7, 0.793, 2.426], 2357, null)]);

    /// <summary>The names of the features whose values differ between two histories at an instant (NaN equals NaN).</summary>
    internal static List<string> Changed(FeatureCatalog catalog, CustomerHistory left, CustomerHistory right, long asOf)
    {
        var a = catalog.Evaluate(left, asOf);
        var b = catalog.Evaluate(right, asOf);
        var changed = new List<string>();
        for (var i = 0; i < catalog.Count; i++)
        {
            if (!a.Numbers[i].Equals(b.Numbers[i]) || !string.Equals(a.Categories[i], b.Categories[i], StringComparison.Ordinal))
            {
                changed.Add(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{catalog.Definitions[i].Name} ({a.Numbers[i]}|{a.Categories[i]} → {b.Numbers[i]}|{b.Categories[i]})"));
            }
        }

        return changed;
    }

    /// <summary>Records as an import leaves them: a later version of a customer, subscription or ticket replaces the earlier one.</summary>
    internal static List<object> Upsert(List<object> first, List<object> then)
    {
        var result = new List<object>(first);
        foreach (var record in then)
        {
            var key = Key(record);
            var at = key is null ? -1 : result.FindIndex(r => Key(r) == key);
            if (at >= 0)
            {
                result[at] = record;
            }
            else
            {
                result.Add(record);
            }
        }

        return result;
    }

    internal static CustomerHistory History(FeatureContext context, IEnumerable<object> records)
    {
        var history = new CustomerHistory(LeakageRecords.Id);
        foreach (var record in records)
        {
            switch (record)
            {
                case Customer c: HistoryBuilder.Add(history, c); break;
                case Order o: HistoryBuilder.Add(history, o); break;
                case Subscription s: HistoryBuilder.Add(history, s); break;
                case Activity a: context.Builder.Add(history, a); break;
                case Ticket k: HistoryBuilder.Add(history, k); break;
                case SurveyResponse r: HistoryBuilder.Add(history, r); break;
                case ChurnEvent x: HistoryBuilder.Add(history, x); break;
                default: throw new ArgumentException("unexpected record " + record.GetType().Name, nameof(records));
            }
        }

        return history;
    }

    private static string? Key(object record) => record switch
    {
        Customer c => "customer:" + c.Id,
        Subscription s => "subscription:" + s.Id,
        Ticket k => "ticket:" + k.Id,
        _ => null,
    };
}
