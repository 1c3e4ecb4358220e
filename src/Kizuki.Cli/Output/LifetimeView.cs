using System.Globalization;
using Kizuki.Lifetime;
using Spectre.Console;

namespace Kizuki.Cli.Output;

/// <summary>Renders lifetime model fits and scores.</summary>
internal static class LifetimeView
{
    public static void RenderFit(CliContext context, DateTimeOffset asOf, TimePeriod period, IReadOnlyList<CustomerSummary> summaries,
        BgNbdModel? bg, TimeSpan bgTime, ParetoNbdModel? pareto, TimeSpan paretoTime, GammaGammaModel? spend)
    {
        var repeaters = summaries.Count(s => s.Frequency > 0);
        if (context.Json)
        {
            var models = new Dictionary<string, object>();
            if (bg is not null)
            {
                // At the no-dropout limit b has no effect: it is reported as null, with the limit and its note.
                models["bgnbd"] = new Dictionary<string, object?>
                {
                    ["r"] = bg.R, ["alpha"] = bg.Alpha, ["a"] = bg.A, ["b"] = bg.Limit == FitLimit.NoDropout ? null : bg.B,
                    ["log_likelihood"] = bg.LogLikelihood, ["seconds"] = Math.Round(bgTime.TotalSeconds, 4),
                    ["limit"] = LimitName(bg.Limit), ["note"] = bg.Note,
                };
            }

            if (pareto is not null)
            {
                models["pareto"] = new Dictionary<string, object?>
                {
                    ["r"] = pareto.R, ["alpha"] = pareto.Alpha, ["s"] = pareto.S, ["beta"] = pareto.Limit == FitLimit.NoDropout ? null : pareto.Beta,
                    ["log_likelihood"] = pareto.LogLikelihood, ["seconds"] = Math.Round(paretoTime.TotalSeconds, 4),
                    ["limit"] = LimitName(pareto.Limit), ["note"] = pareto.Note,
                };
            }

            if (spend is not null)
            {
                models["gamma_gamma"] = new Dictionary<string, double>
                {
                    ["p"] = spend.P, ["q"] = spend.Q, ["gamma"] = spend.Gamma, ["log_likelihood"] = spend.LogLikelihood,
                };
            }

            context.WriteJson(new Dictionary<string, object>
            {
                ["as_of"] = asOf,
                ["period"] = period == TimePeriod.Week ? "week" : "day",
                ["customers"] = summaries.Count,
                ["repeat_buyers"] = repeaters,
                ["models"] = models,
            });
            return;
        }

        var unit = context.T(period == TimePeriod.Week ? "週" : "日", period == TimePeriod.Week ? "weeks" : "days");
        context.Console.MarkupLine(Markup.Escape(context.T(
            $"基準 {context.FormatLocal(asOf)}: 顧客 {CliContext.N(summaries.Count)} 人（うちリピート {CliContext.N(repeaters)} 人）、時間の単位 {unit}",
            $"As of {context.FormatLocal(asOf)}: {CliContext.N(summaries.Count)} customers ({CliContext.N(repeaters)} repeat buyers), time in {unit}")));
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(context.T("モデル", "model"));
        table.AddColumn(context.T("パラメータ", "parameters"));
        table.AddColumn(new TableColumn(context.T("対数尤度", "log-likelihood")).RightAligned());
        table.AddColumn(new TableColumn(context.T("推定時間", "fit time")).RightAligned());
        if (bg is not null)
        {
            var b = bg.Limit == FitLimit.NoDropout ? "-" : F(bg.B);
            table.AddRow("BG/NBD", $"r={F(bg.R)} alpha={F(bg.Alpha)} a={F(bg.A)} b={b}", F(bg.LogLikelihood, 3), Ms(bgTime));
        }

        if (pareto is not null)
        {
            var beta = pareto.Limit == FitLimit.NoDropout ? "-" : F(pareto.Beta);
            table.AddRow("Pareto/NBD", $"r={F(pareto.R)} alpha={F(pareto.Alpha)} s={F(pareto.S)} beta={beta}", F(pareto.LogLikelihood, 3), Ms(paretoTime));
        }

        if (spend is not null)
        {
            table.AddRow("Gamma-Gamma", $"p={F(spend.P)} q={F(spend.Q)} gamma={F(spend.Gamma)}", F(spend.LogLikelihood, 3), "-");
        }

        context.Console.Write(table);
        foreach (var (name, limit) in new[] { ("BG/NBD", bg?.Limit), ("Pareto/NBD", pareto?.Limit) })
        {
            if (limit == FitLimit.NoDropout)
            {
                context.Console.MarkupLine(Markup.Escape($"{name}: {LimitNote(context)}"));
            }
        }
    }

