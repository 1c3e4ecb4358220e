namespace Kizuki.Alerts;

/// <summary>A rule that cannot be read or does not make sense, with where and what was expected, in Japanese and English.</summary>
public sealed class RuleSyntaxException : Exception
{
    /// <summary>A problem at <paramref name="line"/>:<paramref name="column"/> of <paramref name="source"/>.</summary>
    public RuleSyntaxException(string source, int line, int column, string japanese, string english)
        : base($"{source}:{line}:{column}: {japanese} / {english}")
    {
        Source = source;
        Line = line;
        Column = column;
        Japanese = japanese;
        English = english;
    }

    /// <summary>The file (or settings entry) the rule came from.</summary>
    public new string Source { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>The problem in Japanese.</summary>
    public string Japanese { get; }

    /// <summary>The problem in English.</summary>
    public string English { get; }
}
