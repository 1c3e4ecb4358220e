using System.Text;

namespace Kizuki.Ingest;

/// <summary>Small text clean-ups shared by the value parsers and the header matcher.</summary>
internal static class TextNormalizer
{
    /// <summary>
    /// Replaces full-width ASCII (<c>２０２５／０４</c>, <c>ＡＢＣ</c>) by ordinary ASCII and the minus sign by '-';
    /// returns the same instance when there is nothing to replace, which is the common case.
    /// </summary>
    public static string Narrow(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('\u2212', '\uFFEF');
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                chars[i] = c switch
                {
                    >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                    '\u2212' => '-',
                    '\u3000' => ' ',
                    _ => c,
                };
            }
        });
    }

    /// <summary>
    /// The form in which headers and field names are compared: compatibility-normalised (NFKC), lower case,
    /// without spaces, underscores, hyphens and dots. So <c>Customer ID</c>, <c>customer_id</c> and <c>ＣＵＳＴＯＭＥＲ＿ＩＤ</c> match.
    /// </summary>
    public static string HeaderKey(string header)
    {
        var normalized = header.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is not (' ' or '_' or '-' or '.') && !char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
