using System.Globalization;
using Kizuki.Demo;
using Kizuki.Domain;
using Kizuki.Storage;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders what <c>kizuki demo</c> made.</summary>
internal static class DemoView
{
    /// <summary>The demo as one JSON object; with <c>--live</c> the replay's object is its <c>live</c> property (null otherwise).</summary>
    /// <remarks>One object, written once after everything ran, so a machine reading standard output parses exactly one value.</remarks>
    public static object ToJson(CliContext context, Commands.DemoReport report, object? live)
    {
        var (options, result, writes, summary, elapsed, exportDirectory, model, scoring) = report;
        return new
        {
            dataDirectory = context.DataDirectory,
            scenario = DemoScenarios.Name(options.Scenario),
            customers = result.Customers,
            seed = options.Seed,
            historyStart = result.HistoryStart,
            historyEnd = result.HistoryEnd,
            records = result.Records.ToDictionary(p => EntityKinds.Name(p.Key), p => p.Value),
            events = result.Events,
            inserted = writes.TotalInserted,
            churnedCustomers = result.ChurnedCustomers,
            recoveredCustomers = result.RecoveredCustomers,
            churnedByMechanism = result.ChurnedByMechanism.ToDictionary(p => ChurnMechanisms.Name(p.Key), p => p.Value),
            groundTruth = new { customers = result.CustomersTruthFile, hazard = result.HazardTruthFile },
            export = exportDirectory is null ? null : Path.GetFullPath(exportDirectory),
            seconds = Math.Round(elapsed.TotalSeconds, 3),
            summary = SummaryView.ToJson(summary),
            model = model is null ? null : new
            {
                version = model.Metadata?.Version,
                auc = model.Metadata?.Test.RocAuc.Estimate,
                oracleAuc = model.OracleAuc,
                shareOfOracle = model.ShareOfOracle,
                knowableOracleAuc = model.KnowableOracleAuc,
                shareOfKnowableOracle = model.ShareOfKnowable,
                seconds = Math.Round(model.Elapsed.TotalSeconds, 3),
                failure = model.Failure,
            },
            scores = scoring is null ? null : new
            {
                asOf = scoring.Run.AsOf,
                customers = scoring.Run.Scores.Count,
                top = ScoreView.TopJson(context, scoring.Run.Top(5)),
                mechanismAgreement = scoring.Agreement is { Customers: > 0 } agreement
                    ? new { highRiskCustomers = agreement.Customers, share = Math.Round(agreement.Share, 6) }
                    : null,
            },
            live,
        };
    }

