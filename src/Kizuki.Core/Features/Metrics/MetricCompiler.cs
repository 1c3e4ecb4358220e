using Kizuki.Features.History;

namespace Kizuki.Features.Metrics;

/// <summary>Compiles user-defined metrics (see docs/metrics.md) for one evaluation's vocabulary and page categories.</summary>
/// <param name="vocabulary">Where activity types and names compared in metrics are interned, at compile time.</param>
/// <param name="categoryNames">The page categories of the settings, in bit order (for <c>activity.category</c>).</param>
internal sealed class MetricCompiler(HistoryVocabulary vocabulary, IReadOnlyList<string> categoryNames)
{
    private const int MaxNameLength = 64;
    private const int MaxExpressionLength = 4000;

    private readonly MetricEntities _entities = new(vocabulary, categoryNames);

    /// <summary>Parses and type-checks one metric; throws <see cref="MetricDefinitionException"/> when it is invalid.</summary>
    public CompiledMetric Compile(string name, string expression)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(expression);
        CheckName(name);
        if (expression.Length > MaxExpressionLength)
        {
            throw new MetricDefinitionException(MetricErrorKind.Syntax, name, MaxExpressionLength + 1,
                new Phrase($"{expression.Length} characters", $"{expression.Length} 文字"),
                new Phrase("at most 4000 characters", "4000 文字以内"));
        }

        var syntax = MetricParser.Parse(name, expression);
        var compiler = new ExpressionCompiler<CustomerAt>(name, new CustomerScope(name, _entities));
        return new CompiledMetric(name, expression, compiler.Number(syntax));
    }

    /// <summary>A metric name is snake_case: lower-case letters and digits in words joined by single underscores, starting with a letter.</summary>
    public static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bad = BadNameCharacter(name);
        if (bad >= 0)
        {
            var found = name.Length == 0 ? new Phrase("an empty name", "空の名前") : Phrase.Quoted(name);
            throw new MetricDefinitionException(MetricErrorKind.BadName, name, bad + 1, found, new Phrase(
                "a snake_case name of at most 64 characters, such as login_ratio_14d",
                "login_ratio_14d のような 64 文字以内のスネークケースの名前"));
        }
    }

    /// <summary>The 0-based index of the first character that breaks the snake_case rule, or -1.</summary>
    private static int BadNameCharacter(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0]))
        {
            return 0;
        }

        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            var ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '_' && name[i - 1] != '_' && i < name.Length - 1);
            if (!ok || i >= MaxNameLength)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A compiled metric: evaluate it for a customer at an instant without allocating.</summary>
internal sealed class CompiledMetric(string name, string expression, NumberFn<CustomerAt> evaluate)
{
    /// <summary>The metric's name.</summary>
    public string Name => name;

    /// <summary>The expression as written.</summary>
    public string Expression => expression;

    /// <summary>The value at <paramref name="asOf"/> from events strictly before it; NaN when unknown.</summary>
    public double Evaluate(CustomerHistory history, long asOf) => evaluate(new CustomerAt(history, asOf));
}
