using System.CommandLine;
using Kizuki.Cli;
using Kizuki.Web;

namespace Kizuki.Tests;

/// <summary>Runs one command built with a start hook, in-process with captured output and a fixed clock, and stops it on request.</summary>
internal sealed class CommandHost : IDisposable
{
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();
    private readonly TextWriter outWriter;
    private readonly TextWriter errorWriter;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<string> address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly Func<GlobalOptions, CliEnvironment, Action<RunningServer>, Command> create;

    public CommandHost(Func<GlobalOptions, CliEnvironment, Action<RunningServer>, Command> create)
    {
        this.create = create;
        outWriter = TextWriter.Synchronized(stdout);
        errorWriter = TextWriter.Synchronized(stderr);
    }

    /// <summary>What the command wrote to standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (errorWriter)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>What the command wrote to standard output so far (read under the writer's own lock).</summary>
    public string Out
    {
        get
        {
            // TextWriter.Synchronized locks the wrapper itself, so taking that lock keeps reads and writes apart.
            lock (outWriter)
            {
                return stdout.ToString();
            }
        }
    }

    public static CliResult Run(Func<GlobalOptions, CliEnvironment, Action<RunningServer>, Command> create, params string[] args)
    {
        using var host = new CommandHost(create);
        var exit = host.InvokeAsync(args).GetAwaiter().GetResult();
        return new CliResult(exit, host.Out, host.Error);
    }

    public Task<int> InvokeAsync(params string[] args)
    {
        var environment = new CliEnvironment(outWriter, errorWriter,
            new HostTime(CliRunner.Now), new Dictionary<string, string>(), Interactive: false);
        var globals = new GlobalOptions();
        var root = new RootCommand("test");
        globals.AddTo(root);
        root.Subcommands.Add(create(globals, environment, server => address.TrySetResult(server.Addresses[0])));
        var configuration = new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false };
        return Task.Run(async () =>
        {
            try
            {
                return await root.Parse(args).InvokeAsync(configuration, stop.Token);
            }
            catch (Exception e)
            {
                await environment.Error.WriteLineAsync("kizuki: " + e.Message);
                return 1;
            }
        });
    }

    /// <summary>The address the server listens on, or a failure carrying the command's error output.</summary>
    public async Task<string> Address(Task<int> run, TimeSpan patience)
    {
        var first = await Task.WhenAny(address.Task, run).WaitAsync(patience);
        Assert.True(first == address.Task, $"the command ended before the server started: {Error}");
        return await address.Task;
    }

    public void Stop() => stop.Cancel();

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }
}

internal sealed class HostTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
