using System.CommandLine;
using System.Diagnostics;
using Kizuki.Alerts;
using Kizuki.Cli.Output;
using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Modeling.Registry;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki rules check FILE</c> validates a rule file; <c>kizuki rules test FILE</c> dry-runs it over past days.</summary>
internal static class RulesCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("rules", "Check and dry-run alert rules / アラート規則の検証と試行");
        var checkFile = new Argument<string>("file") { Description = "Rule file / 規則ファイル" };
        var check = new Command("check", "Validate a rule file against the feature catalog / 規則ファイルを検証する") { checkFile };
        check.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var (features, _) = Features(context);
            var rules = Compile(context, features, parse.GetValue(checkFile)!);
            RulesView.RenderCheck(context, rules);
            return 0;
        });

        var testFile = new Argument<string>("file") { Description = "Rule file / 規則ファイル" };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Newest day: 2026-10-01 (local midnight). Default: the local midnight after the newest record / 基準日（省略時はデータの最終日の翌日 0 時）",
        };
        var days = new Option<int>("--days")
        {
            Description = "How many days to replay, newest first (default 90) / 遡って試す日数（既定 90）",
            DefaultValueFactory = _ => RuleDryRun.DefaultDays,
        };
        var test = new Command("test", "Show whom the rules would hit now and how many on each past day / 規則が今と過去の各日に誰に当たるかを示す")
        {
            testFile, asOf, days,
        };
        test.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var count = parse.GetValue(days);
            if (count is < 1 or > 3650)
            {
                throw new KizukiException(context.T("--days は 1〜3650 で指定してください。", "--days must be between 1 and 3650."));
            }

            var (features, version) = Features(context);
            var rules = Compile(context, features, parse.GetValue(testFile)!);
            var model = rules.UsesProbability || rules.UsesTopReason ? ActiveModel(context, features, rules, version) : null;
            using var store = context.OpenStore();
            var instant = FeaturesCommand.ResolveAsOf(context, store, parse.GetValue(asOf));
            var watch = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var result = RuleDryRun.Run(store, features, rules, instant, count, model, reasonGroups: ReasonGroupsOf(context, features));
            var timing = new DryRunTimings(watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
            RulesView.RenderTest(context, result, timing, rules.UsesTopReason);
            return 0;
        });

        command.Subcommands.Add(check);
        command.Subcommands.Add(test);
        return command;
    }

    /// <summary>Reads and compiles a rule file; a bad rule becomes a one-line error naming file, line and column.</summary>
    internal static RuleSet Compile(CliContext context, FeatureContext features, string file)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new KizukiException(context.T($"規則ファイル {path} がありません。", $"rule file {path} not found."));
        }

        try
        {
            var rules = RuleCompiler.Compile(File.ReadAllText(path), path, features.Catalog, ReasonGroupsOf(context, features));
            return rules.Rules.Count > 0
                ? rules
                : throw new KizukiException(context.T($"{path}: 規則がひとつもありません。", $"{path}: the file holds no rules."));
        }
        catch (RuleSyntaxException e)
        {
            throw new KizukiException($"{e.Source}:{e.Line}:{e.Column}: {context.T(e.Japanese, e.English)}");
        }
    }

    /// <summary>
    /// The feature context rules are checked and dry-run with, and the active model version: the active model's context
    /// (the settings' catalog plus the lifetime features it was trained with), else the settings' catalog alone.
    /// </summary>
    private static (FeatureContext Features, int? Version) Features(CliContext context)
    {
        var registry = new ModelRegistry(context.DataDirectory);
        return registry.Active is { } version
            ? (registry.Metadata(version).CreateFeatureContext(context.Settings.Features), version)
            : (new FeatureContext(context.Settings.Features), null);
    }

    /// <summary>The reason groups <c>top_reason</c> may name: the catalog's and those the settings regroup features into.</summary>
    private static IReadOnlyList<string> ReasonGroupsOf(CliContext context, FeatureContext features) =>
        ReasonGroups.Of(features.Catalog, context.Settings.Explanations);

    /// <summary>The active model, with an explainer built as the live scorer builds it when a rule reads the top reason.</summary>
    private static DryRunModel ActiveModel(CliContext context, FeatureContext features, RuleSet rules, int? active)
    {
        var registry = new ModelRegistry(context.DataDirectory);
        var name = rules.UsesProbability ? RuleCompiler.Probability : RuleCompiler.TopReason;
        var version = active ?? throw new KizukiException(context.T(
            $"規則が {name} を使いますが、使用中のモデルがありません。`kizuki train` で学習してください。",
            $"a rule reads {name} but there is no active model; run `kizuki train` first."));
        var model = registry.Load(version);
        var settings = context.Settings;
        return new DryRunModel(model, version, registry.Metadata(version).ChurnKind)
        {
            Explainer = rules.UsesTopReason
                ? new Explainer(model, features.Catalog.Definitions, settings.Explanations, new ReasonFormat(settings.Currency, settings.Zone))
                : null,
            Scoring = settings.Scoring,
        };
    }
}

/// <summary>Wall-clock and CPU time of a dry run.</summary>
internal sealed record DryRunTimings(TimeSpan Elapsed, TimeSpan Cpu);
