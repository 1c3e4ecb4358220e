using System.Globalization;

namespace Kizuki.Features.Metrics;

internal sealed partial class ExpressionCompiler<TContext>
{
    /// <summary>The aggregates: functions over one entity's events.</summary>
    public static readonly IReadOnlySet<string> Aggregates = new HashSet<string>(StringComparer.Ordinal)
    {
        "count", "sum", "avg", "distinct", "days_since", "latest",
    };

    private static readonly Phrase KnownFunctions = new(
        "a function: count, sum, avg, min, max, distinct, days_since, latest, abs, log, sqrt, round, coalesce or if",
        "関数（count, sum, avg, min, max, distinct, days_since, latest, abs, log, sqrt, round, coalesce, if）");

    /// <summary>Whether a call is an aggregate (min and max are when their last argument is a window).</summary>
    public static bool IsAggregate(CallSyntax call) =>
        Aggregates.Contains(call.Name) || (call.Name is "min" or "max" && call.Arguments.Count > 0 && call.Arguments[^1] is WindowSyntax);

    /// <summary>A wrong-number-of-arguments error.</summary>
    public static MetricDefinitionException ArgumentCountError(string metric, CallSyntax call, string usageEn, string usageJa) =>
        new(MetricErrorKind.ArgumentCount, metric, call.Position,
            new Phrase(
                string.Create(CultureInfo.InvariantCulture, $"{call.Arguments.Count} argument(s) to {call.Name}"),
                string.Create(CultureInfo.InvariantCulture, $"{call.Name} に {call.Arguments.Count} 個の引数")),
            new Phrase(usageEn, usageJa));

    private Operand<TContext> Call(CallSyntax call)
    {
        if (IsAggregate(call))
        {
            return scope.Aggregate(call);
        }

        var args = call.Arguments;
        switch (call.Name)
        {
            case "max" or "min":
                if (args.Count < 2)
                {
                    throw ArgumentCountError(metric, call, $"{call.Name}(a, b, ...) with 2 or more numbers, or {call.Name}(value, filter, window) over events",
                        $"{call.Name}(a, b, ...) の 2 個以上の数値、または {call.Name}(値, 条件, 期間)");
                }

                return Operand<TContext>.Of(Extreme(call.Name == "max", [.. args.Select(Number)]));
            case "coalesce":
                if (args.Count < 2)
                {
                    throw ArgumentCountError(metric, call, "coalesce(a, b, ...) with 2 or more numbers", "coalesce(a, b, ...) の 2 個以上の数値");
                }

                return Operand<TContext>.Of(Coalesce([.. args.Select(Number)]));
            case "abs" or "log" or "sqrt" or "round":
                if (args.Count != 1)
                {
                    throw ArgumentCountError(metric, call, $"1 argument: {call.Name}(x)", $"1 個の引数: {call.Name}(x)");
                }

                return Operand<TContext>.Of(Unary(call.Name, Number(args[0])));
            case "if":
                if (args.Count != 3)
                {
                    throw ArgumentCountError(metric, call, "3 arguments: if(condition, then, else)", "3 個の引数: if(条件, 真の値, 偽の値)");
                }

                var test = Test(args[0]);
                var then = Number(args[1]);
                var otherwise = Number(args[2]);
                return Operand<TContext>.Of((in TContext c) => test(c) ? then(c) : otherwise(c));
            default:
                throw Error(MetricErrorKind.UnknownFunction, call, Phrase.Quoted(call.Name), KnownFunctions);
        }
    }

    private static NumberFn<TContext> Extreme(bool max, NumberFn<TContext>[] parts) => (in TContext c) =>
    {
        var result = parts[0](c);
        for (var i = 1; i < parts.Length; i++)
        {
            result = max ? Math.Max(result, parts[i](c)) : Math.Min(result, parts[i](c));
        }

        return result;
    };

    private static NumberFn<TContext> Coalesce(NumberFn<TContext>[] parts) => (in TContext c) =>
    {
        foreach (var part in parts)
        {
            var value = part(c);
            if (!double.IsNaN(value))
            {
                return value;
            }
        }

        return double.NaN;
    };

    private static NumberFn<TContext> Unary(string name, NumberFn<TContext> x) => name switch
    {
        "abs" => (in TContext c) => Math.Abs(x(c)),
        "log" => (in TContext c) => x(c) is var v && v > 0 ? Math.Log(v) : double.NaN,
        "sqrt" => (in TContext c) => Math.Sqrt(x(c)),
        _ => (in TContext c) => Math.Round(x(c), MidpointRounding.AwayFromZero),
    };
}
