namespace Kizuki.Features;

public sealed partial class FeatureCatalog
{
    /// <summary>The built-in feature groups followed by the user's metrics.</summary>
    internal static FeatureCatalog Create(FeatureContext context)
    {
        var groups = new List<IFeatureGroup>();
        return new FeatureCatalog(groups);
    }
}
