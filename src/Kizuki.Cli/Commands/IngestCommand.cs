using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kizuki.LiveScoring;
using Kizuki.Storage;

namespace Kizuki.Cli.Commands;

/// <summary>
/// <c>kizuki ingest --stream</c>: reads events as JSON lines from standard input (the import's entity shapes plus
/// <c>kind</c>), writes each durably, and scores it live with the active model and the settings' rules.
/// </summary>
/// <remarks>
/// Each line is submitted as soon as it is read; lines that arrive together share one commit. A bad line is reported on
/// standard error with its line number, field and reason, and the stream goes on; the exit code is 1 when any line was rejected.
/// </remarks>
internal static class IngestCommand
{
    /// <summary>Most lines waiting for their commit before reading pauses.</summary>
    private const int MaxInFlight = 4096;

    public static Command Create(GlobalOptions globals, CliEnvironment environment, TextReader? input = null)
    {
        var stream = new Option<bool>("--stream") { Description = "Read JSON lines from standard input and score them live / 標準入力の JSON Lines を逐次取り込んで採点" };
        var command = new Command("ingest", "Ingest live events / イベントを逐次取り込む") { stream };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            if (!parse.GetValue(stream))
            {
                throw new KizukiException(context.T(
                    "--stream を指定してください（ファイルの取り込みは kizuki import です）。",
                    "Pass --stream (files are imported with kizuki import)."));
            }

            using var store = context.OpenStore(create: true);
            using var work = WorkStores.For(store, context.DatabaseUrl ?? context.Settings.Database);
            var totals = Run(context, store, work, input ?? Console.In).GetAwaiter().GetResult();
            environment.Out.WriteLine(context.T(
                $"受け付け {CliContext.N(totals.Accepted)} 件、重複 {CliContext.N(totals.Duplicates)} 件、却下 {CliContext.N(totals.Rejected)} 件。",
                $"Accepted {CliContext.N(totals.Accepted)}, duplicates {CliContext.N(totals.Duplicates)}, rejected {CliContext.N(totals.Rejected)}."));
            return totals.Rejected > 0 ? 1 : 0;
        });
        return command;
    }

    private static async Task<(long Accepted, long Duplicates, long Rejected)> Run(CliContext context, IStore store, IWorkStore work, TextReader input)
    {
        long accepted = 0, duplicates = 0, rejected = 0;
        var pending = new Queue<(long Line, Task<EventsAnswer> Answer)>();
        var service = LiveService.Start(context.DataDirectory, context.Settings, store, work, context.Environment.Time);
        await using (service.ConfigureAwait(false))
        {
            async Task Drain(bool all)
            {
                while (pending.Count > 0 && (all || pending.Count >= MaxInFlight || pending.Peek().Answer.IsCompleted))
                {
                    var (line, task) = pending.Dequeue();
                    var answer = await task.ConfigureAwait(false);
                    accepted += answer.Accepted;
                    duplicates += answer.Duplicates;
                    foreach (var result in answer.Results.Where(r => r.Status == EventStatus.Rejected))
                    {
                        rejected++;
                        foreach (var problem in result.Errors)
                        {
                            Report(context, line, problem);
                        }
                    }
                }
            }

            long number = 0;
            while (input.ReadLine() is { } text)
            {
                number++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                EventRead read;
                try
                {
                    using var document = JsonDocument.Parse(text.TrimStart('\uFEFF'));
                    read = LiveEventReader.Read(document.RootElement, (int)Math.Min(int.MaxValue, number - 1), context.Settings.Zone, context.Settings.Currency);
                }
                catch (JsonException e)
                {
                    read = new EventRead((int)Math.Min(int.MaxValue, number - 1), null,
                        [new EventProblem((int)Math.Min(int.MaxValue, number - 1), null, $"JSON として読めません（{e.Message}）", $"not valid JSON ({e.Message})")]);
                }

                pending.Enqueue((number, service.SubmitAsync([read])));
                await Drain(all: false).ConfigureAwait(false);
            }

            await Drain(all: true).ConfigureAwait(false);
        }

        if (service.Pipeline.Failure is { } failure)
        {
            throw new KizukiException(context.T($"採点が止まりました: {failure.Message}", $"Scoring stopped: {failure.Message}"));
        }

        return (accepted, duplicates, rejected);
    }

    private static void Report(CliContext context, long line, EventProblem problem)
    {
        var field = problem.Field is null ? "" : $" {problem.Field}";
        context.Environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{context.T("標準入力", "stdin")} {context.T("行", "line")} {line}{field}: {context.T(problem.MessageJa, problem.MessageEn)}"));
    }
}
