namespace Kizuki.Demo;

/// <summary>One product of the demo shop.</summary>
internal sealed record EcProduct(string Name, string Category, decimal Price, bool Subscribable, string Code);

/// <summary>The demo shop's products, categories and email campaign calendar.</summary>
internal sealed class EcCatalog
{
    public static readonly EcProduct[] Products =
    [
        new("国産青汁 30包", "健康食品", 3980m, true, "aojiru-30"),
        new("乳酸菌サプリ 60粒", "健康食品", 2980m, true, "nyusankin-60"),
        new("マルチビタミン 90粒", "健康食品", 2480m, true, "multivitamin-90"),
        new("プロテイン ココア味 1kg", "健康食品", 4580m, true, "protein-cocoa"),
        new("薬用美白化粧水 200ml", "スキンケア", 3300m, true, "lotion-200"),
        new("オールインワンジェル 100g", "スキンケア", 4200m, true, "allinone-gel"),
        new("日焼け止めミルク", "スキンケア", 1980m, false, "sunscreen"),
        new("クレンジングオイル", "スキンケア", 2640m, false, "cleansing-oil"),
        new("アミノ酸シャンプー", "ヘアケア", 2200m, true, "amino-shampoo"),
        new("ヘアオイル", "ヘアケア", 1800m, false, "hair-oil"),
        new("有機ルイボスティー 40包", "飲料", 1620m, true, "rooibos-40"),
        new("炭酸水 500ml×24本", "飲料", 2160m, true, "sparkling-24"),
        new("水出し緑茶", "飲料", 1280m, false, "cold-brew-tea"),
        new("国産玄米 5kg", "食品", 3480m, true, "genmai-5kg"),
        new("無添加だしパック", "食品", 1580m, false, "dashi-pack"),
        new("ドライフルーツミックス", "食品", 1280m, false, "dried-fruit"),
        new("洗濯洗剤 詰め替え", "日用品", 980m, true, "detergent-refill"),
        new("竹歯ブラシ 4本", "日用品", 880m, false, "bamboo-brush"),
        new("ハンドソープ 詰め替え", "日用品", 760m, false, "handsoap-refill"),
        new("季節のギフトセット", "ギフト", 5500m, false, "gift-set"),
    ];

    public static readonly string[] Categories = ["健康食品", "スキンケア", "ヘアケア", "飲料", "食品", "日用品", "ギフト"];

    public static readonly string[] CategorySlugs = ["health", "skincare", "haircare", "drinks", "food", "daily", "gift"];

    public static readonly int[] SubscribableProducts =
        [.. Enumerable.Range(0, Products.Length).Where(i => Products[i].Subscribable)];

    public static readonly int GiftProduct = Products.Length - 1;

    private static readonly string[] Themes =
    [
        "", "新春セール", "バレンタイン特集", "新生活応援", "春の健康フェア", "GW限定クーポン", "梅雨のスキンケア",
        "夏のまとめ買い", "お盆セール", "秋の味覚", "ポイント2倍デー", "ブラックフライデー", "年末感謝祭",
    ];

    /// <summary>The campaign emailed on each history day (null on days without a send): about two a week.</summary>
    public EcCatalog(DemoWorld world)
    {
        Campaigns = new string?[world.Days];
        for (var d = 0; d < world.Days; d++)
        {
            if (d % 4 == 1 || (world.CalendarMonth(d) == 12 && d % 4 == 3))
            {
                var local = world.LocalDate(d);
                Campaigns[d] = string.Concat(
                    local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), " ", Themes[local.Month]);
            }
        }
    }

    public string?[] Campaigns { get; }
}
