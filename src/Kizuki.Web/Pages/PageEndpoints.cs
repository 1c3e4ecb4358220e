using System.Collections.Frozen;
using System.Reflection;

namespace Kizuki.Web.Pages;

/// <summary>The dashboard's HTML, JS and CSS, served from resources embedded in this assembly: nothing from a CDN.</summary>
/// <remarks>The page shell needs sign-in (a browser without it is sent to <c>/login</c>); the sign-in page and the assets do not.</remarks>
internal static class PageEndpoints
{
    private const string Prefix = "Kizuki.Web.Assets.";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> Assets = Load();

    public static void MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Asset("index.html")).ExcludeFromDescription();
        app.MapGet("/login", () => Asset("login.html")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/assets/{name}", (string name) => Asset(name)).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult Asset(string name)
    {
        if (!Assets.TryGetValue(name, out var asset))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }

    private static FrozenDictionary<string, (byte[] Bytes, string ContentType)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var name = resource[Prefix.Length..];
            assets[name] = (memory.ToArray(), ContentType(name));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
