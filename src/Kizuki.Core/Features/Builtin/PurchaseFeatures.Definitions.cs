using static Kizuki.Features.Builtin.FeatureText;

namespace Kizuki.Features.Builtin;

internal sealed partial class PurchaseFeatures
{
    private const BusinessField P = BusinessField.Purchases;

    /// <summary>The purchase features, in the order <see cref="Evaluate"/> writes them.</summary>
    public static readonly IReadOnlyList<FeatureDefinition> All =
    [
        Number("days_since_last_order", P, "最終購入からの日数", "Days since the last order",
            "基準日時より前の最後の完了注文からの日数。注文がなければ空欄。", "Days since the last completed order before the as-of instant; empty when none."),
        Number("orders_30d", P, "直近30日の購入回数", "Orders in the last 30 days",
            "基準日時までの30日間の完了注文数。", "Completed orders in the 30 days before the as-of instant."),
        Number("orders_90d", P, "直近90日の購入回数", "Orders in the last 90 days",
            "基準日時までの90日間の完了注文数。", "Completed orders in the 90 days before the as-of instant."),
        Number("orders_180d", P, "直近180日の購入回数", "Orders in the last 180 days",
            "基準日時までの180日間の完了注文数。", "Completed orders in the 180 days before the as-of instant."),
        Number("orders_365d", P, "直近1年の購入回数", "Orders in the last year",
            "基準日時までの365日間の完了注文数。", "Completed orders in the 365 days before the as-of instant."),
        Number("spend_30d", P, "直近30日の購入金額", "Spend in the last 30 days",
            "基準日時までの30日間の完了注文の合計金額。", "Total amount of completed orders in the 30 days before the as-of instant."),
        Number("spend_90d", P, "直近90日の購入金額", "Spend in the last 90 days",
            "基準日時までの90日間の完了注文の合計金額。", "Total amount of completed orders in the 90 days before the as-of instant."),
        Number("spend_180d", P, "直近180日の購入金額", "Spend in the last 180 days",
            "基準日時までの180日間の完了注文の合計金額。", "Total amount of completed orders in the 180 days before the as-of instant."),
        Number("spend_365d", P, "直近1年の購入金額", "Spend in the last year",
            "基準日時までの365日間の完了注文の合計金額。", "Total amount of completed orders in the 365 days before the as-of instant."),
        Number("spend_change_90d", P, "購入金額の変化（直近90日と前の90日）", "Spend change, last 90 days vs the 90 before",
            "(直近90日の金額 − その前の90日の金額) ÷ その前の90日の金額。前の90日に購入がなければ空欄。",
            "(spend in the last 90 days − spend in the 90 days before) ÷ spend in the 90 days before; empty when that was zero."),
        Number("orders_change_90d", P, "購入回数の変化（直近90日と前の90日）", "Order count change, last 90 days vs the 90 before",
            "(直近90日の回数 − その前の90日の回数) ÷ その前の90日の回数。前の90日に購入がなければ空欄。",
            "(orders in the last 90 days − orders in the 90 days before) ÷ orders in the 90 days before; empty when none."),
        Number("spend_change_mom", P, "購入金額の前月比", "Spend change month over month",
            "直近30日の金額と、その前の30日の金額の変化率。前の30日がゼロなら空欄。",
            "Relative change of spend in the last 30 days against the 30 days before; empty when that was zero."),
        Number("months_of_decline", P, "購入金額の連続減少月数", "Consecutive months of falling spend",
            "30日単位の期間で、直近から遡って購入金額が前の期間を下回り続けた期間数（最大12）。",
            "Number of consecutive 30-day periods, counting back from the latest, whose spend was below the period before (at most 12)."),
        Number("orders_vs_last_year_90d", P, "購入回数の前年同期比", "Orders against the same period last year",
            "直近90日の購入回数 ÷ 1年前の同じ90日の購入回数。前年同期に購入がなければ空欄。",
            "Orders in the last 90 days ÷ orders in the same 90 days a year earlier; empty when there were none then."),
        Number("monthly_spend_mean_6m", P, "月間購入金額の平均（6か月）", "Mean monthly spend over 6 months",
            "直近6期間（各30日）の購入金額の平均。", "Mean spend over the last six 30-day periods."),
        Number("monthly_spend_std_6m", P, "月間購入金額のばらつき（6か月）", "Spread of monthly spend over 6 months",
            "直近6期間（各30日）の購入金額の標準偏差。", "Standard deviation of spend over the last six 30-day periods."),
        Number("mean_order_gap_days", P, "平均購入間隔（日）", "Mean days between orders",
            "直近1年の完了注文どうしの平均間隔（日）。注文が2件未満なら空欄。",
            "Mean gap in days between consecutive completed orders in the last year; empty with fewer than two."),
        Number("order_overdue_ratio", P, "次回購入の遅れ（平均間隔比）", "How overdue the next order is",
            "最終購入からの日数 ÷ 平均購入間隔。1を超えるといつもの間隔より遅れています。",
            "Days since the last order ÷ the mean gap between orders; above 1 the next order is later than usual."),
        Number("returned_orders_180d", P, "直近180日の返品数", "Returned orders in the last 180 days",
            "基準日時までの180日間に返品された注文の数。", "Orders returned in the 180 days before the as-of instant."),
        Number("cancelled_orders_180d", P, "直近180日のキャンセル数", "Cancelled orders in the last 180 days",
            "基準日時までの180日間にキャンセルされた注文の数。", "Orders cancelled in the 180 days before the as-of instant."),
        Number("recurring_order_share_180d", P, "定期購入の割合（180日）", "Share of recurring orders (180 days)",
            "直近180日の完了注文のうち定期購入の割合。注文がなければ空欄。",
            "Share of completed orders in the last 180 days that came from a recurring subscription; empty when none."),
    ];
}
