using Kizuki.Features.Builtin;

namespace Kizuki.Explanations;

internal static partial class ReasonSentences
{
    /// <summary>The purchase model's view: the chance of no purchase in the window, with P(alive) and the expected purchases behind it.</summary>
    private static (string, string)? PurchaseOutlook(IRowValues v)
    {
        var none = v.Number(LifetimeFeatures.ProbabilityNoPurchase);
        var alive = v.Number(LifetimeFeatures.ProbabilityAlive);
        var expected = v.Number(LifetimeFeatures.ExpectedPurchases);
        if (double.IsNaN(none))
        {
            return null;
        }

        var n = ReasonFormat.Percent(none);
        if (double.IsNaN(alive) || double.IsNaN(expected))
        {
            return ($"購買履歴から見て、予測期間中に購入しない確率{n}", $"From the order history, a {n} chance of no purchase in the prediction window");
        }

        var a = ReasonFormat.Percent(alive);
        var e = ReasonFormat.Number(expected, 1);
        return ($"購買履歴から見て、予測期間中に購入しない確率{n}（購入継続確率{a}、期待購入{e}回）",
            $"From the order history, a {n} chance of no purchase in the prediction window (P(alive) {a}, {e} purchases expected)");
    }
}
