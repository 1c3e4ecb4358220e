using System.Globalization;

namespace Kizuki.Alerts;

/// <summary>Splits rule source text into tokens; <c>#</c> and <c>--</c> start comments that run to the end of the line.</summary>
internal static class RuleLexer
{
    /// <summary>The tokens of <paramref name="text"/>, ending with <see cref="RuleTokenKind.End"/>.</summary>
    /// <exception cref="RuleSyntaxException">A character or literal cannot be read.</exception>
    public static List<RuleToken> Tokenize(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<RuleToken>();
        int i = 0, line = 1, lineStart = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var column = i - lineStart + 1;
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
            }
            else if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                i++;
            }
            else if (c == '#' || (c == '-' && i + 1 < text.Length && text[i + 1] == '-'))
            {
                while (i < text.Length && text[i] != '\n') { i++; }
            }
            else if (c is '(' or '（')
            {
                tokens.Add(new RuleToken(RuleTokenKind.Open, "(", 0, '\0', line, column));
                i++;
            }
            else if (c is ')' or '）')
            {
                tokens.Add(new RuleToken(RuleTokenKind.Close, ")", 0, '\0', line, column));
                i++;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : "";
                var op = two is "==" or "!=" or "<=" or ">=" or "<>" ? two : c.ToString();
                if (op == "!")
                {
                    throw new RuleSyntaxException(source, line, column, "演算子「!」は使えません（!= か not を使ってください）",
                        "'!' is not an operator; use != or not");
                }

                tokens.Add(new RuleToken(RuleTokenKind.Comparison, op == "==" ? "=" : op == "<>" ? "!=" : op, 0, '\0', line, column));
                i += op.Length;
            }
            else if (c is '\'' or '"' or '「')
            {
                var close = c == '「' ? '」' : c;
                var end = text.IndexOf(close, i + 1);
                var newline = text.IndexOf('\n', i + 1);
                if (end < 0 || (newline >= 0 && newline < end))
                {
                    throw new RuleSyntaxException(source, line, column, $"文字列が閉じていません（{close} が必要です）",
                        $"unterminated string; expected a closing {close}");
                }

                tokens.Add(new RuleToken(RuleTokenKind.Text, text[(i + 1)..end], 0, '\0', line, column));
                i = end + 1;
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(text, ref i, line, column, source));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.')) { i++; }
                tokens.Add(new RuleToken(RuleTokenKind.Name, text[start..i], 0, '\0', line, column));
            }
            else
            {
                throw new RuleSyntaxException(source, line, column, $"文字「{c}」は使えません", $"unexpected character '{c}'");
            }
        }

        tokens.Add(new RuleToken(RuleTokenKind.End, "", 0, '\0', line, text.Length - lineStart + 1));
        return tokens;
    }

    private static RuleToken ReadNumber(string text, ref int i, int line, int column, string source)
    {
        var start = i;
        if (text[i] == '-') { i++; }
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) { i++; }
        var digits = text[start..i];
        if (!double.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new RuleSyntaxException(source, line, column, $"数値「{digits}」を読めません", $"'{digits}' is not a number");
        }

        var unit = '\0';
        if (i < text.Length && text[i] is 'd' or 'h' or 'w' or '%')
        {
            unit = text[i];
            i++;
            value = unit switch
            {
                'h' => value / 24,
                'w' => value * 7,
                '%' => value / 100,
                _ => value,
            };
        }

        if (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            throw new RuleSyntaxException(source, line, column, $"「{text[start..(i + 1)]}」: 数値の単位は d（日）, h（時間）, w（週）, %（割合）です",
                $"'{text[start..(i + 1)]}': a number's unit must be d (days), h (hours), w (weeks) or % (percent)");
        }

        return new RuleToken(RuleTokenKind.Number, text[start..i], value, unit, line, column);
    }
}
