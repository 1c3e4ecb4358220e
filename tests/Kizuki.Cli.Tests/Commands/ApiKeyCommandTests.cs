using Kizuki.Storage;

namespace Kizuki.Tests.Commands;

public sealed class ApiKeyCommandTests
{
    [Fact]
    public void ApiKeyCreate_PrintsKeyOnceAndStoresOnlyItsHash()
    {
        using var dir = new TempDirectory();

        var created = CliRunner.Run("apikey", "create", "--role", "staff", "--label", "crm", "--data-dir", dir.Path, "--lang", "en");

        Assert.True(created.ExitCode == 0, created.Error);
        var key = created.Out.Trim();
        Assert.StartsWith("kz_", key, StringComparison.Ordinal);
        Assert.Contains("It will not be shown again", created.Error, StringComparison.Ordinal);
        using var store = StoreFactory.Open(dir.Path);
        var accounts = AccountStores.For(store);
        var record = accounts.FindApiKey(ApiKeys.IdOf(key)!)!;
        Assert.Equal((AccountRole.Staff, "crm", "cli"), (record.Role, record.Label, record.CreatedBy));
        Assert.True(ApiKeys.Matches(key, record));
        Assert.DoesNotContain(key, record.SecretHash, StringComparison.Ordinal);
        Assert.Contains(accounts.AuditLog(), e => e.Action == "apikey.create" && e.Target == record.Id);
    }
}
