using System.Security.Claims;
using Kizuki.Storage;
using Kizuki.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kizuki.Web.Api;

/// <summary><c>/api/users</c>, <c>/api/apikeys</c>, <c>/api/audit</c>: managers and admins only; every change audited.</summary>
internal static class AdminApi
{
    public static void MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/").RequireAuthorization(KizukiSecurity.ManagePolicy).WithTags("admin");
        admin.MapGet("/users", (IAccountStore accounts) => TypedResults.Ok(accounts.Users().Select(u => new UserView(u.Name, u.Role, u.CreatedAt)).ToList()))
            .WithName("ListUsers");
        admin.MapPost("/users", AddUser).WithName("AddUser");
        admin.MapPut("/users/{name}/role", ChangeRole).WithName("ChangeUserRole");
        admin.MapGet("/apikeys", (IAccountStore accounts) => TypedResults.Ok(accounts.ApiKeys()
                .Select(k => new ApiKeyView(k.Id, k.Role, k.Label, k.CreatedAt, k.CreatedBy, k.RevokedAt)).ToList()))
            .WithName("ListApiKeys");
        admin.MapPost("/apikeys", CreateKey).WithName("CreateApiKey");
        admin.MapDelete("/apikeys/{id}", (string id, IAccountStore accounts, TimeProvider time, ClaimsPrincipal user) =>
                accounts.RevokeApiKey(id, user.Actor(), time.GetUtcNow())
                    ? (Results<NoContent, ProblemHttpResult>)TypedResults.NoContent()
                    : Problems.NotFound($"有効な API キー '{id}' はありません。 / There is no live API key '{id}'."))
            .WithName("RevokeApiKey");
        admin.MapGet("/audit", (IAccountStore accounts, int limit = 100) => TypedResults.Ok(accounts.AuditLog(Math.Clamp(limit, 1, 1000))))
            .WithName("AuditLog");
    }

    private static Results<Created<UserView>, ProblemHttpResult> AddUser(
        NewUser body, IAccountStore accounts, TimeProvider time, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Password is null || body.Password.Length < AccountRules.MinPasswordLength)
        {
            return Problems.BadRequest(
                $"name と {AccountRules.MinPasswordLength} 文字以上の password が必要です。 / name and a password of at least {AccountRules.MinPasswordLength} characters are required.");
        }

        if (body.Role == AccountRole.Admin && !user.IsInRole(KizukiSecurity.RoleName(AccountRole.Admin)))
        {
            return TypedResults.Problem("管理者を作れるのは管理者だけです。 / Only an admin can add an admin.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (accounts.FindUser(body.Name) is not null)
        {
            return Problems.Conflict($"ユーザー '{body.Name}' は既に存在します。 / User '{body.Name}' already exists.");
        }

        var account = new UserAccount(body.Name, body.Role, PasswordHasher.Hash(body.Password), time.GetUtcNow());
        accounts.AddUser(account, user.Actor());
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(account.Name)}", new UserView(account.Name, account.Role, account.CreatedAt));
    }

    private static Results<NoContent, ProblemHttpResult> ChangeRole(
        string name, RoleChange body, IAccountStore accounts, TimeProvider time, ClaimsPrincipal user)
    {
        if (body.Role == AccountRole.Admin && !user.IsInRole(KizukiSecurity.RoleName(AccountRole.Admin)))
        {
            return TypedResults.Problem("管理者にできるのは管理者だけです。 / Only an admin can make an admin.", statusCode: StatusCodes.Status403Forbidden);
        }

        return accounts.ChangeRole(name, body.Role, user.Actor(), time.GetUtcNow())
            ? TypedResults.NoContent()
            : Problems.NotFound($"ユーザー '{name}' はいません。 / There is no user '{name}'.");
    }

    private static Results<Created<NewApiKey>, ProblemHttpResult> CreateKey(
        NewApiKeyRequest body, IAccountStore accounts, TimeProvider time, ClaimsPrincipal user)
    {
        if (body.Role == AccountRole.Admin && !user.IsInRole(KizukiSecurity.RoleName(AccountRole.Admin)))
        {
            return TypedResults.Problem("管理者キーを作れるのは管理者だけです。 / Only an admin can create an admin key.", statusCode: StatusCodes.Status403Forbidden);
        }

        var (key, record) = ApiKeys.Create(body.Role, body.Label, user.Actor(), time.GetUtcNow());
        accounts.AddApiKey(record);
        return TypedResults.Created($"/api/apikeys/{record.Id}", new NewApiKey(record.Id, key, record.Role, record.Label));
    }
}

/// <summary>Limits on accounts shared by the API and the command line.</summary>
public static class AccountRules
{
    /// <summary>The shortest password accepted: 8 characters.</summary>
    public const int MinPasswordLength = 8;
}

/// <summary>A user as listed (never the hash).</summary>
internal sealed record UserView(string Name, AccountRole Role, DateTimeOffset CreatedAt);

/// <summary>A user to add.</summary>
internal sealed record NewUser(string Name, string? Password, AccountRole Role = AccountRole.Staff);

/// <summary>A role to give.</summary>
internal sealed record RoleChange(AccountRole Role);

/// <summary>An API key as listed (never the secret).</summary>
internal sealed record ApiKeyView(string Id, AccountRole Role, string? Label, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>A key to create.</summary>
internal sealed record NewApiKeyRequest(AccountRole Role = AccountRole.Staff, string? Label = null);

/// <summary>A created key: <paramref name="Key"/> is shown this once and never stored.</summary>
internal sealed record NewApiKey(string Id, string Key, AccountRole Role, string? Label);
