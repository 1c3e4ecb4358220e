using Kizuki.Domain;

namespace Kizuki.Ingest;

// The field lists of every import format. The constants are the fields' positions in each schema;
// docs/data-formats.md documents the same lists for users, keep them in step.

internal static class CustomerFields
{
    public const int Id = 0, Name = 1, SignupAt = 2, Industry = 3, Region = 4, Plan = 5, AcquisitionChannel = 6, CompanySize = 7;

    public static readonly EntitySchema Schema = new(
        EntityKind.Customers,
        new("customer_id", "顧客ID", true, "id", "customer", "顧客番号", "会員ID", "会員番号", "顧客コード"),
        new("name", "顧客名", false, "customer_name", "氏名", "名前", "会社名", "企業名"),
        new("signup_at", "登録日", true, "signup", "signup_date", "created_at", "登録日時", "入会日", "会員登録日", "初回購入日"),
        new("industry", "業種", false),
        new("region", "地域", false, "prefecture", "都道府県"),
        new("plan", "プラン", false, "tier", "会員ランク"),
        new("acquisition_channel", "獲得チャネル", false, "channel", "source", "流入経路", "獲得経路"),
        new("company_size", "企業規模", false, "size", "従業員規模", "従業員数"));
}

internal static class OrderFields
{
    public const int Id = 0, CustomerId = 1, OrderedAt = 2, Amount = 3, Currency = 4, Status = 5, IsRecurring = 6,
        Product = 7, Category = 8, Quantity = 9, UnitPrice = 10;

    public static readonly EntitySchema Schema = new(
        EntityKind.Orders,
        new("order_id", "注文ID", true, "id", "注文番号", "受注番号", "受注ID"),
        new("customer_id", "顧客ID", true, "customer", "顧客番号", "会員ID", "会員番号", "顧客コード"),
        new("ordered_at", "購入日", true, "order_date", "date", "注文日", "注文日時", "購入日時", "受注日"),
        new("amount", "金額", false, "total", "order_amount", "合計", "合計金額", "購入金額", "売上", "小計"),
        new("currency", "通貨", false),
        new("status", "ステータス", false, "order_status", "状態"),
        new("is_recurring", "定期購入", false, "recurring", "定期", "定期区分"),
        new("product", "商品", false, "product_id", "sku", "商品名", "商品コード", "商品ID"),
        new("category", "カテゴリ", false, "product_category", "商品カテゴリ", "カテゴリー"),
        new("quantity", "数量", false, "qty", "個数"),
        new("unit_price", "単価", false, "price", "販売単価"));
}

internal static class OrderLineFields
{
    public const int OrderId = 0, LineNumber = 1, Product = 2, Category = 3, Quantity = 4, UnitPrice = 5;

    public static readonly EntitySchema Schema = new(
        EntityKind.OrderLines,
        new("order_id", "注文ID", true, "注文番号", "受注番号", "受注ID"),
        new("line_number", "明細番号", false, "line", "行番号", "明細行"),
        new("product", "商品", true, "product_id", "sku", "商品名", "商品コード", "商品ID"),
        new("category", "カテゴリ", false, "product_category", "商品カテゴリ", "カテゴリー"),
        new("quantity", "数量", false, "qty", "個数"),
        new("unit_price", "単価", false, "price", "販売単価"));
}

internal static class SubscriptionFields
{
    public const int Id = 0, CustomerId = 1, Plan = 2, StartedAt = 3, RenewsAt = 4, EndedAt = 5, Amount = 6, Currency = 7,
        BillingCycleMonths = 8, Seats = 9, CancellationReason = 10, Competitor = 11;

    public static readonly EntitySchema Schema = new(
        EntityKind.Subscriptions,
        new("subscription_id", "契約ID", true, "id", "contract_id", "契約番号"),
        new("customer_id", "顧客ID", true, "customer", "顧客番号", "会員ID", "会員番号", "顧客コード"),
        new("plan", "プラン", true, "plan_name", "プラン名", "コース"),
        new("started_at", "開始日", true, "start", "start_date", "契約開始日", "開始日時"),
        new("renews_at", "更新日", false, "renewal", "renewal_date", "次回更新日"),
        new("ended_at", "終了日", false, "end", "end_date", "cancelled_at", "解約日", "契約終了日"),
        new("amount", "金額", true, "recurring_amount", "price", "料金", "月額", "契約金額"),
        new("currency", "通貨", false),
        new("billing_cycle_months", "請求周期", false, "billing_cycle", "cycle_months", "請求周期(月)", "課金周期"),
        new("seats", "席数", false, "licenses", "ライセンス数", "ユーザー数"),
        new("cancellation_reason", "解約理由", false, "reason"),
        new("competitor", "乗換先", false, "競合", "競合他社"));
}

