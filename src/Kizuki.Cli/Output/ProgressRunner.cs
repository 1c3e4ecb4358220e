using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Runs long work with a progress bar on a terminal, and silently otherwise (pipes, JSON, tests).</summary>
internal static class ProgressRunner
{
    /// <summary>Runs <paramref name="work"/>, handing it a callback that sets the progress (0 to <paramref name="total"/>).</summary>
    public static T Run<T>(CliContext context, string label, double total, Func<Action<double>, T> work)
    {
        if (context.Json || !context.Environment.Interactive)
        {
            return work(_ => { });
        }

        T result = default!;
        context.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape(label), maxValue: Math.Max(1, total));
                result = work(value => task.Value = Math.Min(value, task.MaxValue));
                task.Value = task.MaxValue;
            });
        return result;
    }
}
