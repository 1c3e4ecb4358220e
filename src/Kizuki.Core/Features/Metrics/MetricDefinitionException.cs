using System.Globalization;

namespace Kizuki.Features.Metrics;

/// <summary>What is wrong with a metric definition.</summary>
public enum MetricErrorKind
{
    /// <summary>The text does not follow the grammar (a missing parenthesis, a stray character, an unclosed quote).</summary>
    Syntax,
    /// <summary>The metric's name is not snake_case.</summary>
    BadName,
    /// <summary>A function the language does not have.</summary>
    UnknownFunction,
    /// <summary>An entity the language does not have (the part before the dot).</summary>
    UnknownEntity,
    /// <summary>A field the entity does not have (the part after the dot).</summary>
    UnknownField,
    /// <summary>A quoted value a field can never take (an unknown order status or page category).</summary>
    UnknownValue,
    /// <summary>A function called with the wrong number of arguments.</summary>
    ArgumentCount,
    /// <summary>A value of the wrong type: a number where a condition is needed, a text outside a comparison, and so on.</summary>
    WrongType,
    /// <summary>One aggregate names fields of two entities.</summary>
    MixedEntities,
    /// <summary>An aggregate whose arguments name no entity.</summary>
    MissingEntity,
    /// <summary>A field used outside an aggregate.</summary>
    FieldOutsideAggregate,
    /// <summary>An aggregate inside another aggregate.</summary>
    NestedAggregate,
    /// <summary>A window that is not the last argument of an aggregate.</summary>
    MisplacedWindow,
    /// <summary>A window longer than the longest lookback (730 days) or shorter than a day.</summary>
    WindowOutOfRange,
}

/// <summary>A metric definition that does not parse or type-check; says where, what was found and what was expected.</summary>
/// <remarks>
/// <see cref="Exception.Message"/> holds the English sentence, a line break and the Japanese one, e.g.
/// <c>metric login_ratio_14d, position 27: expected ')' or ',' but found '='</c> /
/// 「指標 login_ratio_14d の 27 文字目: ')' または ',' が必要ですが '=' があります」.
/// </remarks>
public sealed class MetricDefinitionException : Exception
{
    /// <summary>A definition error (prefer the detailed constructor).</summary>
    public MetricDefinitionException()
        : this(string.Empty)
    {
    }

    /// <summary>A definition error with only a message.</summary>
    public MetricDefinitionException(string message)
        : this(message, null)
    {
    }

    /// <summary>A definition error with only a message and a cause.</summary>
    public MetricDefinitionException(string message, Exception? innerException)
        : base(message, innerException)
    {
        MetricName = string.Empty;
        Found = string.Empty;
        Expected = string.Empty;
        MessageEn = message;
        MessageJa = message;
    }

    internal MetricDefinitionException(MetricErrorKind kind, string metricName, int position, Phrase found, Phrase expected)
        : base(Compose(metricName, position, found, expected, out var en, out var ja))
    {
        Kind = kind;
        MetricName = metricName;
        Position = position;
        Found = found.En;
        Expected = expected.En;
        MessageEn = en;
        MessageJa = ja;
    }

    /// <summary>What kind of mistake it is.</summary>
    public MetricErrorKind Kind { get; }

    /// <summary>The metric's name as written in the settings.</summary>
    public string MetricName { get; }

    /// <summary>1-based character position in the expression (in the name for <see cref="MetricErrorKind.BadName"/>).</summary>
    public int Position { get; }

    /// <summary>What was found there, in English (e.g. <c>'='</c>, <c>end of definition</c>).</summary>
    public string Found { get; }

    /// <summary>What was expected there, in English (e.g. <c>')' or ','</c>).</summary>
    public string Expected { get; }

    /// <summary>The English sentence.</summary>
    public string MessageEn { get; }

    /// <summary>The Japanese sentence.</summary>
    public string MessageJa { get; }

    private static string Compose(string name, int position, Phrase found, Phrase expected, out string en, out string ja)
    {
        en = string.Create(CultureInfo.InvariantCulture, $"metric {name}, position {position}: expected {expected.En} but found {found.En}");
        ja = string.Create(CultureInfo.InvariantCulture, $"指標 {name} の {position} 文字目: {expected.Ja} が必要ですが {found.Ja} があります");
        return en + "\n" + ja;
    }
}

/// <summary>A short phrase in English and Japanese, for error messages.</summary>
internal readonly record struct Phrase(string En, string Ja)
{
    /// <summary>The same text in both languages (quoted source text, symbols).</summary>
    public static Phrase Same(string text) => new(text, text);

    /// <summary>Source text in single quotes.</summary>
    public static Phrase Quoted(string text) => Same("'" + text + "'");

    public static readonly Phrase EndOfDefinition = new("end of definition", "定義の終わり");
}
