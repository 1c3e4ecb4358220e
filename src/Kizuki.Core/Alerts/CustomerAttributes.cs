using Kizuki.Domain;

namespace Kizuki.Alerts;

/// <summary>Reads <c>attribute.NAME</c> from a customer record: the standard segment fields first, then custom attributes.</summary>
internal static class CustomerAttributes
{
    /// <summary>The attribute's value, or null when the customer or the attribute is unknown.</summary>
    public static string? Get(Customer? customer, string name)
    {
        if (customer is null)
        {
            return null;
        }

        var segment = customer.Segment;
        return name switch
        {
            "industry" => segment.Industry,
            "region" => segment.Region,
            "plan" => segment.Plan,
            "acquisition_channel" => segment.AcquisitionChannel,
            "company_size" => segment.CompanySize,
            "name" => customer.Name,
            _ => customer.Attributes.TryGetValue(name, out var value) ? value : null,
        };
    }
}
