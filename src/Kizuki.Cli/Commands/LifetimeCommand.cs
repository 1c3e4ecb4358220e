using System.CommandLine;
using System.Diagnostics;
using Kizuki.Cli.Output;
using Kizuki.Lifetime;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki lifetime fit|score</c>: buy-till-you-die models (BG/NBD, Pareto/NBD, Gamma-Gamma) from order history.</summary>
internal static class LifetimeCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("lifetime", "Purchase-history models for shops without contracts: P(alive), expected purchases, CLV / 購買履歴モデル（生存確率・期待購入回数・LTV）");
        command.Subcommands.Add(CreateFit(globals, environment));
        command.Subcommands.Add(CreateScore(globals, environment));
        return command;
    }

    private static Option<string?> AsOf() => new("--as-of")
    {
        Description = "As-of date; only orders strictly before it count, and time is counted to the day before it "
            + "(the literature's 'calibrated to 1997-09-30' is --as-of 1997-10-01). Default: the end of the data "
            + "/ 基準日（この日より前の注文のみ。期間は前日までで数える。省略時はデータの最終日の翌日）",
    };

    private static Option<string> Period() => new("--period")
    {
        Description = "Time unit: day or week (days / 7) / 時間の単位",
        DefaultValueFactory = _ => "week",
    };

    private static Command CreateFit(GlobalOptions globals, CliEnvironment environment)
    {
        var asOf = AsOf();
        var period = Period();
        var model = new Option<string>("--model") { Description = "bgnbd, pareto or both / 推定するモデル", DefaultValueFactory = _ => "both" };
        var command = new Command("fit", "Fits BG/NBD and/or Pareto/NBD (and Gamma-Gamma for spend) by maximum likelihood / 最尤推定")
        {
            asOf, period, model,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var which = ParseModel(context, parse.GetValue(model)!, allowBoth: true);
            var unit = ParsePeriod(context, parse.GetValue(period)!);
            var (instant, summaries) = Load(context, parse.GetValue(asOf), unit);
            var watch = Stopwatch.StartNew();
            var bg = which is "bgnbd" or "both" ? BgNbdModel.Fit(summaries, unit) : null;
            var bgTime = watch.Elapsed;
            watch.Restart();
            var pareto = which is "pareto" or "both" ? ParetoNbdModel.Fit(summaries, unit) : null;
            var paretoTime = watch.Elapsed;
            var spend = TryFitSpend(summaries);
            LifetimeView.RenderFit(context, instant, unit, summaries, bg, bgTime, pareto, paretoTime, spend);
            return 0;
        });
        return command;
    }

    private static Command CreateScore(GlobalOptions globals, CliEnvironment environment)
    {
        var asOf = AsOf();
        var period = Period();
        var model = new Option<string>("--model") { Description = "bgnbd or pareto / 使うモデル", DefaultValueFactory = _ => "bgnbd" };
        var horizon = new Option<double>("--horizon") { Description = "Days ahead for expected purchases / 期待購入回数の期間（日）", DefaultValueFactory = _ => 90 };
        var output = new Option<string?>("--out") { Description = "Write every customer's scores to this CSV file (UTF-8 with BOM) / 全顧客のスコアを CSV に書き出す" };
        var command = new Command("score", "P(alive), expected purchases and CLV per customer / 顧客ごとの生存確率・期待購入回数・LTV")
        {
            asOf, period, model, horizon, output,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            context.Settings.Lifetime.Validate();
            var which = ParseModel(context, parse.GetValue(model)!, allowBoth: false);
            var unit = ParsePeriod(context, parse.GetValue(period)!);
            var days = parse.GetValue(horizon);
            if (!(days > 0) || double.IsInfinity(days))
            {
                throw new KizukiException(context.T($"--horizon は正の日数にしてください（{days}）。", $"--horizon must be a positive number of days, not {days}."));
            }

            var (instant, summaries) = Load(context, parse.GetValue(asOf), unit);
            IPurchaseModel fitted = which == "pareto" ? ParetoNbdModel.Fit(summaries, unit) : BgNbdModel.Fit(summaries, unit);
            var spend = TryFitSpend(summaries);
            var scores = LifetimeScoring.Score(summaries, fitted, spend, days, context.Settings.Lifetime.Clv);
            var path = parse.GetValue(output) is { } p ? Path.GetFullPath(p) : null;
            if (path is not null)
            {
                LifetimeScoring.WriteCsv(scores, days, path);
            }

            LifetimeView.RenderScores(context, instant, fitted, spend, scores, days, path);
            return 0;
        });
        return command;
    }

    private static (DateTimeOffset AsOf, IReadOnlyList<CustomerSummary> Summaries) Load(CliContext context, string? asOfText, TimePeriod period)
    {
        using var store = context.OpenStore();
        var instant = FeaturesCommand.ResolveAsOf(context, store, asOfText);
        var zone = context.Settings.Zone;
        var summaries = CustomerOrders.Read(store, instant).Select(o => o.Summarise(instant, zone, period)).OfType<CustomerSummary>().ToArray();
        if (summaries.Length == 0)
        {
            throw new KizukiException(context.T(
                $"{context.FormatLocal(instant)} より前の完了注文がありません。注文を取り込むか --as-of を後にしてください。",
                $"no completed orders before {context.FormatLocal(instant)}; import orders or choose a later --as-of."));
        }

        return (instant, summaries);
    }

    private static GammaGammaModel? TryFitSpend(IReadOnlyList<CustomerSummary> summaries)
    {
        try
        {
            return GammaGammaModel.Fit(summaries);
        }
        catch (LifetimeFitException)
        {
            // Spend is optional: without a Gamma-Gamma fit each customer's own mean spend is used.
            return null;
        }
    }

    internal static TimePeriod ParsePeriod(CliContext context, string text) => text.ToLowerInvariant() switch
    {
        "day" or "days" => TimePeriod.Day,
        "week" or "weeks" => TimePeriod.Week,
        _ => throw new KizukiException(context.T($"--period は day か week です（'{text}'）。", $"--period must be day or week, not '{text}'.")),
    };

    private static string ParseModel(CliContext context, string text, bool allowBoth) => text.ToLowerInvariant() switch
    {
        "bgnbd" or "bg/nbd" => "bgnbd",
        "pareto" or "paretonbd" or "pareto/nbd" => "pareto",
        "both" when allowBoth => "both",
        _ => throw new KizukiException(context.T(
            $"--model は {(allowBoth ? "bgnbd, pareto, both" : "bgnbd か pareto")} のいずれかです（'{text}'）。",
            $"--model must be {(allowBoth ? "bgnbd, pareto or both" : "bgnbd or pareto")}, not '{text}'.")),
    };
}
