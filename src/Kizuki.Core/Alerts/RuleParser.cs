namespace Kizuki.Alerts;

/// <summary>
/// Reads rules: <c>rule "名前" when CONDITION then severity LEVEL [cooldown 7d] [follow_up] [holdout 10%]</c>.
/// A condition combines comparisons with <c>and</c>, <c>or</c>, <c>not</c> and parentheses; <c>and</c> binds tighter than <c>or</c>.
/// </summary>
internal sealed class RuleParser
{
    /// <summary>The cool-down of a rule that names none: 7 days.</summary>
    public const double DefaultCooldownDays = 7;

    /// <summary>The largest control share a rule may hold out: half its customers.</summary>
    public const double MaxHoldoutShare = 0.5;

    private readonly List<RuleToken> _tokens;
    private readonly string _source;
    private int _next;

    private RuleParser(List<RuleToken> tokens, string source)
    {
        _tokens = tokens;
        _source = source;
    }

    /// <summary>Every rule of <paramref name="text"/>, in order.</summary>
    /// <exception cref="RuleSyntaxException">The text is not a sequence of rules; the message says where and what was expected.</exception>
    public static IReadOnlyList<RuleDefinition> Parse(string text, string source)
    {
        var parser = new RuleParser(RuleLexer.Tokenize(text, source), source);
        var rules = new List<RuleDefinition>();
        while (parser.Peek.Kind != RuleTokenKind.End)
        {
            rules.Add(parser.ParseRule());
        }

        return rules;
    }

    private RuleToken Peek => _tokens[_next];

    private RuleToken Take() => _tokens[_next++];

    private RuleDefinition ParseRule()
    {
        var start = Expect("rule", "「rule」で規則を始めてください", "expected 'rule' to start a rule");
        var name = Take();
        if (name.Kind != RuleTokenKind.Text || name.Text.Trim().Length == 0)
        {
            throw Error(name, $"規則名を引用符で囲んで書いてください（例: rule \"ログイン停止\"）。見つかったのは {name.Shown}",
                $"expected the rule's name in quotes (e.g. rule \"login stopped\"), found {name.Shown}");
        }

        Expect("when", $"規則名の後に「when」が必要です。見つかったのは {Peek.Shown}", $"expected 'when' after the rule's name, found {Peek.Shown}");
        var condition = ParseOr();
        Expect("then", $"条件の後に「then」か and/or が必要です。見つかったのは {Peek.Shown}",
            $"expected 'then', 'and' or 'or' after the condition, found {Peek.Shown}");
        var severity = (AlertSeverity?)null;
        var cooldown = DefaultCooldownDays;
        var followUp = false;
        var holdout = 0.0;
        while (true)
        {
            var word = Peek;
            if (word.Is("severity"))
            {
                Take();
                severity = ParseSeverity(Take());
            }
            else if (word.Is("cooldown"))
            {
                Take();
                cooldown = ParseNumber(Take(), 'd', 0, 3650, "cooldown は 0d〜3650d の日数で書いてください（例: cooldown 7d）",
                    "cooldown must be a number of days from 0d to 3650d (e.g. cooldown 7d)");
            }
            else if (word.Is("follow_up") || word.Is("followup"))
            {
                Take();
                followUp = true;
            }
            else if (word.Is("holdout"))
            {
                Take();
                holdout = ParseNumber(Take(), '%', 0, MaxHoldoutShare, "holdout は 0%〜50% で書いてください（例: holdout 10%）",
                    "holdout must be a share from 0% to 50% (e.g. holdout 10%)");
            }
            else
            {
                break;
            }
        }

        if (severity is null)
        {
            throw Error(Peek, $"「then」の後に severity low/medium/high/critical が必要です。見つかったのは {Peek.Shown}",
                $"expected 'severity low|medium|high|critical' after 'then', found {Peek.Shown}");
        }

        if (Peek.Kind != RuleTokenKind.End && !Peek.Is("rule"))
        {
            throw Error(Peek, $"severity / cooldown / follow_up / holdout か次の rule が必要です。見つかったのは {Peek.Shown}",
                $"expected severity, cooldown, follow_up, holdout or the next rule, found {Peek.Shown}");
        }

        return new RuleDefinition(name.Text.Trim(), condition, severity.Value, cooldown, followUp, holdout, _source, start.Line);
    }

    private RuleCondition ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Is("or"))
        {
            var op = Take();
            left = new OrCondition(left, ParseAnd(), op.Line, op.Column);
        }

        return left;
    }

    private RuleCondition ParseAnd()
    {
        var left = ParseUnary();
        while (Peek.Is("and"))
        {
            var op = Take();
            left = new AndCondition(left, ParseUnary(), op.Line, op.Column);
        }

        return left;
    }

    private RuleCondition ParseUnary()
    {
        var token = Peek;
        if (token.Is("not"))
        {
            Take();
            return new NotCondition(ParseUnary(), token.Line, token.Column);
        }

        if (token.Kind == RuleTokenKind.Open)
        {
            Take();
            var inner = ParseOr();
            if (Peek.Kind != RuleTokenKind.Close)
            {
                throw Error(Peek, $"「)」か and/or が必要です。見つかったのは {Peek.Shown}", $"expected ')', 'and' or 'or', found {Peek.Shown}");
            }

            Take();
            return inner;
        }

        var left = Operand("比較の左辺", "the left side of a comparison");
        var op = Take();
        if (op.Kind != RuleTokenKind.Comparison)
        {
            throw Error(op, $"{left.Shown} の後に比較演算子（= != < <= > >=）が必要です。見つかったのは {op.Shown}",
                $"expected a comparison operator (= != < <= > >=) after {left.Shown}, found {op.Shown}");
        }

        var right = Operand("比較の右辺", "the right side of a comparison");
        return new ComparisonCondition(left, op.Text, right, left.Line, left.Column);
    }

    private RuleToken Operand(string whatJa, string whatEn)
    {
        var token = Take();
        if (token.Kind is RuleTokenKind.Name or RuleTokenKind.Number or RuleTokenKind.Text
            && !(token.Is("and") || token.Is("or") || token.Is("then") || token.Is("not")))
        {
            return token;
        }

        throw Error(token, $"{whatJa}に特徴量名・数値・文字列が必要です。見つかったのは {token.Shown}",
            $"expected a feature name, number or string as {whatEn}, found {token.Shown}");
    }

    private AlertSeverity ParseSeverity(RuleToken token) =>
        token.Kind == RuleTokenKind.Name && Enum.TryParse<AlertSeverity>(token.Text, ignoreCase: true, out var level) && !int.TryParse(token.Text, out _)
            ? level
            : throw Error(token, $"重要度は low / medium / high / critical のいずれかです。見つかったのは {token.Shown}",
                $"severity must be low, medium, high or critical, found {token.Shown}");

    private double ParseNumber(RuleToken token, char unit, double min, double max, string ja, string en)
    {
        if (token.Kind != RuleTokenKind.Number || (token.Unit != unit && token.Unit != '\0' && !(unit == 'd' && token.Unit is 'h' or 'w'))
            || token.Number < min || token.Number > max)
        {
            throw Error(token, $"{ja}。見つかったのは {token.Shown}", $"{en}, found {token.Shown}");
        }

        return token.Number;
    }

    private RuleToken Expect(string keyword, string ja, string en)
    {
        var token = Peek;
        if (!token.Is(keyword))
        {
            throw Error(token, ja, en);
        }

        return Take();
    }

    private RuleSyntaxException Error(RuleToken at, string ja, string en) => new(_source, at.Line, at.Column, ja, en);
}