    /// <summary>The JSON name of a fit's limit: <c>none</c> or <c>no_dropout</c>.</summary>
    private static string LimitName(FitLimit limit) => limit == FitLimit.NoDropout ? "no_dropout" : "none";

    private static string LimitNote(CliContext context) => context.T(NoDropoutLimit.NoteJapanese, NoDropoutLimit.NoteEnglish);

    public static void RenderScores(CliContext context, DateTimeOffset asOf, IPurchaseModel model, GammaGammaModel? spend,
        IReadOnlyList<LifetimeScore> scores, double horizonDays, string? path)
    {
        var name = model is ParetoNbdModel ? "Pareto/NBD" : "BG/NBD";
        var meanAlive = scores.Average(s => s.ProbabilityAlive);
        var meanNone = scores.Average(s => s.ProbabilityNoPurchase);
        var expected = scores.Sum(s => s.ExpectedPurchases);
        var value = scores.Where(s => double.IsFinite(s.Clv)).Sum(s => s.Clv);
        if (context.Json)
        {
            context.WriteJson(new
            {
                asOf,
                model = name,
                customers = scores.Count,
                horizonDays,
                meanProbabilityAlive = meanAlive,
                meanProbabilityNoPurchase = meanNone,
                expectedPurchases = expected,
                totalClv = value,
                spendModel = spend is not null,
                limit = LimitName(model.Limit),
                note = model.Note,
                file = path,
            });
            return;
        }

        if (model.Limit == FitLimit.NoDropout)
        {
            context.Console.MarkupLine(Markup.Escape($"{name}: {LimitNote(context)}"));
        }

        context.Console.MarkupLine(Markup.Escape(context.T(
            $"{name}（基準 {context.FormatLocal(asOf)}）: 顧客 {CliContext.N(scores.Count)} 人、平均生存確率 {P(meanAlive)}、今後 {horizonDays.ToString(CultureInfo.InvariantCulture)} 日に購入しない確率 {P(meanNone)}、今後 {horizonDays.ToString(CultureInfo.InvariantCulture)} 日の期待購入 {F(expected, 1)} 回、LTV 合計 {F(value, 0)}",
            $"{name} as of {context.FormatLocal(asOf)}: {CliContext.N(scores.Count)} customers, mean P(alive) {P(meanAlive)}, mean P(no purchase in {horizonDays.ToString(CultureInfo.InvariantCulture)} days) {P(meanNone)}, {F(expected, 1)} purchases expected in the next {horizonDays.ToString(CultureInfo.InvariantCulture)} days, total CLV {F(value, 0)}")));
        if (spend is null)
        {
            context.Console.MarkupLine(Markup.Escape(context.T(
                "金額モデル（Gamma-Gamma）は推定できなかったため、各顧客の平均購入額を使いました。",
                "The spend model (Gamma-Gamma) could not be fitted; each customer's own mean spend was used.")));
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(context.T("離脱の可能性が高い上位顧客（LTV 順）", "Valuable customers most likely lost (by CLV)")));
        table.AddColumn(context.T("顧客", "customer"));
        table.AddColumn(new TableColumn(context.T("生存確率", "P(alive)")).RightAligned());
        table.AddColumn(new TableColumn(context.T("購入なし確率", "P(no purchase)")).RightAligned());
        table.AddColumn(new TableColumn(context.T("期待購入", "expected")).RightAligned());
        table.AddColumn(new TableColumn("CLV").RightAligned());
        // The churn score of a shop is "no purchase in the window", not 1 − P(alive): a live but rare buyer also stays away.
        foreach (var s in scores.Where(s => s.ProbabilityNoPurchase >= 0.5).OrderByDescending(s => s.Summary.Frequency * s.ExpectedSpend).Take(10))
        {
            table.AddRow(Markup.Escape(s.Summary.CustomerId), P(s.ProbabilityAlive), P(s.ProbabilityNoPurchase), F(s.ExpectedPurchases, 2), F(s.Clv, 0));
        }

        context.Console.Write(table);
        if (path is not null)
        {
            context.Console.MarkupLine(Markup.Escape(context.T($"書き出し: {path}", $"Written: {path}")));
        }
    }

    private static string F(double value, int digits = 5) =>
        double.IsFinite(value) ? value.ToString(digits == 5 ? "G6" : "N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "-";

    private static string P(double value) => value.ToString("P1", CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";
}
