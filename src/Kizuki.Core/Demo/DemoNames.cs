namespace Kizuki.Demo;

/// <summary>Name parts for demo customers: prefectures, people and companies (all fictional).</summary>
internal static class DemoNames
{
    public static readonly string[] Prefectures =
    [
        "東京都", "神奈川県", "大阪府", "愛知県", "埼玉県", "千葉県", "兵庫県", "北海道", "福岡県", "静岡県",
        "茨城県", "広島県", "京都府", "宮城県", "新潟県", "長野県", "岐阜県", "群馬県", "栃木県", "岡山県",
        "福島県", "三重県", "熊本県", "鹿児島県", "沖縄県", "滋賀県", "山口県", "愛媛県", "奈良県", "長崎県",
        "青森県", "岩手県", "石川県", "大分県", "宮崎県", "山形県", "富山県", "秋田県", "香川県", "和歌山県",
        "佐賀県", "山梨県", "福井県", "徳島県", "高知県", "島根県", "鳥取県",
    ];

    /// <summary>Rough weights (population share, business presence) for <see cref="Prefectures"/>.</summary>
    public static readonly double[] PrefectureWeights =
    [
        22, 9, 8, 6, 5.5, 5, 4.2, 4, 4, 2.8,
        2.2, 2.2, 2.1, 1.8, 1.7, 1.6, 1.5, 1.5, 1.5, 1.5,
        1.4, 1.4, 1.3, 1.2, 1.2, 1.1, 1.0, 1.0, 1.0, 1.0,
        0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.7, 0.7, 0.7,
        0.6, 0.6, 0.6, 0.5, 0.5, 0.5, 0.4,
    ];

    public static readonly string[] Surnames =
    [
        "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
        "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本",
        "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤",
        "村上", "遠藤", "青木", "坂本", "斉藤", "福田", "太田", "西村", "藤井", "岡本", "松田", "中川",
    ];

    public static readonly string[] GivenNames =
    [
        "翔太", "蓮", "大翔", "陽斗", "悠真", "健一", "誠", "浩二", "隆", "拓也", "大輔", "直樹",
        "陽菜", "結衣", "美咲", "さくら", "葵", "凛", "由美子", "恵子", "明美", "直美", "真由美", "花子",
        "優子", "智子", "美穂", "愛", "彩", "千尋",
    ];

    /// <summary>Company-name words per industry (same order as <see cref="Industries"/>).</summary>
    public static readonly string[][] IndustryWords =
    [
        ["製作所", "工業", "精機", "金属"],
        ["商店", "ストア", "リテール"],
        ["商事", "物産", "トレーディング"],
        ["建設", "工務店", "設備"],
        ["不動産", "ホーム", "エステート"],
        ["フーズ", "食堂", "ダイニング"],
        ["クリニック", "ケアサービス", "メディカル"],
        ["システムズ", "テック", "ソリューションズ"],
        ["会計事務所", "税理士法人", "法律事務所"],
        ["運輸", "ロジスティクス", "物流"],
        ["学院", "アカデミー", "教育センター"],
    ];

    public static readonly string[] Industries =
    [
        "製造業", "小売業", "卸売業", "建設業", "不動産業", "飲食業", "医療・福祉", "IT・通信", "士業", "運輸・物流", "教育",
    ];

    public static readonly double[] IndustryWeights = [16, 10, 9, 11, 6, 7, 8, 12, 7, 7, 4];

    private static readonly string[] EnglishHeads =
    [
        "Sakura", "Blue Harbor", "Kaze", "Northwind", "Fuji Bridge", "Sunrise", "Greenleaf", "Tsubame", "Pacific Crest",
        "Hikari", "Maple", "Aozora", "Silverline", "Kawa", "Orbit",
    ];

    private static readonly string[] EnglishTails =
    [
        "Logistics Inc.", "Trading Co., Ltd.", "Systems K.K.", "Foods Co., Ltd.", "Design Studio", "Partners LLC",
        "Engineering Inc.", "Clinic Group", "Retail Co.", "Consulting K.K.",
    ];

    /// <summary>A Japanese company name such as 株式会社山田製作所 or 佐藤建設株式会社.</summary>
    public static string JapaneseCompany(DemoRandom rng, int industry)
    {
        var core = rng.Pick(Surnames) + rng.Pick(IndustryWords[industry]);
        return rng.Next(10) switch
        {
            < 5 => "株式会社" + core,
            < 8 => core + "株式会社",
            8 => "有限会社" + core,
            _ => "合同会社" + core,
        };
    }

    public static string EnglishCompany(DemoRandom rng) => rng.Pick(EnglishHeads) + " " + rng.Pick(EnglishTails);

    /// <summary>A person's name, surname first, e.g. 山田 花子.</summary>
    public static string Person(DemoRandom rng) => rng.Pick(Surnames) + " " + rng.Pick(GivenNames);

    public static string Prefecture(DemoRandom rng) => Prefectures[rng.PickWeighted(PrefectureWeights)];
}
