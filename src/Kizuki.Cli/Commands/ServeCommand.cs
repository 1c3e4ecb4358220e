using System.CommandLine;
using Kizuki.Web;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki serve</c>: the web dashboard and REST API on the data directory.</summary>
internal static class ServeCommand
{
    /// <param name="globals">The global options.</param>
    /// <param name="environment">Writers, clock and variables.</param>
    /// <param name="started">Called once the server listens (tests learn the address here); null in the real process.</param>
    public static Command Create(GlobalOptions globals, CliEnvironment environment, Action<RunningServer>? started = null)
    {
        var urls = UrlsOption();
        var command = new Command("serve", "Web dashboard and REST API / ダッシュボードと REST API を起動") { urls };
        command.SetAction(async (parse, cancellation) =>
        {
            var context = CliContext.From(parse, globals, environment);
            var server = await KizukiServer.StartAsync(
                context.DataDirectory, parse.GetValue(urls)!, context.DatabaseUrl, parse.GetValue(globals.Language), environment.Time);
            await using (server.ConfigureAwait(false))
            {
                foreach (var address in server.Addresses)
                {
                    environment.Out.WriteLine(context.T($"ダッシュボード: {address}  (Ctrl+C で停止)", $"Dashboard: {address}  (Ctrl+C to stop)"));
                }

                await RunUntilStoppedAsync(server, started, cancellation).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The --urls option, shared with <c>kizuki demo --serve</c>.</summary>
    internal static Option<string> UrlsOption() => new("--urls")
    {
        Description = $"Listening address(es) (default {KizukiWebOptions.DefaultUrls}; port 0 picks a free one) / 待ち受けアドレス",
        DefaultValueFactory = _ => KizukiWebOptions.DefaultUrls,
    };

    /// <summary>Tells <paramref name="started"/>, then waits for Ctrl+C (the host's or the command's cancellation).</summary>
    internal static async Task RunUntilStoppedAsync(RunningServer server, Action<RunningServer>? started, CancellationToken cancellation)
    {
        started?.Invoke(server);
        var stopped = new TaskCompletionSource();
        await using var registration = cancellation.Register(() => stopped.TrySetResult()).ConfigureAwait(false);
        await Task.WhenAny(server.WaitForShutdownAsync(), stopped.Task).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>kizuki demo --serve</c>: starts the dashboard on the demo data with a new admin, prints where to sign in and the
    /// generated password (shown only here; stored only as its hash), and waits for Ctrl+C.
    /// </summary>
    internal static async Task ServeDemoAsync(CliContext context, string urls, Action<RunningServer>? started, CancellationToken cancellation)
    {
        var environment = context.Environment;
        var (server, name, password) = await KizukiServer.StartWithAdminAsync(
            context.DataDirectory, urls, "admin", context.Language, environment.Time, context.DatabaseUrl).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            var address = server.Addresses.Count > 0 ? server.Addresses[0] : urls;

            // With --json, standard output holds the demo's one JSON object: where to sign in goes to standard error.
            var output = context.Json ? environment.Error : environment.Out;
            output.WriteLine();
            output.WriteLine(context.T($"ダッシュボード: {address}", $"Dashboard: {address}"));
            output.WriteLine(context.T($"  ユーザー名: {name}", $"  User:     {name}"));
            output.WriteLine(context.T($"  パスワード: {password}", $"  Password: {password}"));
            output.WriteLine(context.T(
                "  (このパスワードは再表示されません。Ctrl+C で停止)", "  (the password is not shown again; Ctrl+C to stop)"));
            await RunUntilStoppedAsync(server, started, cancellation).ConfigureAwait(false);
        }
    }
}
