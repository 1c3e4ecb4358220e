using Kizuki.Cli.Commands;
using Kizuki.Storage;

namespace Kizuki.Tests.Commands;

public sealed class UsersCommandTests
{
    [Fact]
    public void UsersAdd_PasswordOnStdin_StoresVerifiableHashAndListsUser()
    {
        using var dir = new TempDirectory();

        var add = CommandHost.Run((g, e, _) => UsersCommand.Create(g, e, new StringReader("hanako-password-1\n")),
            "users", "add", "hanako", "--role", "Manager", "--data-dir", dir.Path, "--lang", "en");
        var list = CliRunner.Run("users", "list", "--data-dir", dir.Path);

        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Contains("Added user hanako (manager).", add.Out, StringComparison.Ordinal);
        Assert.StartsWith("hanako\tmanager\t", list.Out, StringComparison.Ordinal);
        using var store = StoreFactory.Open(dir.Path);
        var user = AccountStores.For(store).FindUser("hanako")!;
        Assert.True(PasswordHasher.Verify("hanako-password-1", user.PasswordHash));
        Assert.Equal(CliRunner.Now, user.CreatedAt);
    }

    [Theory]
    [InlineData("short\n", "at least 8 characters")]
    [InlineData("", "at least 8 characters")]
    public void UsersAdd_ShortOrMissingPassword_FailsAndAddsNobody(string input, string expected)
    {
        using var dir = new TempDirectory();

        var add = CommandHost.Run((g, e, _) => UsersCommand.Create(g, e, new StringReader(input)),
            "users", "add", "hanako", "--role", "staff", "--data-dir", dir.Path, "--lang", "en");

        Assert.Equal(1, add.ExitCode);
        Assert.Contains(expected, add.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File(StoreFactory.SqliteFileName)) && UserExists(dir.Path, "hanako"));
    }

    [Fact]
    public void UsersAdd_UnknownRole_FailsNamingTheChoices()
    {
        using var dir = new TempDirectory();

        var add = CommandHost.Run((g, e, _) => UsersCommand.Create(g, e, new StringReader("hanako-password-1\n")),
            "users", "add", "hanako", "--role", "boss", "--data-dir", dir.Path);

        Assert.NotEqual(0, add.ExitCode);
        Assert.Contains("--role 'boss' must be admin, manager or staff", add.Error, StringComparison.Ordinal);
    }

    private static bool UserExists(string directory, string name)
    {
        using var store = StoreFactory.Open(directory);
        return AccountStores.For(store).FindUser(name) is not null;
    }
}
