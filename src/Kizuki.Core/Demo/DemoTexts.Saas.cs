namespace Kizuki.Demo;

/// <summary>Text fragments of the SaaS scenario.</summary>
internal static partial class DemoTexts
{
    /// <summary>Fictional competitors of the SaaS vendor, with the slug of their comparison page.</summary>
    public static readonly (string Name, string Slug)[] SaasCompetitors =
    [
        ("RivalCloud", "rivalcloud"), ("カンタン業務クラウド", "kantan-cloud"), ("NextDesk", "nextdesk"),
        ("スマート台帳", "smart-daicho"), ("WorkFlowly", "workflowly"),
    ];

    private static readonly (string Subject, string Sentence)[] SaasTopicsJa =
    [
        ("CSV出力について", "月次レポートをCSVで出力すると文字化けします。"),
        ("ユーザー追加の方法", "新しく入社した社員{n}名のアカウントを追加したいのですが、手順を教えてください。"),
        ("請求書の再発行", "先月分の請求書を再発行していただけますか。"),
        ("ログインできません", "パスワードを再設定してもログインできない社員がいます。"),
        ("外部連携の設定", "会計ソフトとの連携設定がうまくいきません。"),
        ("権限設定について", "部署ごとに閲覧権限を分ける方法を知りたいです。"),
        ("動作が遅い", "午前中になると画面の表示に{n}秒ほどかかります。"),
        ("データ取り込みエラー", "Excelからのデータ取り込みでエラー（コード E-{n}）が出ます。"),
        ("ワークフローの承認が止まる", "ワークフローの承認が途中で止まってしまいます。"),
        ("レポートの数値が合わない", "ダッシュボードの集計値と手元の数字が{n}件ずれています。"),
        ("スマホアプリについて", "スマートフォンアプリで通知が届きません。"),
        ("API連携について", "APIの利用上限（1時間あたり{n}回）を確認したいです。"),
    ];

    private static readonly (string Subject, string Sentence)[] SaasTopicsEn =
    [
        ("CSV export", "The monthly report shows garbled characters when exported to CSV."),
        ("Adding users", "We need to add {n} new employees. Could you tell us how?"),
        ("Invoice reissue", "Could you reissue last month's invoice?"),
        ("Cannot log in", "Some of our staff cannot log in even after resetting their password."),
        ("Integration settings", "The integration with our accounting software does not work."),
        ("Permissions", "How can we restrict access by department?"),
        ("Slow screens", "Screens take about {n} seconds to load in the morning."),
        ("Import error", "Importing from Excel fails with error E-{n}."),
        ("Workflow stuck", "Approvals in our workflow stop halfway."),
        ("Report numbers", "The dashboard totals differ from our own numbers by {n} records."),
    ];

    private static readonly string[] SaasComplaintsJa =
    [
        "先週から同じ不具合が何度も発生しています。",
        "前回の問い合わせから{n}日経っても回答がありません。",
        "画面の動作が非常に遅く、業務に支障が出ています。",
        "正直なところ、期待していた使い勝手ではありませんでした。",
        "サポートの回答が的外れで困っています。",
        "何度説明しても話が伝わらず、がっかりしています。",
        "社内から使いにくいという声が多く上がっています。",
        "障害のたびに作業が止まり、これ以上は我慢できません。",
        "改善のご連絡をいただいてから{n}日経ちますが、状況は変わっていません。",
        "導入時に聞いていた説明と違います。",
    ];

    private static readonly string[] SaasComplaintsEn =
    [
        "The same bug has come back several times since last week.",
        "We have had no answer for {n} days since our last request.",
        "The system is so slow that it is hurting our work.",
        "Honestly, the product is not what we expected.",
        "Your support answers do not address our problem.",
        "Our staff keep telling us it is hard to use.",
        "Every outage stops our work and we cannot accept this any more.",
        "This is not what we were told during onboarding.",
    ];

    private static readonly string[] SaasPriceJa =
    [
        "今の料金は当社の規模には高すぎると感じています。",
        "値上げ後の料金が予算に合いません。",
        "使っている機能に対して月額が割高です。",
    ];

    private static readonly string[] SaasPriceEn =
    [
        "The price is too high for a company of our size.",
        "After the price increase the plan no longer fits our budget.",
        "We pay for much more than we actually use.",
    ];

    private static readonly string[] SaasIntentsJa =
    [
        "解約を検討しています。",
        "来月末で契約を終了したいと考えています。",
        "解約の手続き方法を教えてください。",
        "契約の更新は見送る方向で社内調整中です。",
        "このままでは継続利用は難しいと考えています。",
        "今期で利用をやめることになりそうです。",
        "他のサービスへの乗り換えを検討しています。",
    ];

    private static readonly string[] SaasIntentsEn =
    [
        "We are considering cancelling our subscription.",
        "We would like to end the contract at the end of next month.",
        "Please tell us how to cancel the contract.",
        "We are unlikely to renew the contract.",
        "At this point we cannot continue using the service.",
        "We are thinking of switching to another service.",
    ];

    private static readonly string[] SaasCompetitorJa =
    [
        "{c}の方が安く、機能も十分なので比較しています。",
        "{c}への移行を検討しています。",
        "他社（{c}）から見積もりをもらいました。",
        "{c}なら同じ内容で月額が半分程度です。",
    ];

    private static readonly string[] SaasCompetitorEn =
    [
        "{c} offers a similar service for much less.",
        "We got a quote from {c}.",
        "We are evaluating {c} as an alternative.",
    ];

    private static readonly string[] SaasIntentSubjectsJa = ["解約について", "契約更新について", "解約手続きのご相談", "契約内容の見直し"];

    private static readonly string[] SaasIntentSubjectsEn = ["Cancellation", "About our contract renewal", "Cancel subscription"];

    /// <summary>Cancellation reasons per mechanism (index = enum value); index 0 for background churn.</summary>
    private static readonly string?[][] SaasReasons =
    [
        ["事業縮小のため", "廃業のため", "その他", null],
        ["社内で使われなくなったため", "利用頻度が低下したため"],
        ["必要な機能が業務に合わなくなったため", "業務フローが変わり不要になったため"],
        ["サポート対応への不満", "不具合が解消されないため"],
        ["期待した効果が得られないため", "満足度が低いため"],
        ["その他"],
        ["コスト削減のため", "予算の見直しのため"],
        ["契約更新を見送ったため", "費用対効果の見直しのため"],
        ["価格が高いため（他社へ乗り換え）", "より安価なサービスへ移行するため"],
        [null, "その他"],
    ];
}
