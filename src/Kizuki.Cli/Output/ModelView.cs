using System.Globalization;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Evaluation;
using Kizuki.Modeling.Registry;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders trained models and their evaluations.</summary>
internal static class ModelView
{
    public static string F3(double value) => double.IsNaN(value) ? "-" : value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Percent(double value) => double.IsNaN(value) ? "-" : value.ToString("P1", CultureInfo.InvariantCulture);

    public static object Summary(ModelMetadata m, bool active) => new
    {
        version = m.Version,
        active,
        createdAt = m.CreatedAt,
        testAuc = m.Test.RocAuc.Estimate,
        churnKind = m.ChurnKind,
        windowDays = m.WindowDays,
        firstTrainingCutoff = m.FirstTrainingCutoff,
        testCutoff = m.TestCutoff,
        smallData = m.SmallData,
        dataFingerprint = m.DataFingerprint,
    };

    public static object ToJson(ModelMetadata m, int rows, TimeSpan buildTime, TimeSpan total, IReadOnlyList<TrainingStage>? stages = null) => new
    {
        version = m.Version,
        trainingSetRows = rows,
        trainingSetSeconds = Math.Round(buildTime.TotalSeconds, 2),
        seconds = Math.Round(total.TotalSeconds, 2),
        auc = m.Test.RocAuc.Estimate,
        stages = (stages ?? []).Select(s => new
        {
            name = s.Name,
            seconds = Math.Round(s.Elapsed.TotalSeconds, 3),
            cpuSeconds = Math.Round(s.Cpu.TotalSeconds, 3),
        }),
        model = m,
    };

