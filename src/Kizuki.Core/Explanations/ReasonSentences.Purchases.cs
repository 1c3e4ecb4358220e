using Kizuki.Features;

namespace Kizuki.Explanations;

internal static partial class ReasonSentences
{
    private static (string, string)? Purchases(FeatureDefinition lead, IRowValues v, ReasonFormat format)
    {
        switch (lead.Name)
        {
            case "months_of_decline" when v.Number(lead.Name) >= 1:
                var months = v.Number(lead.Name);
                return months == 1
                    ? ("直近1か月の購入金額が減少", "Spend fell in the last month")
                    : ($"購入金額が{Count(months)}か月連続で減少", $"Spend fell {Count(months)} months in a row");
            case "days_since_last_order" or "order_overdue_ratio" or "mean_order_gap_days":
                var days = v.Number("days_since_last_order");
                var gap = v.Number("mean_order_gap_days");
                if (double.IsNaN(days))
                {
                    return ("購入の記録なし", "No order on record");
                }

                return double.IsNaN(gap)
                    ? ($"最終購入から{Count(days)}日", $"{Count(days)} days since the last order")
                    : ($"最終購入から{Count(days)}日（普段の間隔は{Count(gap)}日）", $"{Count(days)} days since the last order; usually every {Count(gap)} days");
            case "spend_30d" or "spend_change_mom":
                return Spend("直近30日の購入金額", "Spend in the last 30 days", v.Number("spend_30d"), v.Number("spend_change_mom"), format);
            case "spend_90d" or "spend_change_90d":
                return Spend("直近90日の購入金額", "Spend in the last 90 days", v.Number("spend_90d"), v.Number("spend_change_90d"), format);
            case "orders_90d" or "orders_change_90d":
                var orders = v.Number("orders_90d");
                return double.IsNaN(orders)
                    ? null
                    : Change("直近90日の購入", "Orders in the last 90 days", BeforeFromRatio(orders, v.Number("orders_change_90d")), orders, Times, Count);
            case "orders_vs_last_year_90d" when !double.IsNaN(v.Number(lead.Name)):
                var share = ReasonFormat.Percent(v.Number(lead.Name));
                return ($"直近90日の購入回数は前年同期の{share}", $"Orders in the last 90 days are {share} of the same period last year");
            default:
                return null;
        }
    }

    private static (string, string)? Spend(string subjectJa, string subjectEn, double now, double change, ReasonFormat format) =>
        double.IsNaN(now) ? null : Change(subjectJa, subjectEn, BeforeFromRatio(now, change), now, format.AmountJa, format.AmountEn);
}
