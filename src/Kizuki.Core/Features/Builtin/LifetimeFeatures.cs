using System.Globalization;
using Kizuki.Features.History;
using Kizuki.Lifetime;
using static Kizuki.Features.Builtin.FeatureText;

namespace Kizuki.Features.Builtin;

/// <summary>
/// Purchase-model signals for shops without contracts: P(alive), expected purchases over the churn window and the
/// probability of no purchase in it, from a buy-till-you-die model fitted on orders before the as-of.
/// </summary>
/// <remarks>
/// The parameters come from <see cref="LifetimeFeatureModels"/>: the fit of the latest as-of not after the one
/// evaluated, so a training cutoff uses a fit on orders strictly before it and scoring uses the fit stored with the
/// model. Each customer's summary reads only completed orders in the 730 days before the as-of. Without a usable fit
/// (none yet, or the data could not identify the model) or without an order, the features are missing (NaN).
/// </remarks>
internal sealed class LifetimeFeatures : IFeatureGroup
{
    /// <summary>The reason group of these features.</summary>
    public const string ReasonGroupKey = "purchase_outlook";

    /// <summary>Name of the P(alive) feature.</summary>
    public const string ProbabilityAlive = "p_alive";

    /// <summary>Name of the expected purchases feature.</summary>
    public const string ExpectedPurchases = "expected_purchases_window";

    /// <summary>Name of the P(no purchase in the window) feature.</summary>
    public const string ProbabilityNoPurchase = "p_no_purchase_window";

    private readonly IPurchaseModel?[] _models;

    public LifetimeFeatures(LifetimeFeatureModels models)
    {
        ArgumentNullException.ThrowIfNull(models);
        models.Validate();
        Models = models;
        _models = [.. models.Fits.Select(f => f.CreateModel())];
        Definitions = Describe(models.WindowDays);
    }

    /// <summary>The fits the features read.</summary>
    public LifetimeFeatureModels Models { get; }

    public IReadOnlyList<FeatureDefinition> Definitions { get; }

    /// <summary>The definitions for a churn window of <paramref name="windowDays"/> days.</summary>
    public static IReadOnlyList<FeatureDefinition> Describe(int windowDays)
    {
        const BusinessField P = BusinessField.Purchases;
        var w = windowDays.ToString(CultureInfo.InvariantCulture);
        return
        [
            Number(ProbabilityAlive, P, "購入継続確率（BTYDモデル）", "Probability still active (P(alive))",
                "購買予測モデル（BG/NBD など）が、基準日時までの購入履歴（730日以内）から推定した、まだ離反していない確率。モデルを推定できなければ空欄。",
                "The purchase model's (e.g. BG/NBD) probability that the customer is still active, from completed orders in the 730 days before the as-of; empty when the model could not be fitted.") with { ReasonGroup = ReasonGroupKey },
            Number(ExpectedPurchases, P, $"今後{w}日の期待購入回数", $"Expected purchases in the next {w} days",
                $"購買予測モデルによる、基準日時から{w}日間の購入回数の期待値。", $"The purchase model's expected number of purchases in the {w} days after the as-of.") with { ReasonGroup = ReasonGroupKey },
            Number(ProbabilityNoPurchase, P, $"今後{w}日に購入しない確率", $"Probability of no purchase in the next {w} days",
                $"購買予測モデルによる、基準日時から{w}日間に一度も購入しない確率（離反、または購入間隔が空くため）。",
                $"The purchase model's probability of no purchase at all in the {w} days after the as-of (gone, or just not buying).") with { ReasonGroup = ReasonGroupKey },
        ];
    }

    /// <inheritdoc />
    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        ArgumentNullException.ThrowIfNull(history);
        var index = Models.IndexFor(asOf);
        if (index < 0 || _models[index] is not { } model || LifetimeFeatureModels.Summarise(history, asOf) is not { } s)
        {
            output.Set(0, double.NaN);
            output.Set(1, double.NaN);
            output.Set(2, double.NaN);
            return;
        }

        double horizon = Models.WindowDays;
        output.Set(0, model.ProbabilityAlive(s.Frequency, s.Recency, s.Age));
        output.Set(1, model.ConditionalExpectedPurchases(horizon, s.Frequency, s.Recency, s.Age));
        output.Set(2, model.ProbabilityNoPurchase(horizon, s.Frequency, s.Recency, s.Age));
    }
}
