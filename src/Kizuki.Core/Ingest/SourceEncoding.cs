using System.Text;

namespace Kizuki.Ingest;

/// <summary>Chooses the text encoding of an import file.</summary>
/// <remarks>
/// Detection: a UTF-8 byte-order mark means UTF-8 (UTF-16 marks mean UTF-16, as Excel's "Unicode text" writes);
/// otherwise, if the first <see cref="SampleBytes"/> bytes decode as strict UTF-8, UTF-8; otherwise Shift_JIS (CP932).
/// A file detected as UTF-8 is read strictly, so invalid bytes further on fail the import with a clear message
/// instead of silently becoming replacement characters.
/// </remarks>
internal static class SourceEncoding
{
    /// <summary>How much of the file's start detection looks at.</summary>
    public const int SampleBytes = 1 << 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static SourceEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Shift_JIS as Windows writes it (code page 932).</summary>
    public static Encoding ShiftJis => Encoding.GetEncoding(932);

    /// <summary>The encoding to read <paramref name="stream"/> with; leaves the stream at its start.</summary>
    public static Encoding Choose(Stream stream, ImportEncoding requested)
    {
        switch (requested)
        {
            case ImportEncoding.Utf8:
                return StrictUtf8;
            case ImportEncoding.ShiftJis:
                return ShiftJis;
        }

        var sample = new byte[SampleBytes];
        var count = 0;
        int read;
        while (count < sample.Length && (read = stream.Read(sample, count, sample.Length - count)) > 0)
        {
            count += read;
        }

        stream.Position = 0;
        return Detect(sample.AsSpan(0, count), atEndOfFile: count < sample.Length);
    }

    /// <summary>Detects the encoding of a file's first bytes.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> start, bool atEndOfFile)
    {
        if (start is [0xEF, 0xBB, 0xBF, ..])
        {
            return StrictUtf8;
        }

        if (start is [0xFF, 0xFE, ..])
        {
            return Encoding.Unicode;
        }

        if (start is [0xFE, 0xFF, ..])
        {
            return Encoding.BigEndianUnicode;
        }

        try
        {
            var decoder = StrictUtf8.GetDecoder();
            _ = decoder.GetCharCount(start, flush: atEndOfFile);
            return StrictUtf8;
        }
        catch (DecoderFallbackException)
        {
            return ShiftJis;
        }
    }
}
