using System.Data.Common;
using Npgsql;

namespace Kizuki.Storage;

/// <summary>Opens the <see cref="IAccountStore"/> that lives beside an <see cref="IStore"/>.</summary>
public static class AccountStores
{
    /// <summary>
    /// The account store in the same database as <paramref name="store"/>, which must be migrated.
    /// For PostgreSQL, <paramref name="databaseUrl"/> is the URL the store was opened with.
    /// </summary>
    public static IAccountStore For(IStore store, string? databaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store switch
        {
            SqliteStore sqlite => new RelationalAccountStore(
                sqlite.Open, i => StoreValues.ToUnixMilliseconds(i), (r, i) => StoreValues.FromUnixMilliseconds(r.GetInt64(i)), null),
            PostgresStore => ForPostgres(databaseUrl
                ?? throw new ArgumentException("the PostgreSQL account store needs the database URL / PostgreSQL では URL が必要です", nameof(databaseUrl))),
            _ => throw new ArgumentException($"no account store for {store.GetType().Name}", nameof(store)),
        };
    }

    private static RelationalAccountStore ForPostgres(string databaseUrl)
    {
        var source = NpgsqlDataSource.Create(PostgresConnectionString.Parse(databaseUrl));
        return new RelationalAccountStore(
            source.OpenConnection,
            i => StoreValues.ToUtcMilliseconds(i),
            (r, i) => new DateTimeOffset(r.GetFieldValue<DateTime>(i), TimeSpan.Zero),
            source);
    }
}

/// <summary>Users, API keys and audit log over either engine: the SQL is shared, instants go through two small functions.</summary>
internal sealed partial class RelationalAccountStore(
    Func<DbConnection> open,
    Func<DateTimeOffset, object> timeValue,
    Func<DbDataReader, int, DateTimeOffset> readTime,
    IDisposable? owned) : IAccountStore, IDisposable
{
    private const string UserColumns = "name, role, password_hash, created_at";
    private const string KeyColumns = "id, secret_hash, role, label, created_at, created_by, revoked_at";

    /// <inheritdoc />
    public void AddUser(UserAccount user, string actor)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var connection = open();
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, transaction, "SELECT COUNT(*) FROM users WHERE name = @name", ("name", user.Name)) > 0)
        {
            throw new InvalidOperationException(
                $"ユーザー '{user.Name}' は既に存在します。 / User '{user.Name}' already exists.");
        }

        Execute(connection, transaction, $"INSERT INTO users ({UserColumns}) VALUES (@name, @role, @hash, @at)",
            ("name", user.Name), ("role", RoleText(user.Role)), ("hash", user.PasswordHash), ("at", timeValue(user.CreatedAt)));
        Append(connection, transaction, user.CreatedAt, actor, "user.add", user.Name, "role=" + RoleText(user.Role));
        transaction.Commit();
    }

    /// <inheritdoc />
    public UserAccount? FindUser(string name) =>
        ReadUsers("SELECT " + UserColumns + " FROM users WHERE name = @name", ("name", name)).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyList<UserAccount> Users() => ReadUsers("SELECT " + UserColumns + " FROM users ORDER BY name");

    /// <inheritdoc />
    public bool ChangeRole(string name, AccountRole role, string actor, DateTimeOffset at)
    {
        using var connection = open();
        using var transaction = connection.BeginTransaction();
        var changed = Execute(connection, transaction, "UPDATE users SET role = @role WHERE name = @name",
            ("role", RoleText(role)), ("name", name));
        if (changed == 0)
        {
            return false;
        }

        Append(connection, transaction, at, actor, "user.role", name, "role=" + RoleText(role));
        transaction.Commit();
        return true;
    }

    /// <inheritdoc />
    public void AddApiKey(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var connection = open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"INSERT INTO api_keys ({KeyColumns}) VALUES (@id, @hash, @role, @label, @at, @by, NULL)",
            ("id", key.Id), ("hash", key.SecretHash), ("role", RoleText(key.Role)), ("label", key.Label),
            ("at", timeValue(key.CreatedAt)), ("by", key.CreatedBy));
        Append(connection, transaction, key.CreatedAt, key.CreatedBy, "apikey.create", key.Id, "role=" + RoleText(key.Role));
        transaction.Commit();
    }

    /// <inheritdoc />
    public ApiKeyRecord? FindApiKey(string id) =>
        ReadKeys("SELECT " + KeyColumns + " FROM api_keys WHERE id = @id", ("id", id)).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyList<ApiKeyRecord> ApiKeys() => ReadKeys("SELECT " + KeyColumns + " FROM api_keys ORDER BY created_at, id");

    /// <inheritdoc />
    public bool RevokeApiKey(string id, string actor, DateTimeOffset at)
    {
        using var connection = open();
        using var transaction = connection.BeginTransaction();
        var changed = Execute(connection, transaction, "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL",
            ("at", timeValue(at)), ("id", id));
        if (changed == 0)
        {
            return false;
        }

        Append(connection, transaction, at, actor, "apikey.revoke", id, null);
        transaction.Commit();
        return true;
    }

    /// <inheritdoc />
    public void Audit(DateTimeOffset at, string actor, string action, string target, string? detail = null)
    {
        using var connection = open();
        using var transaction = connection.BeginTransaction();
        Append(connection, transaction, at, actor, action, target, detail);
        transaction.Commit();
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> AuditLog(int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        using var connection = open();
        using var command = Command(connection, null,
            "SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT @limit", [("limit", (object?)limit)]);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), readTime(reader, 1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetNullableString(5)));
        }

        return entries;
    }

    /// <inheritdoc />
    public void Dispose() => owned?.Dispose();
}
