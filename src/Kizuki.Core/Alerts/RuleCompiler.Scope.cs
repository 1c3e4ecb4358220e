using Kizuki.Features;

namespace Kizuki.Alerts;

internal static partial class RuleCompiler
{
    /// <summary>One side of a comparison: a number or a text, read from the facts.</summary>
    private sealed record Operand(Func<RuleFacts, double>? Number, Func<RuleFacts, string?>? Text, bool IsReason, RuleToken Token);

    /// <summary>Compiles the condition of one rule and records what it reads.</summary>
    private sealed class Scope(string source, FeatureCatalog catalog, HashSet<string> reasons, IReadOnlyList<string> reasonOrder)
    {
        public List<string> Features { get; } = [];

        public bool UsesProbability { get; private set; }

        public bool UsesProbabilityChange { get; private set; }

        public bool UsesTopReason { get; private set; }

        public Func<RuleFacts, bool> Condition(RuleCondition condition)
        {
            switch (condition)
            {
                case AndCondition and:
                {
                    var (l, r) = (Condition(and.Left), Condition(and.Right));
                    return f => l(f) && r(f);
                }
                case OrCondition or:
                {
                    var (l, r) = (Condition(or.Left), Condition(or.Right));
                    return f => l(f) || r(f);
                }
                case NotCondition not:
                {
                    var inner = Condition(not.Operand);
                    return f => !inner(f);
                }
                case ComparisonCondition c:
                    return Comparison(c);
                default:
                    throw new ArgumentException($"unknown condition {condition.GetType().Name}", nameof(condition));
            }
        }

        private Func<RuleFacts, bool> Comparison(ComparisonCondition c)
        {
            var left = Resolve(c.Left);
            var right = Resolve(c.Right);
            if (left.Number is { } ln && right.Number is { } rn)
            {
                return c.Operator switch
                {
                    "=" => f => ln(f) == rn(f),
                    "!=" => f => ln(f) is var a && rn(f) is var b && !double.IsNaN(a) && !double.IsNaN(b) && a != b,
                    "<" => f => ln(f) < rn(f),
                    "<=" => f => ln(f) <= rn(f),
                    ">" => f => ln(f) > rn(f),
                    _ => f => ln(f) >= rn(f),
                };
            }

            if (left.Text is { } lt && right.Text is { } rt)
            {
                if (c.Operator is not ("=" or "!="))
                {
                    throw Error(c.Left, $"文字列は = か != でしか比べられません（{c.Operator} は数値用です）",
                        $"text can only be compared with = or != ({c.Operator} is for numbers)");
                }

                if ((ReasonSet(left, right) ?? ReasonSet(right, left)) is { } set)
                {
                    var reason = left.IsReason ? lt : rt;
                    return c.Operator == "="
                        ? f => reason(f) is { } a && set.Contains(a)
                        : f => reason(f) is { } a && !set.Contains(a);
                }

                return c.Operator == "="
                    ? f => lt(f) is { } a && rt(f) is { } b && string.Equals(a, b, StringComparison.Ordinal)
                    : f => lt(f) is { } a && rt(f) is { } b && !string.Equals(a, b, StringComparison.Ordinal);
            }

            var (numeric, text) = left.Number is not null ? (left, right) : (right, left);
            throw Error(text.Token, $"{numeric.Token.Shown} は数値なので、{text.Token.Shown} ではなく数値と比べてください",
                $"{numeric.Token.Shown} is a number; compare it with a number, not {text.Token.Shown}");
        }

        /// <summary>
        /// When <paramref name="reason"/> is <c>top_reason</c> and <paramref name="other"/> a written name, the reason groups
        /// that name stands for (itself, or an alias's groups); null for any other comparison.
        /// </summary>
        /// <exception cref="RuleSyntaxException">The name is neither a reason group nor an alias; the message lists both.</exception>
        private HashSet<string>? ReasonSet(Operand reason, Operand other)
        {
            if (!reason.IsReason || other.Token.Kind != RuleTokenKind.Text)
            {
                return null;
            }

            if (ReasonGroups.Expand(other.Token.Text, reasons) is { } members)
            {
                return new HashSet<string>(members, StringComparer.Ordinal);
            }

            var (groups, aliases) = ReasonGroups.Describe(reasonOrder);
            throw Error(other.Token, $"理由グループ「{other.Token.Text}」はありません。使えるのは {groups}（別名: {aliases}）です",
                $"'{other.Token.Text}' is not a reason group; expected one of {groups} (or an alias: {aliases})");
        }

        private Operand Resolve(RuleToken token)
        {
            switch (token.Kind)
            {
                case RuleTokenKind.Number:
                {
                    var value = token.Number;
                    return new Operand(_ => value, null, false, token);
                }
                case RuleTokenKind.Text:
                {
                    var value = token.Text;
                    return new Operand(null, _ => value, false, token);
                }
            }

            var name = token.Text;
            switch (name)
            {
                case Probability:
                    UsesProbability = true;
                    return new Operand(f => f.ChurnProbability, null, false, token);
                case ProbabilityChange1d:
                    UsesProbability = UsesProbabilityChange = true;
                    return new Operand(f => f.ChurnProbabilityChange1d, null, false, token);
                case ProbabilityChange7d:
                    UsesProbability = UsesProbabilityChange = true;
                    return new Operand(f => f.ChurnProbabilityChange7d, null, false, token);
                case TopReason:
                    UsesTopReason = true;
                    return new Operand(null, f => f.TopReason, true, token);
            }

            if (name.StartsWith(AttributePrefix, StringComparison.Ordinal) && name.Length > AttributePrefix.Length)
            {
                var attribute = name[AttributePrefix.Length..];
                return new Operand(null, f => CustomerAttributes.Get(f.Customer, attribute), false, token);
            }

            var real = RuleCompiler.Resolve(name);
            var index = catalog.IndexOf(real);
            if (index < 0)
            {
                var hint = Suggest(real) is { } s ? $"（もしかして {s}？）" : "";
                var hintEn = Suggest(real) is { } t ? $" (did you mean {t}?)" : "";
                throw Error(token, $"「{name}」という特徴量はありません{hint}。`kizuki features --customer ID` で名前を確かめてください",
                    $"no feature named '{name}'{hintEn}; list the names with `kizuki features --customer ID`");
            }

            if (!Features.Contains(real))
            {
                Features.Add(real);
            }

            return catalog.Definitions[index].Kind == FeatureKind.Numeric
                ? new Operand(f => f.Numbers[index], null, false, token)
                : new Operand(null, f => f.Categories[index], false, token);
        }

        private string? Suggest(string name)
        {
            var candidates = catalog.Definitions.Select(d => d.Name)
                .Concat([Probability, ProbabilityChange1d, ProbabilityChange7d, TopReason])
                .Concat(Aliases.Keys);
            var best = candidates.Select(c => (c, d: Distance(name, c))).MinBy(x => x.d);
            return best.c is not null && best.d <= Math.Max(2, name.Length / 3) ? best.c : null;
        }

        private RuleSyntaxException Error(RuleToken at, string ja, string en) => new(source, at.Line, at.Column, ja, en);
    }

    /// <summary>Levenshtein distance, for "did you mean" hints.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) { previous[j] = j; }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
