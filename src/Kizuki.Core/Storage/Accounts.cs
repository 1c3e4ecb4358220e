namespace Kizuki.Storage;

/// <summary>What a signed-in person or an API key may do.</summary>
/// <remarks>Ordered by power: a role may do everything the roles before it may.</remarks>
public enum AccountRole
{
    /// <summary>Reads everything and works tasks.</summary>
    Staff,
    /// <summary>Also changes rules, activates models and manages users and keys.</summary>
    Manager,
    /// <summary>Everything a manager may do; the role the first account gets.</summary>
    Admin,
}

/// <summary>A person who signs in to the dashboard.</summary>
/// <param name="Name">The sign-in name, unique (compared case-sensitively).</param>
/// <param name="Role">What the user may do.</param>
/// <param name="PasswordHash">The salted PBKDF2 hash in <see cref="PasswordHasher"/>'s format; never the password.</param>
/// <param name="CreatedAt">When the user was added.</param>
public sealed record UserAccount(string Name, AccountRole Role, string PasswordHash, DateTimeOffset CreatedAt);

/// <summary>An API key as stored: only the SHA-256 of its secret, never the key itself.</summary>
/// <param name="Id">The public key id (the part of the key before the secret), used to look the key up.</param>
/// <param name="SecretHash">SHA-256 of the whole key, hex.</param>
/// <param name="Role">What requests with the key may do.</param>
/// <param name="Label">What the key is for, as given when it was created.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
public sealed record ApiKeyRecord(
    string Id,
    string SecretHash,
    AccountRole Role,
    string? Label,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt);

/// <summary>One change, as written to the audit log.</summary>
/// <param name="Id">Sequence number, increasing in the order the changes were written.</param>
/// <param name="At">When the change was made.</param>
/// <param name="Actor">Who made it: <c>user:NAME</c>, <c>key:ID</c> or <c>cli</c>.</param>
/// <param name="Action">What was done, e.g. <c>user.add</c>, <c>model.activate</c>.</param>
/// <param name="Target">What it was done to, e.g. the user name or model version.</param>
/// <param name="Detail">Further detail as free text (never a secret); null when none.</param>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Detail);

/// <summary>Users, API keys and the audit log, in the same database as the store.</summary>
/// <remarks>Both engines pass one contract-test suite. Every write that changes access also appends an audit entry in the same transaction.</remarks>
public interface IAccountStore
{
    /// <summary>Adds a user; throws <see cref="InvalidOperationException"/> when the name is taken.</summary>
    void AddUser(UserAccount user, string actor);

    /// <summary>The user of that name, or null.</summary>
    UserAccount? FindUser(string name);

    /// <summary>All users ordered by name.</summary>
    IReadOnlyList<UserAccount> Users();

    /// <summary>Changes a user's role; false when there is no such user.</summary>
    bool ChangeRole(string name, AccountRole role, string actor, DateTimeOffset at);

    /// <summary>Stores a new API key (its hash only).</summary>
    void AddApiKey(ApiKeyRecord key);

    /// <summary>The key with that id, revoked or not, or null.</summary>
    ApiKeyRecord? FindApiKey(string id);

    /// <summary>All keys ordered by creation.</summary>
    IReadOnlyList<ApiKeyRecord> ApiKeys();

    /// <summary>Revokes a key; false when there is no such key or it was already revoked.</summary>
    bool RevokeApiKey(string id, string actor, DateTimeOffset at);

    /// <summary>Appends an entry to the audit log.</summary>
    void Audit(DateTimeOffset at, string actor, string action, string target, string? detail = null);

    /// <summary>The newest audit entries first, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<AuditEntry> AuditLog(int limit = 100);
}
