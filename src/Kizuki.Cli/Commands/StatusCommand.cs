using System.CommandLine;
using Kizuki.Cli.Output;
using Spectre.Console;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki status</c>: counts per entity, the dates covered, and data-quality warnings.</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("status", "Counts per entity, dates covered and data-quality warnings / 件数・期間・データ品質の警告");
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            using var store = context.OpenStore();
            var summary = store.Summarise(environment.Time.GetUtcNow());
            if (context.Json)
            {
                context.WriteJson(new
                {
                    dataDirectory = context.DataDirectory,
                    store = new { engine = store.Engine.ToString().ToLowerInvariant(), location = store.Location, schemaVersion = store.SchemaVersion },
                    summary = SummaryView.ToJson(summary),
                });
                return 0;
            }

            context.Console.MarkupLine($"[bold]{Markup.Escape(context.T("データ", "Data"))}[/]: {Markup.Escape(store.Location)}");
            SummaryView.Render(context, summary);
            return 0;
        });
        return command;
    }
}