    /// <summary>Prints what the demo made (the human-readable form; <see cref="ToJson"/> is the <c>--json</c> form).</summary>
    public static void Write(CliContext context, Commands.DemoReport report)
    {
        var (options, result, writes, summary, elapsed, exportDirectory, model, scoring) = report;
        var scenario = options.Scenario == DemoScenario.Saas
            ? context.T("B2B SaaS（サブスクリプション）", "B2B SaaS (subscription)")
            : context.T("通販（単品購入と定期購入）", "mail-order shop (one-off and 定期 subscription)");
        context.Console.MarkupLine($"[bold]{Markup.Escape(context.T("デモ事業を作成しました", "Demo business created"))}[/]: {Markup.Escape(scenario)}");
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"  顧客 {CliContext.N(result.Customers)}、イベント {CliContext.N(result.Events)} 件、期間 {context.FormatLocal(result.HistoryStart)} 〜 {context.FormatLocal(result.HistoryEnd)}",
            $"  {CliContext.N(result.Customers)} customers, {CliContext.N(result.Events)} events, {context.FormatLocal(result.HistoryStart)} to {context.FormatLocal(result.HistoryEnd)}")));
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"  期間中の解約 {CliContext.N(result.ChurnedCustomers)} 顧客、兆候から回復 {CliContext.N(result.RecoveredCustomers)} 顧客",
            $"  {CliContext.N(result.ChurnedCustomers)} customers churned within the history; {CliContext.N(result.RecoveredCustomers)} showed warning signs and recovered")));
        context.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"  {elapsed.TotalSeconds:F1} s") +
            context.T($"（{CliContext.N(writes.TotalInserted)} 件を書き込み）", $" ({CliContext.N(writes.TotalInserted)} records written)")));

        var mechanisms = new Table().Border(TableBorder.Rounded)
            .AddColumn(context.T("解約の仕組み（正解データ）", "churn mechanism (ground truth)"))
            .AddColumn(new TableColumn(context.T("解約", "churned")).RightAligned());
        foreach (var (mechanism, count) in result.ChurnedByMechanism.Where(p => p.Value > 0).OrderByDescending(p => p.Value))
        {
            mechanisms.AddRow(Markup.Escape(ChurnMechanisms.Name(mechanism)), CliContext.N(count));
        }

        context.Console.Write(mechanisms);
        SummaryView.Render(context, summary);
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"データ: {context.DataDirectory}（正解データは {Path.GetDirectoryName(result.CustomersTruthFile)}。製品はこれを読みません）",
            $"Data: {context.DataDirectory} (ground truth in {Path.GetDirectoryName(result.CustomersTruthFile)}; the product never reads it)")));
        if (model is not null)
        {
            WriteModel(context, model);
            if (scoring is not null)
            {
                WriteTopRisks(context, scoring);
            }
        }

        if (exportDirectory is not null)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                $"取り込み形式の CSV: {Path.GetFullPath(exportDirectory)}",
                $"Import-format CSV files: {Path.GetFullPath(exportDirectory)}")));
        }
    }

    /// <summary>Shows the demo's stored scores: the top risks with their reasons and action, and the agreement with the ground truth.</summary>
    private static void WriteTopRisks(CliContext context, Commands.DemoScoring scoring)
    {
        var run = scoring.Run;
        var leaders = run.Top(5);
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"{CliContext.N(run.Scores.Count)} 顧客を採点し、理由とともに保存しました。リスク金額の上位 {leaders.Count} 顧客:",
            $"Scored {CliContext.N(run.Scores.Count)} customers and stored the scores with their reasons. Top {leaders.Count} by revenue at risk:")));
        ScoreView.WriteReasons(context, leaders);
        if (scoring.Agreement is { Customers: > 0 } agreement)
        {
            var share = agreement.Share.ToString("P1", CultureInfo.InvariantCulture);
            context.Console.MarkupLine(Markup.Escape(context.T(
                $"高リスク顧客 {CliContext.N(agreement.Customers)} 人のうち {share} で、生成器が仕込んだ解約の仕組み（正解データ）が上位の理由に入っています。",
                $"For {share} of {CliContext.N(agreement.Customers)} high-risk customers, the churn mechanism the generator planted (ground truth) is among the top reasons.")));
        }
    }

    private static string Percent(double share) => share.ToString("P1", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteModel(CliContext context, Commands.DemoModel model)
    {
        if (model.Metadata is not { } m)
        {
            context.Console.MarkupLine("[yellow]" + Markup.Escape(context.T($"モデルは学習できませんでした: {model.Failure}", $"No model was trained: {model.Failure}")) + "[/]");
            return;
        }

        var comparison = double.IsNaN(model.OracleAuc)
            ? context.T(
                "（解約の定義が「一定期間購入なし」のため、正解データの解約確率は最良の順位付けになりません。オラクル比較は省略します）",
                " (churn here means \"no order in the window\", which the generator's leave-for-good hazard does not rank best, so no oracle comparison)")
            : context.T(
                $"。正解データのオラクル AUC: 基準日に兆候が始まっていた変化だけを知るもの {ModelView.F3(model.KnowableOracleAuc)}（モデルはその {Percent(model.ShareOfKnowable)}。基準ではあっても上限ではありません）、"
                + $"基準日より後に始まる原因や兆候のない解約まで知る完全なオラクル {ModelView.F3(model.OracleAuc)}（モデルはその {Percent(model.ShareOfOracle)}）",
                $". Oracle AUC from the ground truth: knowing only the episodes with signals under way at the cutoff {ModelView.F3(model.KnowableOracleAuc)} (the model reaches {Percent(model.ShareOfKnowable)} of it; a reference, not a bound); "
                + $"full, which also knows churn whose cause starts after the cutoff or shows no signal, {ModelView.F3(model.OracleAuc)} ({Percent(model.ShareOfOracle)})");
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"モデル v{m.Version} を学習しました（{model.Elapsed.TotalSeconds:F1} 秒）。学習に使っていない最新の基準日での ROC-AUC {ModelView.F3(m.Test.RocAuc.Estimate)}{comparison}。",
            $"Trained model v{m.Version} in {model.Elapsed.TotalSeconds:F1} s. ROC-AUC on the latest held-out cutoff {ModelView.F3(m.Test.RocAuc.Estimate)}{comparison}.")));
        ModelView.RenderEvaluation(context, m);
    }
}
