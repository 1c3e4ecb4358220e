namespace Kizuki.Lifetime;

/// <summary>Named RFM segments, from the best customers to the lost.</summary>
public enum RfmSegment
{
    /// <summary>優良顧客: bought recently, often and much.</summary>
    Champions,
    /// <summary>安定顧客: buy often and fairly recently.</summary>
    Loyal,
    /// <summary>新規顧客: one recent first purchase.</summary>
    NewCustomers,
    /// <summary>有望顧客: recent, not yet frequent.</summary>
    Promising,
    /// <summary>要注意顧客: middling recency.</summary>
    NeedsAttention,
    /// <summary>離反予備軍: used to buy often, not lately.</summary>
    AtRisk,
    /// <summary>休眠顧客: not lately and not often.</summary>
    Hibernating,
    /// <summary>離脱顧客: the longest silent.</summary>
    Lost,
}

/// <summary>CPM (customer portfolio management) segments: 初回 and the spend × tenure grid, each active or lapsed (離脱).</summary>
public enum CpmSegment
{
    /// <summary>初回客: one purchase so far, recent.</summary>
    FirstTime,
    /// <summary>よちよち客: repeat buyer, low spend, short tenure.</summary>
    Toddler,
    /// <summary>コツコツ客: repeat buyer, low spend, long tenure.</summary>
    Steady,
    /// <summary>流行客: repeat buyer, high spend, short tenure.</summary>
    Trendy,
    /// <summary>優良客: repeat buyer, high spend, long tenure.</summary>
    Loyal,
    /// <summary>初回離脱客.</summary>
    FirstTimeLapsed,
    /// <summary>よちよち離脱客.</summary>
    ToddlerLapsed,
    /// <summary>コツコツ離脱客.</summary>
    SteadyLapsed,
    /// <summary>流行離脱客.</summary>
    TrendyLapsed,
    /// <summary>優良離脱客.</summary>
    LoyalLapsed,
}

/// <summary>Japanese and English names of the segments.</summary>
public static class SegmentNames
{
    /// <summary>The segment's name in <paramref name="language"/> (<c>ja</c> or <c>en</c>).</summary>
    public static string Of(RfmSegment segment, string language) => language == "en"
        ? segment switch
        {
            RfmSegment.Champions => "Champions",
            RfmSegment.Loyal => "Loyal",
            RfmSegment.NewCustomers => "New customers",
            RfmSegment.Promising => "Promising",
            RfmSegment.NeedsAttention => "Needs attention",
            RfmSegment.AtRisk => "At risk",
            RfmSegment.Hibernating => "Hibernating",
            _ => "Lost",
        }
        : segment switch
        {
            RfmSegment.Champions => "優良顧客",
            RfmSegment.Loyal => "安定顧客",
            RfmSegment.NewCustomers => "新規顧客",
            RfmSegment.Promising => "有望顧客",
            RfmSegment.NeedsAttention => "要注意顧客",
            RfmSegment.AtRisk => "離反予備軍",
            RfmSegment.Hibernating => "休眠顧客",
            _ => "離脱顧客",
        };

    /// <summary>The segment's name in <paramref name="language"/> (<c>ja</c> or <c>en</c>).</summary>
    public static string Of(CpmSegment segment, string language)
    {
        var lapsed = segment >= CpmSegment.FirstTimeLapsed;
        var core = (CpmSegment)((int)segment % 5);
        if (language == "en")
        {
            var name = core switch
            {
                CpmSegment.FirstTime => "First-time",
                CpmSegment.Toddler => "Toddler",
                CpmSegment.Steady => "Steady",
                CpmSegment.Trendy => "Trendy",
                _ => "Loyal",
            };
            return lapsed ? name + " (lapsed)" : name;
        }

        var ja = core switch
        {
            CpmSegment.FirstTime => "初回",
            CpmSegment.Toddler => "よちよち",
            CpmSegment.Steady => "コツコツ",
            CpmSegment.Trendy => "流行",
            _ => "優良",
        };
        return ja + (lapsed ? "離脱客" : "客");
    }
}
