namespace Kizuki.Domain;

/// <summary>A customer of the business: a person or a company.</summary>
/// <param name="Id">The business's own customer id (source id); unique.</param>
/// <param name="Name">Display name; may be absent when a source carries no names.</param>
/// <param name="SignupAt">When the customer first signed up or first bought (UTC).</param>
/// <param name="Segment">Standard segment attributes used for analysis and as model features.</param>
/// <param name="Attributes">Free custom attributes (name to value), kept as text.</param>
public sealed record Customer(
    string Id,
    string? Name,
    DateTimeOffset SignupAt,
    CustomerSegment Segment,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>An empty attribute set.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoAttributes =
        new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>The segment attributes every business tends to have; each is optional.</summary>
/// <param name="Industry">Industry (業種).</param>
/// <param name="Region">Region or prefecture (地域).</param>
/// <param name="Plan">Current plan or membership tier (プラン).</param>
/// <param name="AcquisitionChannel">How the customer came (獲得チャネル).</param>
/// <param name="CompanySize">Company size band (企業規模), for B2B.</param>
public sealed record CustomerSegment(
    string? Industry = null,
    string? Region = null,
    string? Plan = null,
    string? AcquisitionChannel = null,
    string? CompanySize = null)
{
    /// <summary>A segment with nothing known.</summary>
    public static readonly CustomerSegment Unknown = new();
}
