using System.Globalization;

namespace Kizuki.Ingest;

/// <summary>Reads amounts and quantities as Japanese exports write them.</summary>
/// <remarks>
/// Accepts thousands separators (only in groups of three), a decimal point, a leading sign (also <c>△</c>/<c>▲</c>,
/// the accounting minus), full-width digits, and the yen marks <c>¥</c>, <c>￥</c>, <c>円</c> and <c>\</c>
/// (the yen sign's byte in Shift_JIS decodes as a backslash). A yen mark tells the caller the amount is in JPY.
/// </remarks>
internal static class NumberParser
{
    /// <summary>Parses a number; <paramref name="hadYenMark"/> tells whether a yen sign or 円 was present.</summary>
    public static bool TryParse(string text, out decimal value, out bool hadYenMark)
    {
        value = 0;
        hadYenMark = false;
        var s = TextNormalizer.Narrow(text).AsSpan().Trim();
        if (s.IsEmpty || s.Length > 64)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[s.Length];
        var length = 0;
        var digitsSinceComma = -1;
        var integerDigits = 0;
        var seenPoint = false;
        var seenDigit = false;
        var negative = false;
        foreach (var c in s)
        {
            switch (c)
            {
                case >= '0' and <= '9':
                    buffer[length++] = c;
                    seenDigit = true;
                    if (!seenPoint)
                    {
                        integerDigits++;
                        if (digitsSinceComma >= 0)
                        {
                            digitsSinceComma++;
                        }
                    }

                    break;
                case ',':
                    if (seenPoint || !seenDigit || (digitsSinceComma >= 0 && digitsSinceComma != 3) ||
                        (digitsSinceComma < 0 && integerDigits > 3))
                    {
                        return false;
                    }

                    digitsSinceComma = 0;
                    break;
                case '.':
                    if (seenPoint || (digitsSinceComma >= 0 && digitsSinceComma != 3))
                    {
                        return false;
                    }

                    seenPoint = true;
                    buffer[length++] = c;
                    break;
                case '-' or '△' or '▲' when !seenDigit && !negative:
                    negative = true;
                    break;
                case '+' when !seenDigit && !negative:
                    break;
                case '¥' or '￥' or '\\' when !seenDigit:
                case '円' when seenDigit:
                    hadYenMark = true;
                    break;
                case ' ':
                    break;
                default:
                    return false;
            }
        }

        if (!seenDigit || (digitsSinceComma >= 0 && !seenPoint && digitsSinceComma != 3))
        {
            return false;
        }

        if (!decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>Parses a whole number (thousands separators allowed, no fraction).</summary>
    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        if (!TryParse(text, out var number, out _) || number != decimal.Truncate(number) ||
            number < long.MinValue || number > long.MaxValue)
        {
            return false;
        }

        value = (long)number;
        return true;
    }
}
