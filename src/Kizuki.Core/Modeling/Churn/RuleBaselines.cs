using Kizuki.Features.Labels;
using Kizuki.Modeling.Evaluation;

namespace Kizuki.Modeling.Churn;

/// <summary>
/// The rules a practitioner uses without a model, scored on the same test rows: "no login for 30 days" and "no order for
/// twice the customer's usual gap". Each rule flags customers (1) or not (0); a rule is reported only when its feature
/// is known for some of the rows (a shop has no logins, a SaaS may have no orders).
/// </summary>
internal static class RuleBaselines
{
    public static IReadOnlyList<BaselineReport> Evaluate(TrainingSet set, IReadOnlyList<int> rows, double[] labels, EvaluationOptions options)
    {
        var reports = new List<BaselineReport>();
        Add(reports, set, rows, labels, options, "no_login_30d", "30日以上ログインなし", "No login for 30 days",
            "days_since_last_login", v => v >= 30, missingMeansFlag: true, requiresAny: "logins_90d");
        Add(reports, set, rows, labels, options, "order_overdue_2x", "いつもの購入間隔の2倍以上購入なし", "No order for twice the usual gap",
            "order_overdue_ratio", v => v >= 2, missingMeansFlag: false, requiresAny: "orders_365d");
        return reports;
    }

    private static void Add(List<BaselineReport> reports, TrainingSet set, IReadOnlyList<int> rows, double[] labels, EvaluationOptions options,
        string name, string labelJa, string labelEn, string feature, Func<double, bool> rule, bool missingMeansFlag, string requiresAny)
    {
        if (set.IndexOf(feature) < 0 || set.IndexOf(requiresAny) < 0)
        {
            return;
        }

        var values = set.Numbers(feature);
        var activity = set.Numbers(requiresAny);
        if (!rows.Any(r => activity[r] > 0))
        {
            return;
        }

        var flags = rows.Select(r => double.IsNaN(values[r]) ? (missingMeansFlag ? 1.0 : 0.0) : rule(values[r]) ? 1.0 : 0.0).ToArray();
        reports.Add(new BaselineReport(name, labelJa, labelEn, EvaluationReport.Compute(flags, labels, options)));
    }
}
