using System.CommandLine;
using Kizuki.Cli.Output;
using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Modeling.Registry;
using Kizuki.Scoring;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki drivers</c>: what drives churn risk across the active customers, by field, and how risk moves with the top features.</summary>
internal static class DriversCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var asOf = new Option<string?>("--as-of")
        {
            Description = "As-of date (default: the local midnight after the newest record) / 基準日時（省略時はデータの最終日の翌日 0 時）",
        };
        var top = new Option<int>("--top")
        {
            Description = "How many features to show with their dependence (default 5) / 依存関係を表示する特徴量の数（既定 5）",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("drivers", "What drives churn risk across customers: importance by field and dependence / 解約リスクの全体要因")
        {
            asOf, top,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var count = parse.GetValue(top);
            if (count is < 0 or > 100)
            {
                throw new KizukiException(context.T("--top は 0〜100 で指定してください。", "--top must be 0 to 100."));
            }

            var (metadata, model) = ScoreCommand.LoadActiveModel(context);
            using var store = context.OpenStore();
            var instant = FeaturesCommand.ResolveAsOf(context, store, parse.GetValue(asOf));
            var table = BatchFeatureEvaluator.Evaluate(store, metadata.CreateFeatureContext(context.Settings.Features), instant);
            var explainer = ScoreCommand.NewExplainer(context, model, metadata);
            var batch = explainer.Explain(table, ChurnScorer.ActiveRows(table, metadata.ChurnKind));
            DriversView.Render(context, explainer, metadata, instant, GlobalDrivers.Compute(batch, count));
            return 0;
        });
        return command;
    }
}
