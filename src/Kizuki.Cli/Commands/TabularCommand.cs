using System.CommandLine;
using System.Globalization;
using System.Text;
using Kizuki.Cli.Output;
using Kizuki.Modeling.Tabular;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki tabular evaluate|train|score</c>: churn models from one CSV row per customer (e.g. a CRM export).</summary>
internal static class TabularCommand
{
    /// <summary>The model file's name in the data directory when <c>--model</c> is not given.</summary>
    public const string DefaultModelFile = "tabular-model.json";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("tabular", "Churn models from your own table: one CSV row per customer / 顧客 1 行の表（CSV）から解約予測");
        command.Subcommands.Add(Evaluate(globals, environment));
        command.Subcommands.Add(Train(globals, environment));
        command.Subcommands.Add(Score(globals, environment));
        return command;
    }

    private static Option<string> File() => new("--file") { Required = true, Description = "CSV file, one row per customer (UTF-8, UTF-8 with BOM or Shift_JIS) / 顧客 1 行の CSV ファイル" };

    private static Option<string> Id() => new("--id") { Required = true, Description = "Customer id column (never used as a feature) / 顧客 ID の列" };

    private static Option<string> Target() => new("--target") { Required = true, Description = "Churn column: Yes/No, True/False, 1/0, はい/いいえ / 解約の有無の列" };

    private static Option<string?> Model() => new("--model") { Description = $"Model file. Default: <data-dir>/{DefaultModelFile} / モデルファイル" };

    private static Command Evaluate(GlobalOptions globals, CliEnvironment environment)
    {
        var (file, id, target) = (File(), Id(), Target());
        var command = new Command("evaluate", "5-fold stratified cross-validation of the whole training procedure / 5 分割層化交差検証") { file, id, target };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var table = TabularTable.Read(parse.GetValue(file)!);
            var evaluation = ProgressRunner.Run(
                context,
                context.T("交差検証中", "Cross-validating"),
                total: 1,
                work: _ => TabularEvaluator.Evaluate(table, parse.GetValue(id)!, parse.GetValue(target)!));
            TabularView.RenderEvaluation(context, evaluation);
            return 0;
        });
        return command;
    }

    private static Command Train(GlobalOptions globals, CliEnvironment environment)
    {
        var (file, id, target, model) = (File(), Id(), Target(), Model());
        var command = new Command("train", "Fit on every row and save the model / 全行で学習してモデルを保存") { file, id, target, model };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var table = TabularTable.Read(parse.GetValue(file)!);
            var labels = TargetParser.Labels(table, parse.GetValue(target)!);
            var fitted = ProgressRunner.Run(
                context,
                context.T("学習中", "Training"),
                total: 1,
                work: _ => TabularTrainer.Fit(table, labels, parse.GetValue(id)!, parse.GetValue(target)!));
            var path = ModelPath(context, parse.GetValue(model));
            fitted.Save(path);
            TabularView.RenderTrained(context, fitted, table.RowCount, (int)labels.Sum(), path);
            return 0;
        });
        return command;
    }

    private static Command Score(GlobalOptions globals, CliEnvironment environment)
    {
        var (file, id, model) = (File(), Id(), Model());
        var output = new Option<string?>("--out") { Description = "Write id and churn probability to this CSV (UTF-8 with BOM) / 顧客 ID と解約確率を CSV に書き出す" };
        var command = new Command("score", "Churn probability of every row with a trained model / 学習済みモデルで各行の解約確率を計算") { file, id, model, output };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            var fitted = TabularModel.LoadFile(ModelPath(context, parse.GetValue(model)));
            var table = TabularTable.Read(parse.GetValue(file)!);
            var idColumn = table.ColumnIndex(parse.GetValue(id)!);
            var raw = fitted.RawScores(table);
            var probabilities = Kizuki.Modeling.Calibration.ScoreCalibration.Probabilities(fitted.Calibration, raw);
            var ids = Enumerable.Range(0, table.RowCount).Select(r => table.Cell(r, idColumn) ?? string.Empty).ToArray();

            // Isotonic calibration is flat in steps; the ensemble score breaks ties so the order is the model's ranking.
            var order = Enumerable.Range(0, ids.Length).OrderByDescending(r => probabilities[r]).ThenByDescending(r => raw[r]).ThenBy(r => r).ToArray();
            var path = parse.GetValue(output);
            if (path is not null)
            {
                path = Path.GetFullPath(path);
                WriteScores(path, table.Header[idColumn], ids, probabilities, order);
            }

            TabularView.RenderScores(context, ids, probabilities, order, path);
            return 0;
        });
        return command;
    }

    private static string ModelPath(CliContext context, string? model)
        => Path.GetFullPath(model ?? Path.Combine(context.DataDirectory, DefaultModelFile));

    private static void WriteScores(string path, string idHeader, string[] ids, double[] probabilities, int[] order)
    {
        var text = new StringBuilder();
        text.Append(Quote(idHeader)).Append(",churn_probability\r\n");
        foreach (var r in order)
        {
            text.Append(Quote(ids[r])).Append(',').Append(probabilities[r].ToString("0.######", CultureInfo.InvariantCulture)).Append("\r\n");
        }

        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        System.IO.File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    private static string Quote(string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
