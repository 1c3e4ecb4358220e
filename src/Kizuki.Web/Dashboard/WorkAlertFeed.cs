using System.Globalization;
using Kizuki.Storage;

namespace Kizuki.Web.Dashboard;

/// <summary>The alert feed over the work store: what the live scorer raised, with a one-line message in both languages.</summary>
internal sealed class WorkAlertFeed(IWorkStore work, CustomerNames names) : IAlertFeed
{
    /// <inheritdoc />
    public IReadOnlyList<AlertView> Recent(DateTimeOffset since, int limit)
    {
        var alerts = work.Alerts(since, Math.Max(0, limit));
        var known = names.Of(alerts.Select(a => a.CustomerId));
        return
        [
            .. alerts.Select(a => new AlertView(a.Id, a.CustomerId, known.GetValueOrDefault(a.CustomerId), a.Rule, a.Severity, a.FiredAt,
                AlertTexts.MessageJa(a), AlertTexts.MessageEn(a))),
        ];
    }
}

/// <summary>How alerts and tasks read in Japanese and English.</summary>
internal static class AlertTexts
{
    /// <summary>The severity in Japanese (低, 中, 高, 緊急); the stored word when unknown.</summary>
    public static string SeverityJa(string severity) => severity switch
    {
        "low" => "低",
        "medium" => "中",
        "high" => "高",
        "critical" => "緊急",
        _ => severity,
    };

    /// <summary>「ルール」に該当（重要度: 高、解約確率 72%、主な理由: orders）.</summary>
    public static string MessageJa(StoredAlert alert) =>
        $"「{alert.Rule}」に該当（重要度: {SeverityJa(alert.Severity)}"
        + (alert.Probability is { } p && double.IsFinite(p) ? $"、解約確率 {Percent(p)}" : "")
        + (string.IsNullOrEmpty(alert.TopReason) ? "" : $"、主な理由: {alert.TopReason}") + "）";

    /// <summary>Matched "rule" (severity high, churn probability 72%, top reason: orders).</summary>
    public static string MessageEn(StoredAlert alert) =>
        $"Matched \"{alert.Rule}\" (severity {alert.Severity}"
        + (alert.Probability is { } p && double.IsFinite(p) ? $", churn probability {Percent(p)}" : "")
        + (string.IsNullOrEmpty(alert.TopReason) ? "" : $", top reason: {alert.TopReason}") + ")";

    private static string Percent(double p) => (p * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Customer names by id, read from the store for the few ids a list shows.</summary>
internal sealed class CustomerNames(IStore store)
{
    /// <summary>The names of the given customers (ids without a customer record are left out).</summary>
    public IReadOnlyDictionary<string, string> Of(IEnumerable<string> customerIds)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in customerIds.Distinct(StringComparer.Ordinal))
        {
            if (store.Customers(id).FirstOrDefault() is { } customer && !string.IsNullOrEmpty(customer.Name))
            {
                names[id] = customer.Name;
            }
        }

        return names;
    }
}
