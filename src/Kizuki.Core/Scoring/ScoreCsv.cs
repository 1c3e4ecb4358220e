using Kizuki.Features.Batch;
using System.Globalization;
using System.Text;

namespace Kizuki.Scoring;

/// <summary>Writes a scoring run as CSV: UTF-8 with BOM (so Excel reads Japanese right), one row per scored customer.</summary>
/// <remarks>
/// Header: <c>customer_id, probability, band, revenue_at_risk</c>; when the run carries reasons, then
/// <c>reason_1 … reason_N</c> (raising the risk), <c>lowering_reason_1 …</c> and <c>action</c>, as sentences in the chosen
/// language; then the model's features. Numbers use the invariant
/// culture; unknown values are empty; text is quoted per RFC 4180; lines end with CRLF.
/// </remarks>
internal static class ScoreCsv
{
    /// <summary>Writes the run into <paramref name="path"/>, replacing it only once the whole file is written.</summary>
    public static void Write(ScoringRun run, string path, string language = "ja")
    {
        ArgumentNullException.ThrowIfNull(run);
        var full = Path.GetFullPath(path);
        var partial = full + ".partial";
        using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16))
        {
            Write(run, writer, language);
        }

        File.Move(partial, full, overwrite: true);
    }

    /// <summary>Writes the run to <paramref name="writer"/> (the writer's encoding decides about the BOM).</summary>
    public static void Write(ScoringRun run, TextWriter writer, string language = "ja")
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        var raising = run.Reasons is { Count: > 0 } all ? all.Max(r => r.Raising.Count) : 0;
        var lowering = run.Reasons is { Count: > 0 } any ? any.Max(r => r.Lowering.Count) : 0;
        writer.Write("customer_id,probability,band,revenue_at_risk");
        if (run.Reasons is not null)
        {
            for (var k = 1; k <= raising; k++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",reason_{k}"));
            }

            for (var k = 1; k <= lowering; k++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $",lowering_reason_{k}"));
            }

            writer.Write(",action");
        }

        foreach (var name in run.FeatureNames)
        {
            writer.Write(',');
            FeatureTableCsv.WriteText(writer, name);
        }

        writer.Write("\r\n");
        var table = run.Table;
        var positions = run.FeatureNames.Select(table.IndexOf).ToArray();
        var numbers = positions.Select(p => table.NumberColumn(p)).ToArray();
        var categories = positions.Select(p => table.CategoryColumn(p)).ToArray();
        for (var i = 0; i < run.Scores.Count; i++)
        {
            var score = run.Scores[i];
            var row = run.Rows[i];
            FeatureTableCsv.WriteText(writer, score.CustomerId);
            writer.Write(',');
            writer.Write(score.Probability.ToString("0.######", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(score.Band.ToString().ToLowerInvariant());
            writer.Write(',');
            writer.Write(score.RevenueAtRisk.ToString(CultureInfo.InvariantCulture));
            if (run.Reasons is { } reasons)
            {
                WriteReasons(writer, reasons[i], raising, lowering, language);
            }

            FeatureTableCsv.WriteCells(writer, numbers, categories, row);
            writer.Write("\r\n");
        }
    }

    private static void WriteReasons(TextWriter writer, Kizuki.Explanations.CustomerReasons reasons, int raising, int lowering, string language)
    {
        for (var k = 0; k < raising; k++)
        {
            writer.Write(',');
            if (k < reasons.Raising.Count)
            {
                FeatureTableCsv.WriteText(writer, reasons.Raising[k].Sentence(language));
            }
        }

        for (var k = 0; k < lowering; k++)
        {
            writer.Write(',');
            if (k < reasons.Lowering.Count)
            {
                FeatureTableCsv.WriteText(writer, reasons.Lowering[k].Sentence(language));
            }
        }

        writer.Write(',');
        if (reasons.Action is { } action)
        {
            FeatureTableCsv.WriteText(writer, action.Text(language));
        }
    }
}
