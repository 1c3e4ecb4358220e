using System.Globalization;

namespace Kizuki.Features.Metrics;

/// <summary>Splits a metric expression into tokens; throws <see cref="MetricDefinitionException"/> at the first bad character.</summary>
internal static class MetricLexer
{
    /// <summary>The longest window: "same period last year" needs 730 days, and nothing looks further back.</summary>
    public const int MaxWindowDays = 730;

    public static List<Token> Tokenize(string metric, string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, text.Length + 1));
                return tokens;
            }

            var start = i;
            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(metric, text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], start + 1));
            }
            else if (c == '\'')
            {
                tokens.Add(ReadText(metric, text, ref i));
            }
            else
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
                var (kind, length) = two switch
                {
                    "!=" or "<>" => (TokenKind.NotEqual, 2),
                    "<=" => (TokenKind.LessOrEqual, 2),
                    ">=" => (TokenKind.GreaterOrEqual, 2),
                    _ => c switch
                    {
                        '.' => (TokenKind.Dot, 1),
                        ',' => (TokenKind.Comma, 1),
                        '(' => (TokenKind.OpenParen, 1),
                        ')' => (TokenKind.CloseParen, 1),
                        '+' => (TokenKind.Plus, 1),
                        '-' => (TokenKind.Minus, 1),
                        '*' => (TokenKind.Star, 1),
                        '/' => (TokenKind.Slash, 1),
                        '=' => (TokenKind.Equal, 1),
                        '<' => (TokenKind.Less, 1),
                        '>' => (TokenKind.Greater, 1),
                        _ => throw new MetricDefinitionException(
                            MetricErrorKind.Syntax, metric, start + 1, Phrase.Quoted(c.ToString()),
                            new Phrase("a number, a name, a quoted text or an operator", "数値・名前・引用符で囲んだ文字列・演算子")),
                    },
                };
                i += length;
                tokens.Add(new Token(kind, text.Substring(start, length), start + 1));
            }
        }
    }

    private static Token ReadNumber(string metric, string text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        var digits = text[start..i];
        var unitEnd = i;
        while (unitEnd < text.Length && (char.IsAsciiLetterOrDigit(text[unitEnd]) || text[unitEnd] == '_'))
        {
            unitEnd++;
        }

        var unit = text[i..unitEnd];
        var whole = text[start..unitEnd];
        if (unit.Length == 0)
        {
            if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw new MetricDefinitionException(MetricErrorKind.Syntax, metric, start + 1, Phrase.Quoted(whole),
                    new Phrase("a number such as 4 or 0.5", "4 や 0.5 のような数値"));
            }

            return new Token(TokenKind.Number, digits, start + 1, value);
        }

        var unitDays = unit switch { "d" => 1, "w" => 7, "m" => 30, "y" => 365, _ => 0 };
        if (unitDays == 0 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new MetricDefinitionException(MetricErrorKind.Syntax, metric, start + 1, Phrase.Quoted(whole),
                new Phrase("a number, or a window of whole days, weeks, months or years such as 14d, 2w, 3m, 1y",
                    "数値、または 14d・2w・3m・1y のような整数の期間"));
        }

        var days = (long)count * unitDays;
        if (days is < 1 or > MaxWindowDays)
        {
            throw new MetricDefinitionException(MetricErrorKind.WindowOutOfRange, metric, start + 1,
                new Phrase($"'{whole}' ({days.ToString(CultureInfo.InvariantCulture)} days)", $"'{whole}'（{days.ToString(CultureInfo.InvariantCulture)} 日）"),
                new Phrase("a window of 1 to 730 days", "1〜730 日の期間"));
        }

        i = unitEnd;
        return new Token(TokenKind.Window, whole, start + 1, days);
    }

    private static Token ReadText(string metric, string text, ref int i)
    {
        var start = i;
        var value = new System.Text.StringBuilder();
        i++;
        while (true)
        {
            if (i >= text.Length)
            {
                throw new MetricDefinitionException(MetricErrorKind.Syntax, metric, text.Length + 1, Phrase.EndOfDefinition,
                    new Phrase(string.Create(CultureInfo.InvariantCulture, $"a closing quote ' for the text opened at position {start + 1}"),
                        string.Create(CultureInfo.InvariantCulture, $"{start + 1} 文字目で始まる文字列を閉じる '")));
            }

            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return new Token(TokenKind.Text, text[start..i], start + 1, 0, value.ToString());
            }

            value.Append(text[i]);
            i++;
        }
    }
}
