namespace Kizuki.Alerts;

/// <summary>What a token of the rule language is.</summary>
internal enum RuleTokenKind
{
    /// <summary>A name such as <c>days_since_last_login</c>, <c>attribute.industry</c> or a keyword.</summary>
    Name,
    /// <summary>A number, possibly with a unit (<c>3d</c>, <c>12h</c>, <c>2w</c>, <c>10%</c>); the value is in days or as a fraction.</summary>
    Number,
    /// <summary>A quoted string (<c>'製造業'</c> or <c>"製造業"</c>).</summary>
    Text,
    /// <summary>A comparison operator: <c>= == != &lt;&gt; &lt; &lt;= &gt; &gt;=</c>.</summary>
    Comparison,
    /// <summary><c>(</c>.</summary>
    Open,
    /// <summary><c>)</c>.</summary>
    Close,
    /// <summary>The end of the source.</summary>
    End,
}

/// <summary>One token with where it starts (1-based line and column).</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Its text: the name, the unquoted string or the operator; the source text of a number.</param>
/// <param name="Number">The value of a number (days for d/h/w units, a fraction for %), else 0.</param>
/// <param name="Unit">The unit of a number: '\0' for none, or d, h, w, %.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
internal readonly record struct RuleToken(RuleTokenKind Kind, string Text, double Number, char Unit, int Line, int Column)
{
    /// <summary>True for a name equal (ignoring case) to <paramref name="keyword"/>.</summary>
    public bool Is(string keyword) => Kind == RuleTokenKind.Name && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token reads in an error message.</summary>
    public string Shown => Kind switch
    {
        RuleTokenKind.End => "(end)",
        RuleTokenKind.Text => $"'{Text}'",
        _ => Text,
    };
}
