using System.CommandLine;
using Kizuki.Storage;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki apikey create --role ROLE</c>: a key for integrations, printed once and stored only as a hash.</summary>
internal static class ApiKeyCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var role = UsersCommand.RoleOption();
        var label = new Option<string?>("--label") { Description = "What the key is for / 用途" };
        var create = new Command("create", "Create an API key (shown once) / API キーを作成（一度だけ表示）") { role, label };
        create.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            using var store = context.OpenStore(create: true);
            var accounts = AccountStores.For(store, context.DatabaseUrl ?? context.Settings.Database);
            var (key, record) = ApiKeys.Create(parse.GetValue(role), parse.GetValue(label), "cli", environment.Time.GetUtcNow());
            accounts.AddApiKey(record);
            if (context.Json)
            {
                context.WriteJson(new { id = record.Id, key, role = UsersCommand.Text(record.Role), label = record.Label });
                return 0;
            }

            environment.Out.WriteLine(key);
            environment.Error.WriteLine(context.T(
                $"API キー {record.Id} ({UsersCommand.Text(record.Role)}) を作成しました。このキーは二度と表示されません。X-Api-Key ヘッダーで送ってください。",
                $"Created API key {record.Id} ({UsersCommand.Text(record.Role)}). It will not be shown again; send it as the X-Api-Key header."));
            return 0;
        });
        return new Command("apikey", "API keys for integrations / 連携用 API キー") { create };
    }
}
