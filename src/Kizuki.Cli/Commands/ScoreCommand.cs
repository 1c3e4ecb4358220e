using System.CommandLine;
using System.Diagnostics;
using Kizuki.Cli.Output;
using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Ingest;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;
using Kizuki.Scoring;
using Kizuki.Storage;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki score</c>: scores every active customer with the active model, stores the scores, writes CSV, shows the top risks.</summary>
internal static class ScoreCommand
{
    /// <summary>How many customers the console shows by default.</summary>
    public const int DefaultTop = 20;

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var asOf = new Option<string?>("--as-of")
        {
            Description = "As-of date: 2026-10-01, 2026/10/01 (local midnight) or 2026-10-01T09:00+09:00. Default: the local midnight "
                + "after the newest record / 基準日時（省略時はデータの最終日の翌日 0 時）",
        };
        var output = new Option<string?>("--out") { Description = "Also write every score with its features to this CSV file (UTF-8 with BOM) / 全スコアを CSV に書き出す" };
        var top = new Option<int>("--top")
        {
            Description = "How many customers to show, by revenue at risk (default 20) / 表示する顧客数（既定 20、リスク金額順）",
            DefaultValueFactory = _ => DefaultTop,
        };
        var command = new Command("score", "Score every active customer with the active model and store the scores / 解約リスクを採点する")
        {
            asOf, output, top,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var count = parse.GetValue(top);
            if (count < 0)
            {
                throw new KizukiException(context.T("--top は 0 以上で指定してください。", "--top must be 0 or more."));
            }

            var (metadata, model) = ScoreCommand.LoadActiveModel(context);
            using var store = context.OpenStore();
            var instant = FeaturesCommand.ResolveAsOf(context, store, parse.GetValue(asOf));
            var watch = Stopwatch.StartNew();
            var table = ProgressRunner.Run(
                context,
                context.T($"特徴量を計算中（基準 {context.FormatLocal(instant)}）", $"Computing features as of {context.FormatLocal(instant)}"),
                total: 1000,
                work: report => BatchFeatureEvaluator.Evaluate(store, metadata.CreateFeatureContext(context.Settings.Features), instant,
                    new Progress(share => report(share * 1000))));
            var featureTime = watch.Elapsed;
            var run = ChurnScorer.Score(table, model, metadata, context.Settings.Scoring, environment.Time.GetUtcNow(), NewExplainer(context, model, metadata));
            var scoreTime = watch.Elapsed - featureTime;
            store.SaveScores(run.Scores);
            var path = parse.GetValue(output) is { } file ? Path.GetFullPath(file) : null;
            if (path is not null)
            {
                ScoreCsv.Write(run, path, context.Language);
            }

            ScoreView.Render(context, run, count, path, new ScoreTimings(featureTime, scoreTime, watch.Elapsed));
            return 0;
        });
        return command;
    }

    /// <summary>The active model with its metadata; fails with one line when no model is active.</summary>
    public static (ModelMetadata Metadata, ChurnEnsemble Model) LoadActiveModel(CliContext context)
    {
        var registry = new ModelRegistry(context.DataDirectory);
        var version = registry.Active ?? throw new KizukiException(context.T(
            "使用中のモデルがありません。`kizuki train` で学習してください。", "no active model; run `kizuki train` first."));
        return (registry.Metadata(version), registry.Load(version));
    }

    /// <summary>An explainer of <paramref name="model"/> under the data directory's settings (catalog, regrouping, playbook, currency, zone).</summary>
    public static Explainer NewExplainer(CliContext context, ChurnEnsemble model) =>
        new(model, new FeatureContext(context.Settings.Features).Catalog.Definitions, context.Settings.Explanations,
            new ReasonFormat(context.Settings.Currency, context.Settings.Zone));

    /// <summary>An explainer of <paramref name="model"/> whose catalog includes the lifetime features the model was trained with.</summary>
    public static Explainer NewExplainer(CliContext context, ChurnEnsemble model, ModelMetadata metadata) =>
        new(model, metadata.CreateFeatureContext(context.Settings.Features).Catalog.Definitions, context.Settings.Explanations,
            new ReasonFormat(context.Settings.Currency, context.Settings.Zone));

    /// <summary>
    /// Scores and explains every active customer with the active model at <paramref name="asOf"/> and stores the scores
    /// with their reasons (used by <c>kizuki demo</c>); null when no model is active.
    /// </summary>
    public static ScoringRun? ScoreAndStore(CliContext context, IStore store, DateTimeOffset asOf)
    {
        var registry = new ModelRegistry(context.DataDirectory);
        if (registry.Active is not { } version)
        {
            return null;
        }

        var model = registry.Load(version);
        var metadata = registry.Metadata(version);
        var table = BatchFeatureEvaluator.Evaluate(store, metadata.CreateFeatureContext(context.Settings.Features), asOf);
        var run = ChurnScorer.Score(table, model, metadata, context.Settings.Scoring, context.Environment.Time.GetUtcNow(),
            NewExplainer(context, model, metadata));
        store.SaveScores(run.Scores);
        return run;
    }

    /// <summary>Passes the share of customers done to the progress bar.</summary>
    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}

/// <summary>Where the time of a scoring run went.</summary>
internal sealed record ScoreTimings(TimeSpan Features, TimeSpan Scoring, TimeSpan Total);
