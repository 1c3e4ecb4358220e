namespace Kizuki.Features.Metrics;

/// <summary>Recursive-descent parser of the metric language (grammar in docs/metrics.md).</summary>
/// <remarks>
/// Precedence, lowest first: <c>or</c>, <c>and</c>, <c>not</c>, comparisons (not chained), <c>+ -</c>, <c>* /</c>,
/// unary <c>-</c>, then literals, names, fields, calls and parentheses.
/// </remarks>
internal sealed class MetricParser
{
    private const int MaxDepth = 64;
    private static readonly Phrase AnOperand = new(
        "a number, a field, a function call or '('", "数値・項目・関数呼び出し・'('");

    private readonly string _metric;
    private readonly List<Token> _tokens;
    private int _next;
    private int _depth;

    private MetricParser(string metric, string text)
    {
        _metric = metric;
        _tokens = MetricLexer.Tokenize(metric, text);
    }

    /// <summary>Parses a whole definition; throws <see cref="MetricDefinitionException"/> at the first error.</summary>
    public static MetricSyntax Parse(string metric, string text)
    {
        var parser = new MetricParser(metric, text);
        var result = parser.ParseOr();
        var end = parser.Peek;
        if (end.Kind != TokenKind.End)
        {
            throw parser.Error(end, new Phrase("an operator or the end of the definition", "演算子または定義の終わり"));
        }

        return result;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private MetricDefinitionException Error(Token at, Phrase expected) =>
        new(MetricErrorKind.Syntax, _metric, at.Position, at.Found, expected);

    private MetricSyntax ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Is("or"))
        {
            var op = Take();
            left = new BinarySyntax(op.Position, BinaryOperator.Or, left, ParseAnd());
        }

        return left;
    }

    private MetricSyntax ParseAnd()
    {
        var left = ParseNot();
        while (Peek.Is("and"))
        {
            var op = Take();
            left = new BinarySyntax(op.Position, BinaryOperator.And, left, ParseNot());
        }

        return left;
    }

    private MetricSyntax ParseNot()
    {
        if (Peek.Is("not"))
        {
            var op = Take();
            Enter(op);
            var operand = ParseNot();
            _depth--;
            return new NotSyntax(op.Position, operand);
        }

        return ParseComparison();
    }

    private MetricSyntax ParseComparison()
    {
        var left = ParseAdditive();
        if (ComparisonOf(Peek.Kind) is not { } op)
        {
            return left;
        }

        var token = Take();
        var result = new BinarySyntax(token.Position, op, left, ParseAdditive());
        if (ComparisonOf(Peek.Kind) is not null)
        {
            throw Error(Peek, new Phrase("'and', 'or' or ')' (comparisons do not chain)", "'and'・'or'・')'（比較は連ねられません）"));
        }

        return result;
    }

    private static BinaryOperator? ComparisonOf(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        _ => null,
    };

    private MetricSyntax ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Take();
            var kind = op.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinarySyntax(op.Position, kind, left, ParseMultiplicative());
        }

        return left;
    }

    private MetricSyntax ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Take();
            var kind = op.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = new BinarySyntax(op.Position, kind, left, ParseUnary());
        }

        return left;
    }

    private MetricSyntax ParseUnary()
    {
        if (Peek.Kind == TokenKind.Minus)
        {
            var op = Take();
            Enter(op);
            var operand = ParseUnary();
            _depth--;
            return new NegateSyntax(op.Position, operand);
        }

        return ParsePrimary();
    }

    private MetricSyntax ParsePrimary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new NumberSyntax(token.Position, token.Number);
            case TokenKind.Window:
                return new WindowSyntax(token.Position, (int)token.Number, token.Text);
            case TokenKind.Text:
                return new TextSyntax(token.Position, token.Value!);
            case TokenKind.OpenParen:
                Enter(token);
                var inner = ParseOr();
                _depth--;
                Expect(TokenKind.CloseParen, new Phrase("')'", "')'"));
                return inner;
            case TokenKind.Identifier when token.Text is "true" or "false":
                return new BooleanSyntax(token.Position, token.Text == "true");
            case TokenKind.Identifier when token.Text is not ("and" or "or" or "not"):
                return ParseName(token);
            default:
                throw Error(token, AnOperand);
        }
    }

    private MetricSyntax ParseName(Token name)
    {
        if (Peek.Kind == TokenKind.Dot)
        {
            Take();
            var field = Take();
            if (field.Kind != TokenKind.Identifier)
            {
                throw Error(field, new Phrase("a field name after '.'", "'.' の後に項目名"));
            }

            return new FieldSyntax(name.Position, name.Text, field.Text, field.Position);
        }

        if (Peek.Kind != TokenKind.OpenParen)
        {
            return new NameSyntax(name.Position, name.Text);
        }

        var open = Take();
        Enter(open);
        var arguments = new List<MetricSyntax>();
        if (Peek.Kind == TokenKind.CloseParen)
        {
            Take();
        }
        else
        {
            while (true)
            {
                arguments.Add(ParseOr());
                var separator = Take();
                if (separator.Kind == TokenKind.CloseParen)
                {
                    break;
                }

                if (separator.Kind != TokenKind.Comma)
                {
                    throw Error(separator, new Phrase("')' or ','", "')' または ','"));
                }
            }
        }

        _depth--;
        return new CallSyntax(name.Position, name.Text, arguments);
    }

    private void Expect(TokenKind kind, Phrase expected)
    {
        var token = Take();
        if (token.Kind != kind)
        {
            throw Error(token, expected);
        }
    }

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(at, new Phrase("at most 64 levels of nesting", "64 段までの入れ子"));
        }
    }
}
