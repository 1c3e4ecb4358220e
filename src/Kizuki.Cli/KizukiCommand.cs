using System.CommandLine;
using Kizuki.Cli.Commands;

namespace Kizuki.Cli;

/// <summary>The root of the <c>kizuki</c> command: global options, sub-commands and the one-line error contract.</summary>
internal static class KizukiCommand
{
    /// <summary>Runs the command line with the process's console, clock and environment.</summary>
    public static int Run(string[] args) => Run(args, CliEnvironment.FromProcess());

    /// <summary>Runs the command line against an explicit environment (tests pass their own writers and clock).</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Kizuki (気づき): churn prediction and prevention for small and medium businesses. / 中小企業のための解約予測・防止システム");
        globals.AddTo(root);
        root.Subcommands.Add(DemoCommand.Create(globals, environment));
        root.Subcommands.Add(ImportCommand.Create(globals, environment));
        root.Subcommands.Add(StatusCommand.Create(globals, environment));
        root.Subcommands.Add(TrainCommand.Create(globals, environment));
        root.Subcommands.Add(ModelsCommand.CreateEvaluate(globals, environment));
        root.Subcommands.Add(ModelsCommand.Create(globals, environment));
        root.Subcommands.Add(FeaturesCommand.Create(globals, environment));
        root.Subcommands.Add(ScoreCommand.Create(globals, environment));
        root.Subcommands.Add(TabularCommand.Create(globals, environment));
        root.Subcommands.Add(IngestCommand.Create(globals, environment));
        root.Subcommands.Add(BusCommand.Create(globals, environment));
        root.Subcommands.Add(TasksCommand.Create(globals, environment));
        root.Subcommands.Add(LifetimeCommand.Create(globals, environment));
        root.Subcommands.Add(RfmCommand.Create(globals, environment));
        root.Subcommands.Add(ServeCommand.Create(globals, environment)); root.Subcommands.Add(UsersCommand.Create(globals, environment)); root.Subcommands.Add(ApiKeyCommand.Create(globals, environment));
        root.Subcommands.Add(RulesCommand.Create(globals, environment));
        root.Subcommands.Add(ExplainCommand.Create(globals, environment));
        root.Subcommands.Add(DriversCommand.Create(globals, environment));

        var parsed = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return parsed.Invoke(invocation);
        }
        catch (Exception e)
        {
            return ReportFailure(e, parsed.GetValue(globals.Verbose), environment);
        }
    }

    private static int ReportFailure(Exception e, bool verbose, CliEnvironment environment)
    {
        var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;
        var message = inner is KizukiException or InvalidDataException or InvalidOperationException or IOException
            or UnauthorizedAccessException or ArgumentException
            ? inner.Message
            : $"{inner.GetType().Name}: {inner.Message}";
        environment.Error.WriteLine($"kizuki: {message.ReplaceLineEndings(" ")}");
        if (verbose)
        {
            environment.Error.WriteLine(inner.ToString());
        }

        return inner is KizukiException k ? k.ExitCode : 1;
    }
}

/// <summary>An expected failure the user can fix; printed as one line without a stack trace.</summary>
internal sealed class KizukiException(string message, int exitCode = 1) : Exception(message)
{
    /// <summary>The process exit code to return.</summary>
    public int ExitCode { get; } = exitCode;
}
