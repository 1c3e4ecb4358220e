using Kizuki.Features;
using Kizuki.Features.Batch;

namespace Kizuki.Explanations;

/// <summary>A one-row feature table of one customer, so a single customer is explained by the same code as a batch.</summary>
internal static class CustomerTable
{
    /// <summary>The table of <paramref name="values"/> (computed at <paramref name="asOf"/>) for <paramref name="customerId"/>.</summary>
    public static FeatureTable From(FeatureValues values, string customerId, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(values);
        var definitions = values.Catalog.Definitions;
        var numbers = new double[]?[definitions.Count];
        var categories = new string?[]?[definitions.Count];
        for (var i = 0; i < definitions.Count; i++)
        {
            if (definitions[i].Kind == FeatureKind.Categorical)
            {
                categories[i] = [values.Categories[i]];
            }
            else
            {
                numbers[i] = [values.Numbers[i]];
            }
        }

        return new FeatureTable(asOf, definitions, [customerId], numbers, categories, eventsRead: 0);
    }
}
