using System.CommandLine;
using Kizuki.Cli.Output;
using Kizuki.Modeling.Registry;
using Spectre.Console;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki models</c> lists the stored model versions; <c>kizuki models activate V</c> switches the active one;
/// <c>kizuki evaluate [--version V]</c> prints a version's evaluation.</summary>
internal static class ModelsCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("models", "List trained model versions / 学習済みモデルの一覧");
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var registry = new ModelRegistry(context.DataDirectory);
            var models = registry.List();
            var active = registry.Active;
            if (context.Json)
            {
                context.WriteJson(new { active, models = models.Select(m => ModelView.Summary(m, m.Version == active)) });
                return 0;
            }

            if (models.Count == 0)
            {
                context.Console.MarkupLine(Markup.Escape(context.T("学習済みモデルはありません。`kizuki train` で学習してください。",
                    "No trained models; run `kizuki train`.")));
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("", context.T("版", "version"), context.T("学習日時", "trained"), context.T("評価AUC", "test AUC"),
                    context.T("学習期間", "training cutoffs"), context.T("解約の定義", "churn"), context.T("データ指紋", "fingerprint"));
            foreach (var m in models)
            {
                table.AddRow(m.Version == active ? "*" : "", $"v{m.Version}", context.FormatLocal(m.CreatedAt),
                    ModelView.F3(m.Test.RocAuc.Estimate), $"{context.FormatLocal(m.FirstTrainingCutoff)} – {context.FormatLocal(m.CalibrationCutoff)}",
                    $"{m.ChurnKind} {m.WindowDays}d", m.DataFingerprint[..12]);
            }

            context.Console.Write(table);
            return 0;
        });

        var version = new Argument<int>("version") { Description = "Version number, e.g. 3 / 版番号" };
        var activate = new Command("activate", "Make a version the active model / 指定した版を使用する") { version };
        activate.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var v = parse.GetValue(version);
            new ModelRegistry(context.DataDirectory).Activate(v);
            context.Console.MarkupLine(Markup.Escape(context.T($"v{v} を使用中のモデルにしました。", $"v{v} is now the active model.")));
            return 0;
        });
        command.Subcommands.Add(activate);
        return command;
    }

    public static Command CreateEvaluate(GlobalOptions globals, CliEnvironment environment)
    {
        var version = new Option<int?>("--version") { Description = "Model version (default: the active one) / 版" };
        var command = new Command("evaluate", "How well the model predicts churn on data it never saw, beside simple rules / モデルの評価") { version };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var registry = new ModelRegistry(context.DataDirectory);
            var v = parse.GetValue(version) ?? registry.Active ?? throw new KizukiException(context.T(
                "使用中のモデルがありません。`kizuki train` で学習してください。", "no active model; run `kizuki train` first."));
            var metadata = registry.Metadata(v);
            if (context.Json)
            {
                context.WriteJson(metadata);
            }
            else
            {
                ModelView.RenderEvaluation(context, metadata);
            }

            return 0;
        });
        return command;
    }
}
