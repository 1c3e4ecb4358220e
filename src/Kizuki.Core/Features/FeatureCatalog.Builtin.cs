using Kizuki.Features.Builtin;
using Kizuki.Features.Metrics;

namespace Kizuki.Features;

public sealed partial class FeatureCatalog
{
    /// <summary>The built-in feature groups followed by the user's metrics.</summary>
    internal static FeatureCatalog Create(FeatureContext context)
    {
        var groups = new List<IFeatureGroup>
        {
            new PurchaseFeatures(),
            new SubscriptionFeatures(),
            new ActivityFeatures(context),
            new TicketFeatures(),
            new SurveyFeatures(),
            new TouchFeatures(),
            new ProfileFeatures(context.Settings.CategoricalAttributes),
            new MetricFeatures(context),
        };
        return new FeatureCatalog(groups);
    }
}
