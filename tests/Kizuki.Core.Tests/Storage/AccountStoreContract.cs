using Kizuki.Storage;

namespace Kizuki.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IAccountStore"/> must show (users, roles, password hashes, API keys, audit log);
/// each engine's test class derives from this one and gives every test a fresh, migrated database.
/// </summary>
public abstract class AccountStoreContract : IDisposable
{
    /// <summary>Hashes in these tests use few iterations to stay fast; the format and the check are the same.</summary>
    private const int TestIterations = 1000;

    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 30, 15, TimeSpan.Zero);

    private readonly List<IDisposable> opened = [];

    /// <summary>Opens the store on a fresh database (already migrated) and the account store beside it.</summary>
    private protected abstract (IStore Store, IAccountStore Accounts) Open();

    /// <summary>Removes the database after the test.</summary>
    private protected abstract void DisposeDatabase();

    public void Dispose()
    {
        foreach (var item in Enumerable.Reverse(opened))
        {
            item.Dispose();
        }

        DisposeDatabase();
        GC.SuppressFinalize(this);
    }

    private IAccountStore Accounts()
    {
        var (store, accounts) = Open();
        opened.Add(store);
        if (accounts is IDisposable disposable)
        {
            opened.Add(disposable);
        }

        return accounts;
    }

    private static UserAccount User(string name, AccountRole role, string password = "correct-horse-1") =>
        new(name, role, PasswordHasher.Hash(password, TestIterations), T0);

    [Fact]
    public void AddUser_ThenFind_ReturnsSameUserWithInstantAndRole()
    {
        var accounts = Accounts();

        accounts.AddUser(User("佐藤", AccountRole.Manager), "cli");

        var found = accounts.FindUser("佐藤");
        Assert.NotNull(found);
        Assert.Equal(("佐藤", AccountRole.Manager, T0), (found.Name, found.Role, found.CreatedAt));
    }

    [Fact]
    public void FindUser_NameDiffersInCase_ReturnsNull()
    {
        var accounts = Accounts();
        accounts.AddUser(User("hanako", AccountRole.Staff), "cli");

        Assert.Null(accounts.FindUser("Hanako"));
        Assert.Null(accounts.FindUser("nobody"));
    }

    [Fact]
    public void StoredHash_VerifiesOnlyTheRightPassword()
    {
        var accounts = Accounts();
        accounts.AddUser(User("hanako", AccountRole.Staff, "パスワード-secret"), "cli");

        var hash = accounts.FindUser("hanako")!.PasswordHash;

        Assert.StartsWith("pbkdf2-sha256$1000$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", hash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("パスワード-secret", hash));
        Assert.False(PasswordHasher.Verify("パスワード-Secret", hash));
    }

    [Fact]
    public void AddUser_NameTaken_ThrowsAndKeepsFirstUserAndOneAuditEntry()
    {
        var accounts = Accounts();
        accounts.AddUser(User("hanako", AccountRole.Staff), "cli");

        var error = Assert.Throws<InvalidOperationException>(() => accounts.AddUser(User("hanako", AccountRole.Admin), "cli"));

        Assert.Contains("hanako", error.Message, StringComparison.Ordinal);
        Assert.Equal(AccountRole.Staff, accounts.FindUser("hanako")!.Role);
        Assert.Single(accounts.AuditLog(), e => e.Action == "user.add");
    }

    [Fact]
    public void Users_OrderedByName()
    {
        var accounts = Accounts();
        accounts.AddUser(User("taro", AccountRole.Staff), "cli");
        accounts.AddUser(User("aiko", AccountRole.Admin), "cli");
        accounts.AddUser(User("jiro", AccountRole.Manager), "cli");

        Assert.Equal(["aiko", "jiro", "taro"], accounts.Users().Select(u => u.Name));
    }

    [Fact]
    public void ChangeRole_ExistingUser_ChangesRoleAndAudits()
    {
        var accounts = Accounts();
        accounts.AddUser(User("hanako", AccountRole.Staff), "cli");

        var changed = accounts.ChangeRole("hanako", AccountRole.Manager, "user:admin", T0.AddHours(1));

        Assert.True(changed);
        Assert.Equal(AccountRole.Manager, accounts.FindUser("hanako")!.Role);
        var entry = accounts.AuditLog(1).Single();
        Assert.Equal(("user:admin", "user.role", "hanako", "role=manager", T0.AddHours(1)),
            (entry.Actor, entry.Action, entry.Target, entry.Detail, entry.At));
    }

    [Fact]
    public void ChangeRole_UnknownUser_FalseAndNothingAudited()
    {
        var accounts = Accounts();

        Assert.False(accounts.ChangeRole("nobody", AccountRole.Admin, "user:admin", T0));
        Assert.Empty(accounts.AuditLog());
    }

    [Fact]
    public void AddApiKey_StoresOnlyHashAndKeyMatches()
    {
        var accounts = Accounts();
        var (key, record) = ApiKeys.Create(AccountRole.Staff, "crm", "cli", T0);

        accounts.AddApiKey(record);

        var found = accounts.FindApiKey(ApiKeys.IdOf(key)!);
        Assert.NotNull(found);
        Assert.Equal(record, found);
        Assert.DoesNotContain(key[(key.LastIndexOf('_') + 1)..], found.SecretHash, StringComparison.Ordinal);
        Assert.True(ApiKeys.Matches(key, found));
        Assert.False(ApiKeys.Matches(key + "x", found));
    }

    [Fact]
    public void RevokeApiKey_KeyStopsMatchingAndSecondRevokeIsFalse()
    {
        var accounts = Accounts();
        var (key, record) = ApiKeys.Create(AccountRole.Manager, null, "user:admin", T0);
        accounts.AddApiKey(record);

        Assert.True(accounts.RevokeApiKey(record.Id, "user:admin", T0.AddDays(1)));
        Assert.False(accounts.RevokeApiKey(record.Id, "user:admin", T0.AddDays(2)));

        var revoked = accounts.FindApiKey(record.Id)!;
        Assert.Equal(T0.AddDays(1), revoked.RevokedAt);
        Assert.False(ApiKeys.Matches(key, revoked));
        Assert.False(accounts.RevokeApiKey("000000000000", "user:admin", T0));
    }

    [Fact]
    public void ApiKeys_OrderedByCreation()
    {
        var accounts = Accounts();
        var later = ApiKeys.Create(AccountRole.Staff, "later", "cli", T0.AddMinutes(5)).Record;
        var earlier = ApiKeys.Create(AccountRole.Admin, "earlier", "cli", T0).Record;
        accounts.AddApiKey(later);
        accounts.AddApiKey(earlier);

        Assert.Equal(["earlier", "later"], accounts.ApiKeys().Select(k => k.Label));
        Assert.Null(accounts.FindApiKey("ffffffffffff"));
    }

    [Fact]
    public void AuditLog_NewestFirstLimitedAndCarriesEveryField()
    {
        var accounts = Accounts();
        accounts.AddUser(User("hanako", AccountRole.Staff), "cli");
        var (_, record) = ApiKeys.Create(AccountRole.Staff, "crm", "user:hanako", T0.AddMinutes(1));
        accounts.AddApiKey(record);
        accounts.Audit(T0.AddMinutes(2), "user:hanako", "rule.save", "renewal-soon", "規則を変更");

        var all = accounts.AuditLog();
        var newest = accounts.AuditLog(limit: 2);

        Assert.Equal(["rule.save", "apikey.create", "user.add"], all.Select(e => e.Action));
        Assert.True(all[0].Id > all[1].Id && all[1].Id > all[2].Id);
        Assert.Equal(all.Take(2), newest);
        Assert.Equal(("cli", "hanako", "role=staff", T0), (all[2].Actor, all[2].Target, all[2].Detail, all[2].At));
        Assert.Equal(("user:hanako", record.Id), (all[1].Actor, all[1].Target));
        Assert.Equal("規則を変更", all[0].Detail);
    }

    [Fact]
    public void AuditLog_LimitBelowOne_Throws()
    {
        var accounts = Accounts();

        Assert.Throws<ArgumentOutOfRangeException>(() => accounts.AuditLog(0));
    }
}
