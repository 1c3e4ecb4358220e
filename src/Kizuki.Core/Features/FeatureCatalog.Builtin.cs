using Kizuki.Features.Builtin;
using Kizuki.Features.Metrics;

namespace Kizuki.Features;

public sealed partial class FeatureCatalog
{
    /// <summary>The purchase-model fits of the lifetime features, when the catalog holds them; else null.</summary>
    public Kizuki.Lifetime.LifetimeFeatureModels? LifetimeModels => _groups.OfType<LifetimeFeatures>().FirstOrDefault()?.Models;

    /// <summary>The built-in feature groups (with the lifetime features after the purchase features when the context has fits) followed by the user's metrics.</summary>
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
        if (context.Lifetime is { } lifetime)
        {
            groups.Insert(1, new LifetimeFeatures(lifetime));
        }

        return new FeatureCatalog(groups);
    }
}
