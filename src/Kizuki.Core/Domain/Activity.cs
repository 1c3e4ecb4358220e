namespace Kizuki.Domain;

/// <summary>Something the customer did: a login, a feature used, a page viewed, an email opened.</summary>
/// <param name="Id">Source id; when a source has none, the importer derives a stable one from the content.</param>
/// <param name="CustomerId">Who did it.</param>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="Type">One of <see cref="ActivityTypes"/> or a user-defined type (lower-case word).</param>
/// <param name="Name">Page path, feature name or email campaign, depending on the type.</param>
/// <param name="Quantity">Quantity or duration in seconds, if the source has one.</param>
public sealed record Activity(
    string Id,
    string CustomerId,
    DateTimeOffset OccurredAt,
    string Type,
    string? Name,
    double? Quantity);

/// <summary>The activity types Kizuki knows; users may add their own.</summary>
public static class ActivityTypes
{
    /// <summary>A sign-in to the product.</summary>
    public const string Login = "login";
    /// <summary>Use of a named feature.</summary>
    public const string FeatureUse = "feature_use";
    /// <summary>A web page view; the name is the path.</summary>
    public const string PageView = "page_view";
    /// <summary>An email opened; the name is the campaign.</summary>
    public const string EmailOpen = "email_open";
    /// <summary>A link clicked in an email.</summary>
    public const string EmailClick = "email_click";

    /// <summary>The built-in types.</summary>
    public static readonly IReadOnlyList<string> BuiltIn = [Login, FeatureUse, PageView, EmailOpen, EmailClick];

    /// <summary>Whether <paramref name="type"/> is a valid type name: lower-case letters, digits and '_', starting with a letter.</summary>
    public static bool IsValidName(string type) =>
        type.Length is > 0 and <= 40 && char.IsAsciiLetterLower(type[0]) &&
        type.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
