using System.Globalization;
using Kizuki.Modeling.Tabular;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders the tabular path's evaluation, training summary and scores.</summary>
internal static class TabularView
{
    public static void RenderEvaluation(CliContext context, TabularEvaluation evaluation)
    {
        var folds = evaluation.Folds;
        if (context.Json)
        {
            context.WriteJson(new
            {
                rows = evaluation.Rows,
                churners = evaluation.Churners,
                auc = Round(evaluation.RocAuc),
                aucSpread = Round(evaluation.RocAucSpread),
                pooledAuc = Round(evaluation.Pooled.Estimate),
                pooledAucInterval = new { level = evaluation.Pooled.Level, lower = Round(evaluation.Pooled.Lower), upper = Round(evaluation.Pooled.Upper), resamples = evaluation.Pooled.Resamples },
                prAuc = Round(folds.Average(f => f.AveragePrecision)),
                logLoss = Round(folds.Average(f => f.LogLoss)),
                brier = Round(folds.Average(f => f.BrierScore)),
                liftAt10 = Round(folds.Average(f => f.LiftAt10)),
                smallData = evaluation.SmallData,
                features = evaluation.Schema.Features.Select(f => new { name = f.Name, kind = f.Kind.ToString().ToLowerInvariant(), categories = f.Categories?.Count }),
                ignored = evaluation.Schema.Ignored.Select(i => new { name = i.Name, reason = i.Reason }),
                folds = folds.Select(f => new
                {
                    fold = f.Fold, rows = f.Rows, churners = f.Churners, auc = Round(f.RocAuc), prAuc = Round(f.AveragePrecision),
                    logLoss = Round(f.LogLoss), brier = Round(f.BrierScore), liftAt10 = Round(f.LiftAt10), treeWeight = f.TreeWeight,
                }),
            });
            return;
        }

        RenderSchema(context, evaluation.Schema, evaluation.Rows, evaluation.Churners, evaluation.SmallData);
        var table = new Table().AddColumns(context.T("分割", "Fold"), "ROC-AUC", "PR-AUC", context.T("対数損失", "Log loss"), "Brier", context.T("上位10%リフト", "Lift@10%"), context.T("木の重み", "Tree weight"));
        foreach (var f in folds)
        {
            table.AddRow(CliContext.N(f.Fold), F(f.RocAuc), F(f.AveragePrecision), F(f.LogLoss), F(f.BrierScore), F(f.LiftAt10, "F2"), F(f.TreeWeight, "F2"));
        }

        table.AddRow(
            context.T("平均", "Mean"),
            $"{F(evaluation.RocAuc)} ± {F(evaluation.RocAucSpread)}",
            Mean(folds.Select(f => f.AveragePrecision)),
            Mean(folds.Select(f => f.LogLoss)),
            Mean(folds.Select(f => f.BrierScore)),
            Mean(folds.Select(f => f.LiftAt10), "F2"),
            string.Empty);
        context.Console.Write(table);
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"交差検証 ROC-AUC（{CliContext.N(folds.Count)} 分割の平均 ± 標準偏差）: {F(evaluation.RocAuc)} ± {F(evaluation.RocAucSpread)}",
            $"Cross-validated ROC-AUC (mean ± s.d. over {CliContext.N(folds.Count)} folds): {F(evaluation.RocAuc)} ± {F(evaluation.RocAucSpread)}")));
        var pooled = evaluation.Pooled;
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"全行の分割外予測をまとめた ROC-AUC: {F(pooled.Estimate)}（95% 信頼区間 {F(pooled.Lower)}–{F(pooled.Upper)}、ブートストラップ {CliContext.N(pooled.Resamples)} 回）",
            $"ROC-AUC of every row's out-of-fold prediction, pooled: {F(pooled.Estimate)} (95% interval {F(pooled.Lower)}–{F(pooled.Upper)}, {CliContext.N(pooled.Resamples)} bootstrap resamples)")));
    }

    public static void RenderTrained(CliContext context, TabularModel model, int rows, int churners, string path)
    {
        if (context.Json)
        {
            context.WriteJson(new { model = path, rows, churners, smallData = model.SmallData, treeWeight = model.TreeWeight, calibration = model.Calibration.Kind, features = model.Schema.Features.Count });
            return;
        }

        RenderSchema(context, model.Schema, rows, churners, model.SmallData);
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"モデルを保存しました: {path}（木の重み {F(model.TreeWeight, "F2")}、較正 {model.Calibration.Kind}）",
            $"Model saved to {path} (tree weight {F(model.TreeWeight, "F2")}, calibration {model.Calibration.Kind})")));
    }

    public static void RenderScores(CliContext context, string[] ids, double[] probabilities, int[] order, string? path, int top = 10)
    {
        if (context.Json)
        {
            context.WriteJson(new { rows = ids.Length, file = path, top = order.Take(top).Select(r => new { id = ids[r], probability = Round(probabilities[r]) }) });
            return;
        }

        if (path is not null)
        {
            context.Console.MarkupLine(Markup.Escape(context.T($"{CliContext.N(ids.Length)} 件の解約確率を {path} に書き出しました。", $"Wrote {CliContext.N(ids.Length)} churn probabilities to {path}.")));
        }

        var table = new Table().AddColumns(context.T("順位", "Rank"), "ID", context.T("解約確率", "Churn probability"));
        foreach (var (r, rank) in order.Take(top).Select((r, i) => (r, i + 1)))
        {
            table.AddRow(CliContext.N(rank), Markup.Escape(ids[r]), probabilities[r].ToString("P1", CultureInfo.InvariantCulture));
        }

        context.Console.Write(table);
    }

    private static void RenderSchema(CliContext context, TabularSchema schema, int rows, int churners, bool smallData)
    {
        var numeric = schema.Features.Count(f => f.Kind == TabularColumnKind.Numeric);
        var categorical = schema.Features.Count - numeric;
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"{CliContext.N(rows)} 行（解約 {CliContext.N(churners)}）、数値列 {CliContext.N(numeric)}、カテゴリ列 {CliContext.N(categorical)}",
            $"{CliContext.N(rows)} rows ({CliContext.N(churners)} churned), {CliContext.N(numeric)} numeric and {CliContext.N(categorical)} categorical columns")));
        var ignored = schema.Ignored.Where(i => i.Reason is not ("id" or "target")).ToArray();
        if (ignored.Length > 0)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                $"使わない列: {string.Join(", ", ignored.Select(i => $"{i.Name} ({i.Reason})"))}",
                $"Columns not used: {string.Join(", ", ignored.Select(i => $"{i.Name} ({i.Reason})"))}")));
        }

        if (smallData)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                "データが少ない（1,000 行未満または解約 50 件未満）ため、強く正則化したロジスティック回帰だけを使います。",
                "Small data (under 1,000 rows or 50 churners): using a strongly regularised logistic regression only.")));
        }
    }

    private static double? Round(double value) => double.IsFinite(value) ? Math.Round(value, 4) : null;

    private static string F(double value, string format = "F4") => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Mean(IEnumerable<double> values, string format = "F4") => F(values.Average(), format);
}
