using System.Globalization;
using Kizuki.Demo;
using Kizuki.Storage;

namespace Kizuki.Explanations;

/// <summary>How often a demo customer's planted churn mechanism appears among the top reasons of the explanation.</summary>
/// <param name="Customers">High-risk customers whose ground truth names a mechanism that plants signals.</param>
/// <param name="Matched">Of those, how many have a reason group of that mechanism among their top raising reasons.</param>
/// <param name="ByMechanism">Customers and matches per mechanism name.</param>
internal sealed record MechanismAgreement(int Customers, int Matched, IReadOnlyDictionary<string, (int Customers, int Matched)> ByMechanism)
{
    /// <summary>Matched ÷ customers; NaN when there are none.</summary>
    public double Share => Customers == 0 ? double.NaN : (double)Matched / Customers;

    /// <summary>The reason groups that show each mechanism's signals; silent churn and no story plant none.</summary>
    public static IReadOnlyList<string> GroupsOf(ChurnMechanism mechanism) => mechanism switch
    {
        ChurnMechanism.LoginDecline => ["logins"],
        ChurnMechanism.FeatureAbandonment => ["feature_usage"],
        ChurnMechanism.SupportFriction => ["tickets", "ticket_sentiment", "support_pages"],
        ChurnMechanism.SatisfactionDrop => ["satisfaction"],
        ChurnMechanism.PurchaseDecline => ["purchases"],
        ChurnMechanism.CancellationResearch => ["pricing_pages", "cancellation_pages", "web_visits"],
        ChurnMechanism.RenewalApproach => ["renewal"],
        ChurnMechanism.PriceSensitivity => ["pricing_pages", "contract"],
        _ => [],
    };

    /// <summary>
    /// Measures agreement over the scores in <paramref name="band"/> (high by default) against the demo's ground-truth
    /// <c>customers.csv</c>; only the demo and benchmarks call this, the product never reads ground truth.
    /// </summary>
    public static MechanismAgreement Measure(IReadOnlyList<StoredScore> scores, IReadOnlyList<CustomerReasons> reasons, string customersTruthFile,
        RiskBand band = RiskBand.High)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(reasons);
        var truth = ReadTruth(customersTruthFile);
        var by = new SortedDictionary<string, (int, int)>(StringComparer.Ordinal);
        int customers = 0, matched = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i].Band != band || !truth.TryGetValue(scores[i].CustomerId, out var mechanism) || GroupsOf(mechanism).Count == 0)
            {
                continue;
            }

            var hit = reasons[i].Raising.Any(r => GroupsOf(mechanism).Contains(r.Group));
            customers++;
            matched += hit ? 1 : 0;
            var name = ChurnMechanisms.Name(mechanism);
            var (c, m) = by.GetValueOrDefault(name);
            by[name] = (c + 1, m + (hit ? 1 : 0));
        }

        return new MechanismAgreement(customers, matched, by);
    }

    private static Dictionary<string, ChurnMechanism> ReadTruth(string path)
    {
        var truth = new Dictionary<string, ChurnMechanism>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length >= 3 && ChurnMechanisms.TryParse(cells[2], out var mechanism))
            {
                truth[cells[0]] = mechanism;
            }
            else
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}: unexpected ground-truth line '{line}'."));
            }
        }

        return truth;
    }
}
