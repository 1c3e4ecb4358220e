namespace Kizuki.Lifetime;

/// <summary>The <c>lifetime</c> section of settings.json: RFM scoring, CPM segments and customer lifetime value.</summary>
public sealed record LifetimeSettings
{
    /// <summary>How recency, frequency and monetary value are scored 1–5.</summary>
    public RfmSettings Rfm { get; init; } = new();

    /// <summary>The CPM (customer portfolio management) thresholds.</summary>
    public CpmSettings Cpm { get; init; } = new();

    /// <summary>How far ahead customer lifetime value looks, in days. Default 365.</summary>
    public double ClvHorizonDays { get; init; } = 365;

    /// <summary>Discount rate per 30 days for customer lifetime value. Default 0.01 (about 12.7% a year).</summary>
    public double MonthlyDiscountRate { get; init; } = 0.01;

    /// <summary>
    /// Whether the churn model gets the lifetime features (P(alive), expected purchases and P(no purchase) over the churn
    /// window): <c>auto</c> (default) for non-contractual churn only, <c>on</c> always, <c>off</c> never.
    /// </summary>
    public string ChurnFeatures { get; init; } = "auto";

    /// <summary>The purchase model behind the lifetime features: <c>bgnbd</c> (default, closed form and fast) or <c>pareto</c>.</summary>
    public string ChurnFeatureModel { get; init; } = LifetimeFeatureModels.BgNbdModelKey;

    /// <summary>Whether the churn model of a business with this kind of churn gets the lifetime features.</summary>
    public bool UsesChurnFeatures(bool nonContractual) => ChurnFeatures switch
    {
        "on" => true,
        "off" => false,
        _ => nonContractual,
    };

    /// <summary>The CLV options these settings describe.</summary>
    public ClvOptions Clv => new(ClvHorizonDays, Math.Min(30, ClvHorizonDays), MonthlyDiscountRate);

    /// <summary>Throws naming the setting and its allowed range when a value is out of range.</summary>
    public void Validate()
    {
        Rfm.Validate();
        Cpm.Validate();
        if (!(ClvHorizonDays > 0) || double.IsInfinity(ClvHorizonDays))
        {
            throw new InvalidDataException($"settings.json: lifetime.clvHorizonDays must be a positive number of days, not {ClvHorizonDays}.");
        }

        if (ChurnFeatures is not ("auto" or "on" or "off"))
        {
            throw new InvalidDataException(
                $"settings.json: lifetime.churnFeatures は auto、on、off のいずれかです（指定値: {ChurnFeatures}）。 / lifetime.churnFeatures must be auto, on or off, not '{ChurnFeatures}'.");
        }

        if (ChurnFeatureModel is not (LifetimeFeatureModels.BgNbdModelKey or LifetimeFeatureModels.ParetoModel))
        {
            throw new InvalidDataException(
                $"settings.json: lifetime.churnFeatureModel は bgnbd か pareto です（指定値: {ChurnFeatureModel}）。 / lifetime.churnFeatureModel must be bgnbd or pareto, not '{ChurnFeatureModel}'.");
        }

        if (!(MonthlyDiscountRate >= 0) || MonthlyDiscountRate >= 1)
        {
            throw new InvalidDataException($"settings.json: lifetime.monthlyDiscountRate must be in [0, 1), not {MonthlyDiscountRate}.");
        }
    }
}

/// <summary>RFM scoring: each of recency, frequency and monetary value scored 1 (worst) to 5 (best).</summary>
/// <remarks>
/// Without thresholds a score is the customer's quintile among all customers with a purchase. With thresholds
/// (four ascending numbers) the score is fixed: for frequency and monetary value, 1 below the first, 5 at or above
/// the fourth; for recency in days, 5 at or below the first, 1 above the fourth.
/// </remarks>
public sealed record RfmSettings
{
    /// <summary>Four ascending day counts for recency scores 5..2; null for quintiles. Example: [30, 90, 180, 365].</summary>
    public double[]? RecencyDays { get; init; }

    /// <summary>Four ascending order counts for frequency scores 2..5; null for quintiles. Example: [2, 3, 5, 10].</summary>
    public double[]? Frequency { get; init; }

    /// <summary>Four ascending amounts for monetary scores 2..5; null for quintiles. Example: [5000, 10000, 30000, 100000].</summary>
    public double[]? Monetary { get; init; }

    /// <summary>Only orders in this many days before the as-of count for frequency and monetary value. Default 365.</summary>
    public int LookbackDays { get; init; } = 365;

    /// <summary>Throws naming the setting when thresholds are not four ascending numbers.</summary>
    public void Validate()
    {
        foreach (var (name, values) in new[] { ("recencyDays", RecencyDays), ("frequency", Frequency), ("monetary", Monetary) })
        {
            if (values is not null && (values.Length != 4 || values.Zip(values.Skip(1)).Any(p => !(p.Second > p.First)) || !values.All(double.IsFinite)))
            {
                throw new InvalidDataException(
                    $"settings.json: lifetime.rfm.{name} は昇順の数値 4 つにしてください。 / lifetime.rfm.{name} must be four ascending numbers, not [{string.Join(", ", values)}].");
            }
        }

        if (LookbackDays < 1)
        {
            throw new InvalidDataException($"settings.json: lifetime.rfm.lookbackDays must be at least 1, not {LookbackDays}.");
        }
    }
}

/// <summary>
/// CPM (顧客ポートフォリオマネジメント) as used by Japanese mail-order CRMs: one-time buyers (初回) and a 2 × 2 grid of
/// repeat buyers by total spend and tenure (days from the first to the latest purchase) — よちよち (low, short),
/// 流行 (high, short), コツコツ (low, long), 優良 (high, long) — each also in a lapsed (離脱) version when the last
/// purchase is older than <see cref="LapseDays"/>.
/// </summary>
public sealed record CpmSettings
{
    /// <summary>Total spend at or above which a repeat buyer is high-value (流行 or 優良). Default 30,000 (JPY).</summary>
    public double SpendThreshold { get; init; } = 30_000;

    /// <summary>Tenure in days at or above which a repeat buyer is long-standing (コツコツ or 優良). Default 365.</summary>
    public int TenureDays { get; init; } = 365;

    /// <summary>Days since the last purchase after which a customer counts as lapsed (離脱). Default 180.</summary>
    public int LapseDays { get; init; } = 180;

    /// <summary>Throws naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        if (!(SpendThreshold > 0) || double.IsInfinity(SpendThreshold))
        {
            throw new InvalidDataException($"settings.json: lifetime.cpm.spendThreshold must be a positive amount, not {SpendThreshold}.");
        }

        if (TenureDays < 1 || LapseDays < 1)
        {
            throw new InvalidDataException($"settings.json: lifetime.cpm.tenureDays and lapseDays must be at least 1, not {TenureDays} and {LapseDays}.");
        }
    }
}
