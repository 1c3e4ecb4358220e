namespace Kizuki.Domain;

/// <summary>A retention action or campaign contact, or a hold-out from one.</summary>
/// <param name="Id">Source id; unique.</param>
/// <param name="CustomerId">Who was contacted (or held out).</param>
/// <param name="TouchedAt">When (UTC).</param>
/// <param name="Campaign">Campaign or playbook name.</param>
/// <param name="Channel">Channel such as email, phone, visit, coupon.</param>
/// <param name="IsControl">True when the customer was held out as a control and not contacted.</param>
public sealed record Touch(
    string Id,
    string CustomerId,
    DateTimeOffset TouchedAt,
    string Campaign,
    string Channel,
    bool IsControl);
