namespace Kizuki.Demo;

/// <summary>Text fragments of the EC (mail-order) scenario.</summary>
internal static partial class DemoTexts
{
    /// <summary>Fictional competing shops.</summary>
    public static readonly string[] EcCompetitors = ["ヤスイ通販", "まとめ買いモール", "BestMart", "ドラッグ直送便"];

    private static readonly (string Subject, string Sentence)[] EcTopicsJa =
    [
        ("お届け日の変更", "次回のお届け日を{n}日ほど後ろにずらしたいです。"),
        ("商品の破損", "届いた商品の箱がつぶれていました。"),
        ("ご請求について", "クレジットカードの請求が2回になっています。"),
        ("お届け周期の変更", "定期便のお届け周期を{n}日ごとに変更できますか。"),
        ("商品の使い方", "1日に何回使えばよいか教えてください。"),
        ("返品について", "未開封の商品を返品したいです。"),
        ("商品が届かない", "注文から{n}日経ちますが、まだ届いていません。"),
        ("ポイントについて", "ポイントが反映されていません。"),
        ("クーポンが使えない", "メールのクーポンコードが使えませんでした。"),
        ("住所変更", "引っ越したのでお届け先を変更したいです。"),
    ];

    private static readonly (string Subject, string Sentence)[] EcTopicsEn =
    [
        ("Delivery date", "I would like to move my next delivery by {n} days."),
        ("Damaged item", "The box arrived crushed."),
        ("Billing", "My card was charged twice."),
        ("Delivery interval", "Can I change my regular delivery to every {n} days?"),
        ("Order not received", "I ordered {n} days ago and it has not arrived."),
        ("Coupon", "The coupon code from your email did not work."),
    ];

    private static readonly string[] EcComplaintsJa =
    [
        "届いた商品が破損していました。",
        "お届けが{n}日も遅れました。",
        "注文と違う商品が届きました。",
        "電話がまったくつながりません。",
        "肌に合わず、かゆみが出てしまいました。",
        "請求額が注文時の金額と違います。",
        "前回も同じことがあり、がっかりしています。",
        "問い合わせへの返信が遅すぎます。",
    ];

    private static readonly string[] EcComplaintsEn =
    [
        "The item arrived damaged.",
        "Delivery was {n} days late.",
        "I received the wrong item.",
        "Nobody answers the phone.",
        "This happened last time too and I am disappointed.",
    ];

    private static readonly string[] EcPriceJa =
    [
        "最近値上がりして続けるのが負担です。",
        "送料を含めると割高に感じます。",
        "もう少し安ければ続けたいのですが。",
    ];

    private static readonly string[] EcPriceEn = ["The price has gone up too much.", "With shipping it is too expensive."];

    private static readonly string[] EcIntentsJa =
    [
        "定期便を解約したいです。",
        "次回のお届けで定期購入をやめたいと思います。",
        "退会の手続きを教えてください。",
        "定期コースの解約方法を教えてください。",
        "もう購入はしないと思います。",
        "解約を検討しています。",
    ];

    private static readonly string[] EcIntentsEn =
    [
        "I would like to cancel my subscription.",
        "Please stop my regular delivery.",
        "How can I delete my account?",
        "I am considering cancelling.",
    ];

    private static readonly string[] EcCompetitorJa =
    [
        "{c}で同じような商品がもっと安く売られています。",
        "{c}の方が送料無料で安いです。",
        "{c}に乗り換えようと思っています。",
    ];

    private static readonly string[] EcCompetitorEn = ["{c} sells the same thing for less.", "I am switching to {c}."];

    private static readonly string[] EcIntentSubjectsJa = ["定期便の解約", "退会について", "解約の相談"];

    private static readonly string[] EcIntentSubjectsEn = ["Cancel subscription", "Close my account"];

    private static readonly string?[][] EcReasons =
    [
        ["その他", null, "引っ越しのため"],
        ["その他"],
        ["その他"],
        ["対応への不満", "配送トラブルが続いたため"],
        ["商品に満足できなかったため", "効果を感じられなかったため"],
        ["商品が余っているため", "飲みきれない・使いきれないため"],
        ["しばらくお休みしたいため", "家計の見直しのため"],
        ["その他"],
        ["価格が高いため", "他社製品に切り替えるため"],
        [null, "その他"],
    ];
}
