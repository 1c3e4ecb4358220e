using System.Text.Encodings.Web;
using Kizuki.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kizuki.Web.Security;

/// <summary>Authenticates a request by its <c>X-Api-Key</c> header against the stored key hashes.</summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(KizukiSecurity.ApiKeyHeader, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = values[0]!;
        var id = ApiKeys.IdOf(key);
        var record = id is null ? null : accounts.FindApiKey(id);
        if (record is null || !ApiKeys.Matches(key, record))
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown or revoked API key"));
        }

        var principal = KizukiSecurity.Principal("key:" + record.Id, "key:" + record.Id, record.Role, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
