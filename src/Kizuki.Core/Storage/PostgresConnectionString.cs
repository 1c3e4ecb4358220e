using System.Globalization;
using Npgsql;

namespace Kizuki.Storage;

/// <summary>Turns the database setting into an Npgsql connection string, and describes it without the password.</summary>
/// <remarks>
/// Accepts the URL form users copy from hosting dashboards (<c>postgres://user:pass@host:port/db?sslmode=require</c>,
/// also <c>postgresql://</c>; user, password and database may be percent-encoded) and plain Npgsql connection
/// strings (<c>Host=...;Database=...</c>). Query parameters of a URL are Npgsql keywords such as <c>sslmode</c>.
/// </remarks>
internal static class PostgresConnectionString
{
    /// <summary>The port used when a URL names none.</summary>
    public const int DefaultPort = 5432;

    /// <summary>Whether <paramref name="setting"/> names a PostgreSQL database rather than the embedded file.</summary>
    public static bool IsPostgres(string? setting) =>
        setting is not null &&
        (setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
         setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
         setting.TrimStart().StartsWith("host=", StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a URL or connection string.</summary>
    /// <exception cref="ArgumentException">The setting is neither form; the message, in Japanese and English, says why.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string setting)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        if (setting.Contains("://", StringComparison.Ordinal))
        {
            return FromUrl(setting);
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(setting);
        }
        catch (ArgumentException e)
        {
            throw Invalid("Host=...", e.Message);
        }

        return string.IsNullOrEmpty(builder.Host)
            ? throw Invalid("Host=...", "Host がありません / Host is missing")
            : builder;
    }

    /// <summary>Where the database is, as a URL without the password: <c>postgresql://user@host:port/db</c>.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? "" : Uri.EscapeDataString(builder.Username) + "@";
        var host = builder.Host ?? "localhost";
        if (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('['))
        {
            host = $"[{host}]";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"postgresql://{user}{host}:{builder.Port}/{Uri.EscapeDataString(builder.Database ?? "")}");
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            throw Invalid(Redact(url), "postgres://user:password@host:port/database の形式で指定してください / expected postgres://user:password@host:port/database");
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            throw Invalid(Redact(url), "ホスト名がありません / the host is missing");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.DnsSafeHost,
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw Invalid(Redact(url), $"パラメータ '{key}' は使えません / parameter '{key}' is not supported ({e.Message})");
            }
        }

        return builder;
    }

    private static string Redact(string url)
    {
        var at = url.LastIndexOf('@');
        var scheme = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var colon = at < 0 ? -1 : url.IndexOf(':', scheme, at - scheme);
        return colon < 0 ? url : url[..(colon + 1)] + "***" + url[at..];
    }

    private static ArgumentException Invalid(string shown, string reason) =>
        new($"データベースの指定 '{shown}' が正しくありません: {reason} / Invalid database setting '{shown}': {reason}");
}
