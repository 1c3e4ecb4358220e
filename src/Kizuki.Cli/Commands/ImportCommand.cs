using System.CommandLine;
using System.Diagnostics;
using Kizuki.Cli.Output;
using Kizuki.Domain;
using Kizuki.Ingest;
using Spectre.Console;

namespace Kizuki.Cli.Commands;

/// <summary><c>kizuki import &lt;entity&gt; &lt;file&gt;</c>: validated, atomic, idempotent loading of one file.</summary>
internal static class ImportCommand
{
    /// <summary>Exit code when rows were rejected (and, without <c>--skip-invalid</c>, nothing was written).</summary>
    public const int RejectedExitCode = 3;

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var entity = new Argument<string>("entity")
        {
            Description = "What the file holds / 種類: " + string.Join(", ", EntityKinds.Names),
        };
        entity.AcceptOnlyFromAmong([.. EntityKinds.Names]);
        var file = new Argument<string>("file") { Description = "CSV, TSV or JSON-lines file / 取り込むファイル" };
        var encoding = new Option<string>("--encoding")
        {
            Description = "auto, utf-8 or shift_jis (default auto) / 文字コード",
            DefaultValueFactory = _ => "auto",
        };
        encoding.AcceptOnlyFromAmong("auto", "utf-8", "utf8", "shift_jis", "sjis", "cp932");
        var format = new Option<string>("--format")
        {
            Description = "auto, csv, tsv or jsonl (default: from the extension) / 形式",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "csv", "tsv", "jsonl");
        var map = new Option<string?>("--map") { Description = "Mapping file: JSON object from Kizuki field to your column / 列の対応ファイル" };
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = "Commit the valid rows and write the rejected ones to <name>.rejects.csv / 不正な行を除いて取り込む",
        };

        var command = new Command("import", "Import customers, orders, activities … from CSV or JSON lines / データの取り込み")
        {
            entity, file, encoding, format, map, skipInvalid,
        };
        command.SetAction(parse =>
        {
            var context = CliContext.From(parse, globals, environment);
            // Both values were checked against their allowed lists by the parser.
            var kind = EntityKinds.TryParse(parse.GetValue(entity)!, out var k) ? k : throw new KizukiException("entity");
            var chosenEncoding = ImportRequest.TryParseEncoding(parse.GetValue(encoding)!, out var e) ? e : ImportEncoding.Auto;
            var path = Path.GetFullPath(parse.GetValue(file)!);
            var request = ImportRequest.FromSettings(kind, path, context.Settings) with
            {
                Encoding = chosenEncoding,
                Format = ParseFormat(parse.GetValue(format)!),
                MappingPath = parse.GetValue(map) is { } m ? Path.GetFullPath(m) : null,
                SkipInvalid = parse.GetValue(skipInvalid),
                Language = context.Language,
            };
            return Run(context, request);
        });
        return command;
    }

    private static int Run(CliContext context, ImportRequest request)
    {
        using var store = context.OpenStore(create: true);
        var length = File.Exists(request.Path) ? new FileInfo(request.Path).Length : 0;
        var watch = Stopwatch.StartNew();
        var showsProgress = !context.Json && context.Environment.Interactive;
        var result = ProgressRunner.Run(
            context,
            context.T($"取り込み中 {Path.GetFileName(request.Path)}", $"Importing {Path.GetFileName(request.Path)}"),
            total: showsProgress ? EstimateRows(request.Path) : 1,
            work: report => Importer.Run(request, store.BeginImport, new Progress(report)));
        watch.Stop();
        if (context.Json)
        {
            context.WriteJson(ImportView.ToJson(result, request.Kind, watch.Elapsed, context.Language));
        }
        else
        {
            ImportView.Render(context, result, request.Kind, watch.Elapsed, length);
        }

        if (result.FileFailed)
        {
            return 1;
        }

        return result.RowsRejected > 0 ? RejectedExitCode : 0;
    }

    private static ImportFormat ParseFormat(string text) => text switch
    {
        "csv" => ImportFormat.Csv,
        "tsv" => ImportFormat.Tsv,
        "jsonl" => ImportFormat.JsonLines,
        _ => ImportFormat.Auto,
    };

    /// <summary>
    /// Rows in a file, estimated by its line breaks (a quoted value spanning lines counts twice): the total of the
    /// progress bar. Reading a file once for its line breaks costs a fraction of importing it.
    /// </summary>
    private static long EstimateRows(string path)
    {
        if (!File.Exists(path))
        {
            return 1;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return Math.Max(1, lines - 1);
    }

    /// <summary>Passes rows read on to the progress bar.</summary>
    private sealed class Progress(Action<double> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