    /// <summary>Each training stage's elapsed and CPU time (CPU counts every thread, so it can exceed the elapsed time).</summary>
    public static void RenderStages(CliContext context, IReadOnlyList<TrainingStage> stages)
    {
        var table = new Table().AddColumn(context.T("段階", "stage"))
            .AddColumn(new TableColumn(context.T("経過 (秒)", "elapsed (s)")).RightAligned())
            .AddColumn(new TableColumn(context.T("CPU (秒)", "CPU (s)")).RightAligned());
        foreach (var s in stages)
        {
            table.AddRow(Markup.Escape(s.Name), Seconds(s.Elapsed), Seconds(s.Cpu));
        }

        table.AddRow(context.T("合計", "total"), Seconds(TimeSpan.FromTicks(stages.Sum(s => s.Elapsed.Ticks))),
            Seconds(TimeSpan.FromTicks(stages.Sum(s => s.Cpu.Ticks))));
        context.Console.Write(table);
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    public static void RenderTraining(CliContext context, ModelMetadata m, int rows, TimeSpan buildTime, TimeSpan total)
    {
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"モデル v{m.Version} を学習し、使用中にしました（学習データ {CliContext.N(rows)} 行、{buildTime.TotalSeconds:F1} 秒で作成、全体 {total.TotalSeconds:F1} 秒）。",
            $"Trained model v{m.Version} and made it active ({CliContext.N(rows)} training rows built in {buildTime.TotalSeconds:F1} s; {total.TotalSeconds:F1} s in all).")));
        RenderEvaluation(context, m);
    }

    /// <summary>Says which model is stored: the evaluated one, or its refit on every cutoff (which no data is left to evaluate).</summary>
    private static void RenderStoredModel(CliContext context, ModelMetadata m)
    {
        if (m.Refit is not { } r)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                "保存したモデルは上で評価したモデルそのものです。",
                "The stored model is the evaluated model above.")));
            return;
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"保存したモデルは、上で評価したモデルと同じ設定（木 {r.TreeIterations} 本）で最新の {context.FormatLocal(r.LastTrainingCutoff)} までの全基準日（{CliContext.N(r.TrainingRows)} 行）から学習し直したものです。確率の較正は評価用の各モデルが未見の基準日で出したスコアで行いました（{r.Calibration}）。上の評価はこの再学習前のモデルの値です。",
            $"The stored model is the evaluated recipe refitted on every cutoff up to {context.FormatLocal(r.LastTrainingCutoff)} ({CliContext.N(r.TrainingRows)} rows, {r.TreeIterations} trees); its calibration ({r.Calibration}) was fitted on the evaluated fits' scores on cutoffs they never saw. The figures above are those of the evaluated model before the refit.")));
    }

    public static void RenderEvaluation(CliContext context, ModelMetadata m)
    {
        if (m.SmallData)
        {
            context.Console.MarkupLine("[yellow]" + Markup.Escape(context.T(
                $"データが少ないため（学習の解約 {m.TrainingChurners} 件）、強く正則化した単純なモデルにしています。AUC は信頼区間で見てください。",
                $"Small data ({m.TrainingChurners} churners in training): a simple, strongly regularised model is used; read the AUC with its confidence interval.")) + "[/]");
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"評価: 学習に使っていない最新の基準日 {context.FormatLocal(m.TestCutoff)}（{CliContext.N(m.Test.Rows)} 顧客、解約率 {Percent(m.Test.ChurnRate)}）。",
            $"Evaluation on the latest cutoff, never seen in training: {context.FormatLocal(m.TestCutoff)} ({CliContext.N(m.Test.Rows)} customers, churn rate {Percent(m.Test.ChurnRate)}).")));
        var table = new Table().Border(TableBorder.Rounded).AddColumn("")
            .AddColumn(new TableColumn("ROC-AUC").RightAligned()).AddColumn(new TableColumn(context.T("95%区間", "95% CI")).RightAligned())
            .AddColumn(new TableColumn("PR-AUC").RightAligned()).AddColumn(new TableColumn("log loss").RightAligned())
            .AddColumn(new TableColumn("Brier").RightAligned()).AddColumn(new TableColumn(context.T("上位10%の捕捉", "capture@10%")).RightAligned())
            .AddColumn(new TableColumn(context.T("上位20%の捕捉", "capture@20%")).RightAligned());
        AddRow(table, context.T($"モデル v{m.Version}", $"model v{m.Version}"), m.Test);
        foreach (var b in m.Baselines)
        {
            AddRow(table, context.T("ルール: ", "rule: ") + (context.English ? b.LabelEn : b.LabelJa), b.Report);
        }

        context.Console.Write(table);
        var calibration = new Table().Border(TableBorder.Rounded)
            .AddColumn(context.T("予測の帯", "predicted band")).AddColumn(new TableColumn(context.T("予測平均", "mean predicted")).RightAligned())
            .AddColumn(new TableColumn(context.T("実際の解約率", "observed rate")).RightAligned()).AddColumn(new TableColumn(context.T("件数", "count")).RightAligned());
        foreach (var bin in m.Test.Calibration)
        {
            calibration.AddRow($"{bin.Lower:F3}–{bin.Upper:F3}", Percent(bin.MeanPredicted), Percent(bin.ObservedRate), CliContext.N(bin.Count));
        }

        context.Console.Write(calibration);
        RenderStoredModel(context, m);
        if (m.Backtest.Count > 0)
        {
            context.Console.MarkupLine(Markup.Escape(context.T("過去の基準日での検証（ローリング・バックテスト）:", "Rolling backtest on earlier cutoffs:")));
            foreach (var f in m.Backtest)
            {
                context.Console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"  {context.FormatLocal(f.Cutoff)}: AUC {F3(f.RocAuc)}, PR-AUC {F3(f.AveragePrecision)}, Brier {F3(f.BrierScore)} ({f.Rows:N0}, {f.Churners:N0})")));
            }
        }
    }

    private static void AddRow(Table table, string name, EvaluationReport r)
    {
        string Capture(double fraction) => r.Lift.FirstOrDefault(l => Math.Abs(l.Fraction - fraction) < 1e-9) is { } l ? Percent(l.Capture) : "-";
        table.AddRow(Markup.Escape(name), F3(r.RocAuc.Estimate), $"{F3(r.RocAuc.Lower)}–{F3(r.RocAuc.Upper)}", F3(r.AveragePrecision),
            F3(r.LogLoss), F3(r.BrierScore), Capture(0.1), Capture(0.2));
    }
}
