using System.Security.Claims;
using Kizuki.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Kizuki.Web.Security;

/// <summary>Sign-in for browsers (cookie) and integrations (<c>X-Api-Key</c>), and the two policies every endpoint uses.</summary>
/// <remarks>
/// A request with an <c>X-Api-Key</c> header is judged by the key alone; any other by the sign-in cookie. Every endpoint
/// needs one of them (the fallback policy), except those marked anonymous: <c>/health</c>, the sign-in page and its assets.
/// An API request without credentials gets 401 and one without the role 403 (never a redirect); a page request is sent to
/// the sign-in page.
/// </remarks>
internal static class KizukiSecurity
{
    /// <summary>Any signed-in user or key: reading, and working tasks.</summary>
    public const string ReadPolicy = "read";

    /// <summary>Managers and admins: changing rules, activating models, managing users and keys.</summary>
    public const string ManagePolicy = "manage";

    /// <summary>The header integrations send their key in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The claim naming who acts, as written to the audit log: <c>user:NAME</c> or <c>key:ID</c>.</summary>
    public const string ActorClaim = "kizuki:actor";

    private const string Selector = "kizuki";

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "Cookie or API key", scheme => scheme.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyHeader) ? ApiKeyHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "kizuki.auth";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login";
                cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<KizukiWebOptions>((cookie, options) => cookie.ExpireTimeSpan = options.SignInLifetime);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReadPolicy, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(ManagePolicy, policy => policy.RequireRole(RoleName(AccountRole.Manager), RoleName(AccountRole.Admin)))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>The role as it appears in claims and JSON: lower-case.</summary>
    public static string RoleName(AccountRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The principal of a user or key.</summary>
    public static ClaimsPrincipal Principal(string name, string actor, AccountRole role, string scheme) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, RoleName(role)), new Claim(ActorClaim, actor)],
            scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Who acts in this request, for the audit log.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.FindFirstValue(ActorClaim) ?? "unknown";

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi")
            || context.Request.Path.StartsWithSegments("/auth"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
