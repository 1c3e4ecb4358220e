namespace Kizuki.Features.Metrics;

/// <summary>A node of a parsed metric expression; <see cref="Position"/> is 1-based in the expression text.</summary>
internal abstract record MetricSyntax(int Position);

/// <summary>A number literal.</summary>
internal sealed record NumberSyntax(int Position, double Value) : MetricSyntax(Position);

/// <summary>A quoted text literal (quotes removed, <c>''</c> unescaped).</summary>
internal sealed record TextSyntax(int Position, string Value) : MetricSyntax(Position);

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record BooleanSyntax(int Position, bool Value) : MetricSyntax(Position);

/// <summary>A window such as <c>14d</c>: <paramref name="Days"/> days back from the as-of instant.</summary>
internal sealed record WindowSyntax(int Position, int Days, string Text) : MetricSyntax(Position);

/// <summary>A bare name: an entity used as "every event of it" (<c>order</c>).</summary>
internal sealed record NameSyntax(int Position, string Name) : MetricSyntax(Position);

/// <summary><c>entity.field</c>.</summary>
internal sealed record FieldSyntax(int Position, string Entity, string Field, int FieldPosition) : MetricSyntax(Position)
{
    /// <summary>The field as written.</summary>
    public string Text => Entity + "." + Field;
}

/// <summary>Unary minus.</summary>
internal sealed record NegateSyntax(int Position, MetricSyntax Operand) : MetricSyntax(Position);

/// <summary><c>not</c>.</summary>
internal sealed record NotSyntax(int Position, MetricSyntax Operand) : MetricSyntax(Position);

/// <summary>A binary operation; <see cref="MetricSyntax.Position"/> is the operator's.</summary>
internal sealed record BinarySyntax(int Position, BinaryOperator Operator, MetricSyntax Left, MetricSyntax Right) : MetricSyntax(Position);

/// <summary>A function call; <see cref="MetricSyntax.Position"/> is the function name's.</summary>
internal sealed record CallSyntax(int Position, string Name, IReadOnlyList<MetricSyntax> Arguments) : MetricSyntax(Position);

/// <summary>Binary operators, lowest precedence last in the grammar.</summary>
internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    And,
    Or,
}

/// <summary>Token kinds of the metric language.</summary>
internal enum TokenKind
{
    Number,
    Window,
    Identifier,
    Text,
    Dot,
    Comma,
    OpenParen,
    CloseParen,
    Plus,
    Minus,
    Star,
    Slash,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    End,
}

/// <summary>One token: its kind, source text, 1-based position and value (number, window days, unescaped text).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Number = 0, string? Value = null)
{
    /// <summary>How the token reads in an error message.</summary>
    public Phrase Found => Kind == TokenKind.End ? Phrase.EndOfDefinition : Phrase.Quoted(Text);

    /// <summary>Whether it is the identifier <paramref name="word"/>.</summary>
    public bool Is(string word) => Kind == TokenKind.Identifier && Text == word;
}