internal static class ActivityFields
{
    public const int Id = 0, CustomerId = 1, OccurredAt = 2, Type = 3, Name = 4, Quantity = 5;

    public static readonly EntitySchema Schema = new(
        EntityKind.Activities,
        new("activity_id", "活動ID", false, "id", "event_id", "イベントID"),
        new("customer_id", "顧客ID", true, "customer", "user_id", "顧客番号", "会員ID", "会員番号", "顧客コード"),
        new("occurred_at", "日時", true, "timestamp", "time", "date", "発生日時", "日付"),
        new("type", "種類", true, "activity_type", "event_type", "種別", "行動"),
        new("name", "名称", false, "path", "feature", "campaign", "ページ", "機能", "対象"),
        new("quantity", "数量", false, "value", "duration", "count", "回数", "秒数"));
}

internal static class TicketFields
{
    public const int Id = 0, CustomerId = 1, OpenedAt = 2, ClosedAt = 3, Channel = 4, Subject = 5, Body = 6, Status = 7,
        Satisfaction = 8;

    public static readonly EntitySchema Schema = new(
        EntityKind.Tickets,
        new("ticket_id", "問い合わせID", true, "id", "チケットID", "問い合わせ番号"),
        new("customer_id", "顧客ID", true, "customer", "顧客番号", "会員ID", "会員番号", "顧客コード"),
        new("opened_at", "受付日時", true, "created_at", "opened", "受付日", "問い合わせ日時", "問い合わせ日"),
        new("closed_at", "完了日時", false, "resolved_at", "closed", "完了日", "対応完了日"),
        new("channel", "窓口", true, "チャネル", "経路", "受付方法"),
        new("subject", "件名", false, "title", "タイトル"),
        new("body", "本文", false, "text", "message", "内容", "問い合わせ内容"),
        new("status", "ステータス", false, "状態", "対応状況"),
        new("satisfaction", "満足度", false, "rating", "評価"));
}

internal static class SurveyFields
{
    public const int Id = 0, CustomerId = 1, RespondedAt = 2, Kind = 3, Score = 4, Comment = 5;

    public static readonly EntitySchema Schema = new(
        EntityKind.Surveys,
        new("response_id", "回答ID", true, "id", "survey_id", "回答番号"),
        new("customer_id", "顧客ID", true, "customer", "顧客番号", "会員ID", "会員番号", "顧客コード"),
        new("responded_at", "回答日時", true, "answered_at", "date", "回答日"),
        new("kind", "種類", true, "survey", "survey_kind", "type", "種別", "調査"),
        new("score", "スコア", true, "点数", "評価"),
        new("comment", "コメント", false, "text", "自由記述", "ご意見"));
}

internal static class TouchFields
{
    public const int Id = 0, CustomerId = 1, TouchedAt = 2, Campaign = 3, Channel = 4, IsControl = 5;

    public static readonly EntitySchema Schema = new(
        EntityKind.Touches,
        new("touch_id", "施策実施ID", true, "id", "contact_id", "接触ID"),
        new("customer_id", "顧客ID", true, "customer", "顧客番号", "会員ID", "会員番号", "顧客コード"),
        new("touched_at", "実施日時", true, "contacted_at", "date", "実施日", "接触日"),
        new("campaign", "施策", true, "campaign_name", "キャンペーン", "施策名"),
        new("channel", "チャネル", true, "手段", "接触手段"),
        new("is_control", "対照群", false, "control", "holdout", "コントロール"));
}

internal static class ChurnEventFields
{
    public const int Id = 0, CustomerId = 1, OccurredAt = 2, Reason = 3, Competitor = 4;

    public static readonly EntitySchema Schema = new(
        EntityKind.ChurnEvents,
        new("event_id", "解約ID", true, "id", "churn_id", "解約番号"),
        new("customer_id", "顧客ID", true, "customer", "顧客番号", "会員ID", "会員番号", "顧客コード"),
        new("occurred_at", "解約日", true, "churned_at", "cancelled_at", "date", "解約日時"),
        new("reason", "解約理由", false, "cancellation_reason", "理由"),
        new("competitor", "乗換先", false, "競合", "競合他社"));
}
