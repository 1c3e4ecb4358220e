using System.Security.Claims;
using Kizuki.Configuration;
using Kizuki.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuki.Web.Security;

/// <summary>Browser sign-in and sign-out (<c>/auth/...</c>) and who is signed in (<c>/api/me</c>).</summary>
internal static class SignInApi
{
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").WithTags("sign-in");
        auth.MapPost("/sign-in", SignIn).AllowAnonymous().WithName("SignIn").DisableAntiforgery();
        auth.MapPost("/sign-out", (Delegate)SignOut).WithName("SignOut");
        app.MapGet("/api/me", Me).RequireAuthorization(KizukiSecurity.ReadPolicy).WithName("Me").WithTags("sign-in");
    }

    private static async Task<Results<Ok<MeView>, ProblemHttpResult>> SignIn(
        SignInRequest request, HttpContext http, IAccountStore accounts, TimeProvider time, KizukiSettings settings, KizukiWebOptions options,
        SignInThrottle throttle)
    {
        var name = request.Name ?? "";
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (throttle.LockedFor(name, address) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            accounts.Audit(time.GetUtcNow(), "anonymous", "user.signin.refused", name, "address=" + address);
            return TypedResults.Problem(
                $"失敗が続いたため、サインインを {seconds} 秒間受け付けません。 / Too many failed sign-ins; try again in {seconds} seconds.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Sign-in locked");
        }

        var user = name.Length == 0 ? null : accounts.FindUser(name);
        if (user is null || request.Password is null || !PasswordHasher.Verify(request.Password, user.PasswordHash))
        {
            var locked = throttle.Failed(name, address);
            accounts.Audit(time.GetUtcNow(), "anonymous", locked ? "user.signin.locked" : "user.signin.failed", name, "address=" + address);
            return TypedResults.Problem(
                "名前またはパスワードが違います。 / The name or password is wrong.", statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in failed");
        }

        throttle.Succeeded(user.Name);
        var principal = KizukiSecurity.Principal(user.Name, "user:" + user.Name, user.Role, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        accounts.Audit(time.GetUtcNow(), "user:" + user.Name, "user.signin", user.Name);
        return TypedResults.Ok(new MeView(user.Name, KizukiSecurity.RoleName(user.Role), Language(options, settings), settings.TimeZone, settings.Currency));
    }

    private static async Task<NoContent> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<MeView> Me(ClaimsPrincipal user, KizukiSettings settings, KizukiWebOptions options) =>
        TypedResults.Ok(new MeView(user.Identity?.Name ?? "", user.FindFirstValue(ClaimTypes.Role) ?? "", Language(options, settings), settings.TimeZone, settings.Currency));

    private static string Language(KizukiWebOptions options, KizukiSettings settings) => options.Language ?? settings.Language;
}

/// <summary>A sign-in attempt.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Password">The password.</param>
internal sealed record SignInRequest(string? Name, string? Password);

/// <summary>Who is signed in and how to show things to them.</summary>
/// <param name="Name">User name (or <c>key:ID</c> for an API key).</param>
/// <param name="Role">admin, manager or staff.</param>
/// <param name="Language">Default language of the dashboard: ja or en.</param>
/// <param name="TimeZone">IANA time zone dates are shown in.</param>
/// <param name="Currency">Currency of amounts.</param>
internal sealed record MeView(string Name, string Role, string Language, string TimeZone, string Currency);
