using System.CommandLine;
using Kizuki.Storage;
using Kizuki.Web.Api;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki users add NAME --role ROLE</c> (password from standard input) and <c>kizuki users list</c>.</summary>
internal static class UsersCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment, TextReader? input = null)
    {
        var name = new Argument<string>("name") { Description = "Sign-in name / サインイン名" };
        var role = RoleOption();
        var add = new Command("add", "Add a user; the password is read from standard input / ユーザーを追加（パスワードは標準入力から）") { name, role };
        add.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var password = (input ?? Console.In).ReadLine()?.TrimEnd('\r', '\n') ?? "";
            if (password.Length < AccountRules.MinPasswordLength)
            {
                throw new KizukiException(context.T(
                    $"標準入力から {AccountRules.MinPasswordLength} 文字以上のパスワードを 1 行で渡してください。",
                    $"Pass a password of at least {AccountRules.MinPasswordLength} characters as one line on standard input."));
            }

            using var store = context.OpenStore(create: true);
            var accounts = AccountStores.For(store, context.DatabaseUrl ?? context.Settings.Database);
            var user = new UserAccount(parse.GetValue(name)!, parse.GetValue(role), PasswordHasher.Hash(password), environment.Time.GetUtcNow());
            accounts.AddUser(user, "cli");
            environment.Out.WriteLine(context.T($"ユーザー {user.Name} ({Text(user.Role)}) を追加しました。", $"Added user {user.Name} ({Text(user.Role)})."));
            return 0;
        });
        var list = new Command("list", "List users / ユーザー一覧");
        list.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            using var store = context.OpenStore();
            foreach (var user in AccountStores.For(store, context.DatabaseUrl ?? context.Settings.Database).Users())
            {
                environment.Out.WriteLine($"{user.Name}\t{Text(user.Role)}\t{context.FormatLocal(user.CreatedAt)}");
            }

            return 0;
        });
        return new Command("users", "Dashboard users / ダッシュボードのユーザー") { add, list };
    }

    /// <summary>The --role option shared with <c>kizuki apikey create</c>.</summary>
    internal static Option<AccountRole> RoleOption()
    {
        var role = new Option<AccountRole>("--role")
        {
            Description = "admin, manager or staff / 役割",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Enum.TryParse<AccountRole>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                {
                    return parsed;
                }

                result.AddError($"--role '{text}' は admin, manager, staff のいずれかです。 / --role '{text}' must be admin, manager or staff.");
                return default;
            },
        };
        return role;
    }

    internal static string Text(AccountRole role) => role.ToString().ToLowerInvariant();
}
