using System.CommandLine;
using System.Diagnostics;
using Kizuki.Cli.Output;
using Kizuki.Configuration;
using Kizuki.Demo;
using Kizuki.Export;
using Kizuki.Storage;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki demo</c>: a synthetic business, generated, imported and summarised — the main job on the embedded default.</summary>
internal static class DemoCommand
{
    /// <summary>Marks a data directory as made by <c>kizuki demo</c>, so a later demo may replace it.</summary>
    public const string MarkerFileName = ".kizuki-demo";

    /// <summary>Where the generator's ground truth goes inside the data directory (never read by the product).</summary>
    public const string GroundTruthDirectoryName = "ground-truth";

    /// <param name="globals">The global options.</param>
    /// <param name="environment">Writers, clock and variables.</param>
    /// <param name="started">With <c>--serve</c>: called once the dashboard listens (tests learn the address here).</param>
    public static Command Create(GlobalOptions globals, CliEnvironment environment, Action<Kizuki.Web.RunningServer>? started = null)
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "saas (B2B subscription) or ec (mail-order shop) / 業態",
            DefaultValueFactory = _ => "saas",
        };
        scenario.AcceptOnlyFromAmong("saas", "ec");
        var customers = new Option<int>("--customers")
        {
            Description = $"Number of customers, {DemoOptions.MinCustomers:N0}–{DemoOptions.MaxCustomers:N0} (default 10,000) / 顧客数",
            DefaultValueFactory = _ => new DemoOptions().Customers,
        };
        var seed = new Option<long>("--seed") { Description = "Random seed; the same seed gives the same business / 乱数の種", DefaultValueFactory = _ => 42 };
        var force = new Option<bool>("--force") { Description = "Replace data in a data directory not made by kizuki demo / 既存データを置き換える" };
        var export = new Option<string?>("--export") { Description = "Also write the data as import-format CSV files into this directory / CSV でも書き出す" };
        var noTrain = new Option<bool>("--no-train") { Description = "Only generate and import; do not train and evaluate a model / モデルを学習しない" };
        var serve = new Option<bool>("--serve") { Description = "Then start the dashboard with a new admin password (Ctrl+C to stop) / 続けてダッシュボードを起動" };
        var urls = ServeCommand.UrlsOption();
        var live = DemoLiveReplay.LiveOption();
        var liveDays = DemoLiveReplay.DaysOption();

        var command = new Command("demo", "Create a demo business, import it and summarise it / デモ用の事業データを作成して取り込む")
        {
            scenario, customers, seed, force, export, noTrain, serve, urls, live, liveDays,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var context = CliContext.From(parse, globals, environment);
            var chosen = DemoScenarios.TryParse(parse.GetValue(scenario), out var parsed) ? parsed : DemoScenario.Saas;
            var options = new DemoOptions { Scenario = chosen, Customers = parse.GetValue(customers), Seed = parse.GetValue(seed) };
            var report = Run(context, options, parse.GetValue(force), parse.GetValue(export), !parse.GetValue(noTrain));
            var replay = parse.GetValue(live) ? DemoLiveReplay.Run(context, options, parse.GetValue(liveDays)) : null;
            if (context.Json)
            {
                // Exactly one JSON value on standard output, written when every part has run.
                context.WriteJson(DemoView.ToJson(context, report, replay));
            }

            if (parse.GetValue(serve))
            {
                await ServeCommand.ServeDemoAsync(context, parse.GetValue(urls)!, started, cancellation).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Generates, imports and (unless told not to) trains; prints the result unless <c>--json</c>, and returns it.</summary>
    private static DemoReport Run(CliContext context, DemoOptions options, bool force, string? exportDirectory, bool train)
    {
        options.Validate();
        PrepareDataDirectory(context, force);
        var watch = Stopwatch.StartNew();
        DemoResult result;
        WriteCounts writes;
        using (var store = context.OpenStore(create: true))
        {
            if (context.DatabaseUrl is not null && store.Summarise(context.Environment.Time.GetUtcNow()).Entities.Any(e => e.Count > 0))
            {
                throw new KizukiException(context.T(
                    "指定されたデータベースには既にデータがあります。デモは空のデータベースに作成してください。",
                    "the database given with --db already holds data; create the demo in an empty database."));
            }

            using var session = store.BeginImport();
            using var exportSession = exportDirectory is null ? null : new CsvExportSession(Path.GetFullPath(exportDirectory));
            IImportSession sink = exportSession is null ? session : new TeeImportSession(session, exportSession);
            var truth = Path.Combine(context.DataDirectory, GroundTruthDirectoryName);
            result = ProgressRunner.Run(
                context,
                context.T($"デモデータを生成中（{CliContext.N(options.Customers)} 顧客）", $"Generating demo business ({CliContext.N(options.Customers)} customers)"),
                options.Customers,
                report => DemoGenerator.Generate(options, sink, truth, new Progress<DemoProgress>(p => report(p.CustomersGenerated))));
            exportSession?.Commit();
            writes = session.Commit();
        }

        File.WriteAllText(Path.Combine(context.DataDirectory, MarkerFileName), $"{DemoScenarios.Name(options.Scenario)} {options.Customers} {options.Seed}\n");
        if (!File.Exists(Path.Combine(context.DataDirectory, KizukiSettings.FileName)))
        {
            context.Settings.Save(context.DataDirectory);
        }

        var generated = watch.Elapsed;
        using var reopened = context.OpenStore();
        var summary = reopened.Summarise(options.HistoryEnd);
        var model = train ? DemoTraining.Run(context, reopened, options, result) : null;
        var scoring = model?.Metadata is not null ? DemoScoring.Score(context, reopened, options, result) : null;
        var report = new DemoReport(options, result, writes, summary, generated, exportDirectory, model, scoring);
        if (!context.Json)
        {
            DemoView.Write(context, report);
        }

        return report;
    }

    /// <summary>Empties a data directory made by an earlier demo; refuses to overwrite other data unless forced.</summary>
    private static void PrepareDataDirectory(CliContext context, bool force)
    {
        var dir = context.DataDirectory;
        var database = Path.Combine(dir, StoreFactory.SqliteFileName);
        var isDemo = File.Exists(Path.Combine(dir, MarkerFileName));
        if (context.DatabaseUrl is null && File.Exists(database) && !isDemo && !force)
        {
            throw new KizukiException(context.T(
                $"{dir} には kizuki demo 以外で作ったデータがあります。置き換えるには --force を付けるか、別の --data-dir を指定してください。",
                $"{dir} holds data not made by kizuki demo; add --force to replace it, or choose another --data-dir."));
        }

        Directory.CreateDirectory(dir);
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(database + suffix);
        }

        // The ground truth and the models belong to the data being replaced.
        foreach (var folder in new[] { GroundTruthDirectoryName, "models" })
        {
            var path = Path.Combine(dir, folder);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}

/// <summary>What <c>kizuki demo</c> made, kept until it is rendered.</summary>
/// <param name="Options">The demo's options.</param>
/// <param name="Result">What the generator produced.</param>
/// <param name="Writes">What the import wrote.</param>
/// <param name="Summary">The store's summary at the end of the history.</param>
/// <param name="Elapsed">Time spent generating and importing.</param>
/// <param name="ExportDirectory">Where the import-format CSV files went, if asked.</param>
/// <param name="Model">The modelling step's outcome, or null with <c>--no-train</c>.</param>
/// <param name="Scoring">The scores of every active customer at the end of the history (stored), or null without a model.</param>
internal sealed record DemoReport(
    DemoOptions Options, DemoResult Result, WriteCounts Writes, StoreSummary Summary, TimeSpan Elapsed, string? ExportDirectory, DemoModel? Model,
    DemoScoring? Scoring);
