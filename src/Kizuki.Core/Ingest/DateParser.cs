namespace Kizuki.Ingest;

/// <summary>Reads the date and date-time forms found in Japanese business exports.</summary>
/// <remarks>
/// Accepted: ISO 8601 (<c>2025-04-01</c>, <c>2025-04-01T09:05:30</c>, with <c>Z</c> or <c>±09:00</c>, fractions of
/// a second), a space instead of <c>T</c>, slashes or dots instead of hyphens with one- or two-digit month and day
/// (<c>2025/4/1 9:05</c>), <c>yyyyMMdd</c>, and the kanji forms <c>2025年4月1日</c> and <c>2025年4月1日 9時5分(30秒)</c>.
/// Full-width digits are accepted. A value without an offset is a local time in the given zone.
/// Hand-written rather than <c>DateTime.TryParseExact</c> with a list of patterns: one pass, no allocation,
/// and it accepts every combination of the forms above without enumerating them.
/// </remarks>
internal static class DateParser
{
    /// <summary>Examples shown to users when a value is not a date.</summary>
    public const string Examples = "2025/04/01, 2025-04-01T09:00:00+09:00";

    /// <summary>Parses <paramref name="text"/>; a local time is converted from <paramref name="zone"/>. The result is in UTC.</summary>
    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset utc)
    {
        utc = default;
        var s = TextNormalizer.Narrow(text).AsSpan().Trim();
        var p = 0;
        int year, month, day;
        var kanji = false;
        if (s.Length == 8 && AllDigits(s))
        {
            year = Number(s[..4]);
            month = Number(s[4..6]);
            day = Number(s[6..8]);
            p = 8;
        }
        else
        {
            if (!Digits(s, ref p, 4, 4, out year) || p >= s.Length)
            {
                return false;
            }

            var sep = s[p++];
            var monthSep = sep switch
            {
                '-' or '/' or '.' => sep,
                '年' => '月',
                _ => '\0',
            };
            kanji = sep == '年';
            if (monthSep == '\0' || !Digits(s, ref p, 1, 2, out month) || p >= s.Length || s[p++] != monthSep ||
                !Digits(s, ref p, 1, 2, out day))
            {
                return false;
            }

            if (kanji && (p >= s.Length || s[p++] != '日'))
            {
                return false;
            }
        }

        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        TimeSpan? offset = null;
        if (p < s.Length)
        {
            var hadSeparator = false;
            if (s[p] is 'T' or 't')
            {
                p++;
                hadSeparator = true;
            }

            while (p < s.Length && s[p] == ' ')
            {
                p++;
                hadSeparator = true;
            }

            if ((!hadSeparator && !kanji) || !TryTime(s, ref p, out hour, out minute, out second, out fractionTicks))
            {
                return false;
            }

            while (p < s.Length && s[p] == ' ')
            {
                p++;
            }

            if (p < s.Length && !TryOffset(s, ref p, out offset))
            {
                return false;
            }
        }

        if (p != s.Length || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        if (offset is { } known)
        {
            utc = new DateTimeOffset(local, known).ToUniversalTime();
            return true;
        }

        if (zone.SupportsDaylightSavingTime && zone.IsInvalidTime(local))
        {
            return false;
        }

        utc = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    private static bool TryTime(ReadOnlySpan<char> s, ref int p, out int hour, out int minute, out int second, out long fractionTicks)
    {
        minute = second = 0;
        fractionTicks = 0;
        if (!Digits(s, ref p, 1, 2, out hour) || p >= s.Length)
        {
            return false;
        }

        if (s[p] == '時')
        {
            p++;
            if (p < s.Length && char.IsAsciiDigit(s[p]))
            {
                if (!Digits(s, ref p, 1, 2, out minute) || p >= s.Length || s[p++] != '分')
                {
                    return false;
                }

                if (p < s.Length && char.IsAsciiDigit(s[p]) &&
                    (!Digits(s, ref p, 1, 2, out second) || p >= s.Length || s[p++] != '秒'))
                {
                    return false;
                }
            }

            return true;
        }

        if (s[p++] != ':' || !Digits(s, ref p, 2, 2, out minute))
        {
            return false;
        }

        if (p < s.Length && s[p] == ':')
        {
            p++;
            if (!Digits(s, ref p, 2, 2, out second))
            {
                return false;
            }

            if (p < s.Length && s[p] is '.' or ',')
            {
                p++;
                var start = p;
                long scale = TimeSpan.TicksPerSecond;
                while (p < s.Length && char.IsAsciiDigit(s[p]))
                {
                    scale /= 10;
                    fractionTicks += (s[p] - '0') * scale;
                    p++;
                }

                return p > start;
            }
        }

        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> s, ref int p, out TimeSpan? offset)
    {
        offset = null;
        if (s[p] is 'Z' or 'z')
        {
            p++;
            offset = TimeSpan.Zero;
            return true;
        }

        if (s[p] is not ('+' or '-'))
        {
            return false;
        }

        var sign = s[p++] == '-' ? -1 : 1;
        if (p + 2 > s.Length || !char.IsAsciiDigit(s[p]) || !char.IsAsciiDigit(s[p + 1]))
        {
            return false;
        }

        var hours = Number(s.Slice(p, 2));
        p += 2;

        var minutes = 0;
        if (p < s.Length && s[p] == ':')
        {
            p++;
        }

        if (p < s.Length && !Digits(s, ref p, 2, 2, out minutes))
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(sign * hours, sign * minutes, 0);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int p, int min, int max, out int value)
    {
        value = 0;
        var start = p;
        while (p < s.Length && p - start < max && char.IsAsciiDigit(s[p]))
        {
            value = (value * 10) + (s[p] - '0');
            p++;
        }

        return p - start >= min && (p >= s.Length || !char.IsAsciiDigit(s[p]));
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
