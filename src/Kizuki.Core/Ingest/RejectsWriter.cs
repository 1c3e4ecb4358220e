using System.Globalization;
using System.Text;

namespace Kizuki.Ingest;

/// <summary>Writes rejected rows to <c>&lt;name&gt;.rejects.csv</c> beside the input: UTF-8 with BOM so Excel opens it.</summary>
/// <remarks>
/// A CSV input's rejects keep the original columns, followed by <c>line</c> and <c>reason</c>, so the file can be
/// corrected and imported again. A JSON lines input's rejects hold <c>line</c>, <c>reason</c> and the original
/// <c>json</c> line.
/// </remarks>
internal sealed class RejectsWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly bool _jsonLines;

    public RejectsWriter(string path, IReadOnlyList<string> columns, bool jsonLines)
    {
        Path = path;
        _jsonLines = jsonLines;
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        if (jsonLines)
        {
            WriteRow(["line", "reason", "json"]);
        }
        else
        {
            WriteRow([.. columns, "line", "reason"]);
        }
    }

    /// <summary>Where the rejects go.</summary>
    public string Path { get; }

    /// <summary>The rejects path for an input file: <c>orders.csv</c> → <c>orders.rejects.csv</c> in the same folder.</summary>
    public static string PathFor(string inputPath) =>
        System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(inputPath)) ?? ".",
            System.IO.Path.GetFileNameWithoutExtension(inputPath) + ".rejects.csv");

    /// <summary>Writes one rejected row with its reasons.</summary>
    public void Write(in RawRecord record, string reason)
    {
        var line = record.Line.ToString(CultureInfo.InvariantCulture);
        if (_jsonLines)
        {
            WriteRow([line, reason, record.Raw ?? string.Empty]);
        }
        else
        {
            WriteRow([.. record.Values, line, reason]);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private void WriteRow(IReadOnlyList<string?> values)
    {
        CsvText.WriteRow(_writer, values);
    }
}
