using Kizuki.Features.History;
using static Kizuki.Features.Builtin.FeatureText;

namespace Kizuki.Features.Builtin;

/// <summary>Who the customer is: how long they have been a customer and their segment attributes, as categories.</summary>
/// <remarks>
/// Attributes are the customer record as last imported: a business rarely changes a customer's industry or region, and
/// the record keeps no history of them. The plan that changes over time comes point-in-time from subscriptions instead.
/// </remarks>
internal sealed class ProfileFeatures : IFeatureGroup
{
    private const BusinessField F = BusinessField.Profile;

    private static readonly FeatureDefinition[] Standard =
    [
        Number("customer_age_days", F, "顧客になってからの日数", "Days as a customer",
            "登録日から基準日時までの日数。登録日が基準日時より後なら空欄。", "Days from signup to the as-of instant; empty when signup is not before it."),
        Category("industry", F, "業種", "Industry", "顧客の業種。", "The customer's industry."),
        Category("region", F, "地域", "Region", "顧客の地域。", "The customer's region."),
        Category("segment_plan", F, "会員区分", "Customer tier", "顧客データの plan 列（会員ランクなど）。", "The plan column of the customer record (tier, membership rank)."),
        Category("acquisition_channel", F, "獲得チャネル", "Acquisition channel", "顧客の獲得経路。", "How the customer was acquired."),
        Category("company_size", F, "企業規模", "Company size", "顧客の企業規模。", "The customer's company size."),
    ];

    private readonly string[] _attributes;

    /// <summary>The standard profile features plus one categorical feature per chosen custom attribute.</summary>
    public ProfileFeatures(IReadOnlyList<string> attributes)
    {
        _attributes = [.. attributes];
        Definitions =
        [
            .. Standard,
            .. _attributes.Select(a => Category("attr_" + a, F, a, a,
                $"顧客データの追加列「{a}」の値。", $"The value of the customer record's extra column \"{a}\".")),
        ];
    }

    public IReadOnlyList<FeatureDefinition> Definitions { get; }

    public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
    {
        var customer = history.Customer;
        var signup = history.SignupAt;
        output.Set(0, signup < asOf ? (asOf - signup) / (double)Millis.Day : double.NaN);
        var segment = customer?.Segment;
        output.SetCategory(1, segment?.Industry);
        output.SetCategory(2, segment?.Region);
        output.SetCategory(3, segment?.Plan);
        output.SetCategory(4, segment?.AcquisitionChannel);
        output.SetCategory(5, segment?.CompanySize);
        for (var i = 0; i < _attributes.Length; i++)
        {
            output.SetCategory(Standard.Length + i, customer?.Attributes.GetValueOrDefault(_attributes[i]));
        }
    }
}
