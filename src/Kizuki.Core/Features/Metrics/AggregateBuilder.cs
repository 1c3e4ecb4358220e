using System.Buffers;
using Kizuki.Features.History;

namespace Kizuki.Features.Metrics;

/// <summary>
/// Compiles aggregates over one entity's events in a window <c>[T - w, T)</c>. Arguments: an optional value or filter,
/// then a window as the last argument (optional for days_since and latest, which look back the longest window, 730 days).
/// </summary>
/// <remarks>
/// Values that are NaN (unknown) are skipped by sum, avg, min, max and distinct; sum of nothing is 0, avg, min and max of
/// nothing are NaN. The closures find the window by binary search and scan only the events inside it.
/// </remarks>
internal static class AggregateBuilder
{
    private const long DefaultLookbackDays = MetricLexer.MaxWindowDays;

    /// <summary>How far back an entity with durations (subscriptions) is searched for ones that overlap the window: 100 years.</summary>
    private const long UnboundedLookback = 36_500 * Millis.Day;

    public static NumberFn<CustomerAt> Build<T>(CallSyntax call, EntitySchema<T> schema, ExpressionCompiler<EventAt<T>> compiler)
        where T : struct, ITimed
    {
        var (rest, window) = Arguments(call, compiler.Metric);
        var counts = call.Name is "count" or "days_since";
        NumberFn<EventAt<T>>? value = null;
        if (!counts)
        {
            var operand = compiler.Compile(rest[0]);
            if (operand.Kind == OperandKind.Text && call.Name != "distinct")
            {
                throw compiler.Error(MetricErrorKind.WrongType, rest[0],
                    new Phrase("a text field", "文字列の項目"), new Phrase($"a number for {call.Name} (texts can only be counted with distinct)",
                        $"{call.Name} には数値（文字列の項目は distinct でだけ数えられます）"));
            }

            value = operand.Kind == OperandKind.Condition ? compiler.Number(rest[0]) : operand.Number!;
        }

        var filterAt = counts ? 0 : 1;
        var filter = rest.Length > filterAt ? compiler.Test(rest[filterAt]) : EventScope<T>.Always;
        var span = window;
        if (schema.EndOf is { } endOf)
        {
            // Entities with a duration are in the window when they overlap it: started before T, not ended before T - w.
            var inner = filter;
            filter = (in EventAt<T> e) => endOf(e.Event) >= e.AsOf - window && inner(e);
            span = UnboundedLookback;
        }

        var series = schema.Series;
        return call.Name switch
        {
            "count" => Count(series, filter, span),
            "days_since" => DaysSince(series, filter, span),
            "sum" => Fold(series, filter, value!, span, FoldKind.Sum),
            "avg" => Fold(series, filter, value!, span, FoldKind.Average),
            "min" => Fold(series, filter, value!, span, FoldKind.Min),
            "max" => Fold(series, filter, value!, span, FoldKind.Max),
            "distinct" => Distinct(series, filter, value!, span),
            _ => Latest(series, filter, value!, span),
        };
    }

    /// <summary>Splits an aggregate's arguments into value/filter and window, checking their number; throws before the entity is resolved.</summary>
    public static (MetricSyntax[] ValueAndFilter, long Window) Arguments(CallSyntax call, string metric)
    {
        var args = call.Arguments;
        var window = args.Count > 0 && args[^1] is WindowSyntax w ? w.Days * Millis.Day : 0;
        var rest = window > 0 ? args.Take(args.Count - 1).ToArray() : [.. args];
        if (rest.OfType<WindowSyntax>().FirstOrDefault() is { } misplaced)
        {
            throw new MetricDefinitionException(MetricErrorKind.MisplacedWindow, metric, misplaced.Position, Phrase.Quoted(misplaced.Text),
                new Phrase("the window as the last argument", "最後の引数としての期間"));
        }

        var (minArgs, maxArgs, windowed, usageEn, usageJa) = call.Name switch
        {
            "count" => (1, 1, true, "count(filter, window), e.g. count(order, 30d)", "count(条件, 期間)（例: count(order, 30d)）"),
            "days_since" => (1, 1, false, "days_since(filter) or days_since(filter, window)", "days_since(条件) または days_since(条件, 期間)"),
            "latest" => (1, 2, false, "latest(value), latest(value, filter) or latest(value, filter, window)", "latest(値)・latest(値, 条件)・latest(値, 条件, 期間)"),
            _ => (1, 2, true, $"{call.Name}(value, window) or {call.Name}(value, filter, window)", $"{call.Name}(値, 期間) または {call.Name}(値, 条件, 期間)"),
        };
        if (rest.Length < minArgs || rest.Length > maxArgs || (windowed && window == 0))
        {
            throw ExpressionCompiler<CustomerAt>.ArgumentCountError(metric, call, usageEn, usageJa);
        }

        return (rest, window == 0 ? DefaultLookbackDays * Millis.Day : window);
    }

    private enum FoldKind
    {
        Sum,
        Average,
        Min,
        Max,
    }

    private static NumberFn<CustomerAt> Count<T>(Func<CustomerHistory, EventSeries<T>> series, TestFn<EventAt<T>> filter, long window)
        where T : struct, ITimed
    {
        if (ReferenceEquals(filter, EventScope<T>.Always))
        {
            return (in CustomerAt c) => series(c.History).Between(c.AsOf - window, c.AsOf).Length;
        }

        return (in CustomerAt c) =>
        {
            var n = 0;
            foreach (ref readonly var e in series(c.History).Between(c.AsOf - window, c.AsOf))
            {
                if (filter(new EventAt<T>(e, c.AsOf)))
                {
                    n++;
                }
            }

            return n;
        };
    }

    private static NumberFn<CustomerAt> Fold<T>(
        Func<CustomerHistory, EventSeries<T>> series, TestFn<EventAt<T>> filter, NumberFn<EventAt<T>> value, long window, FoldKind fold)
        where T : struct, ITimed => (in CustomerAt c) =>
    {
        double total = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        var n = 0;
        foreach (ref readonly var e in series(c.History).Between(c.AsOf - window, c.AsOf))
        {
            var at = new EventAt<T>(e, c.AsOf);
            if (!filter(at))
            {
                continue;
            }

            var v = value(at);
            if (double.IsNaN(v))
            {
                continue;
            }

            total += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            n++;
        }

        return fold switch
        {
            FoldKind.Sum => total,
            _ when n == 0 => double.NaN,
            FoldKind.Average => total / n,
            FoldKind.Min => min,
            _ => max,
        };
    };

    private static NumberFn<CustomerAt> Distinct<T>(
        Func<CustomerHistory, EventSeries<T>> series, TestFn<EventAt<T>> filter, NumberFn<EventAt<T>> key, long window)
        where T : struct, ITimed => (in CustomerAt c) =>
    {
        var events = series(c.History).Between(c.AsOf - window, c.AsOf);
        if (events.Length == 0)
        {
            return 0;
        }

        var keys = ArrayPool<double>.Shared.Rent(events.Length);
        try
        {
            var n = 0;
            foreach (ref readonly var e in events)
            {
                var at = new EventAt<T>(e, c.AsOf);
                if (filter(at) && key(at) is var k && !double.IsNaN(k))
                {
                    keys[n++] = k;
                }
            }

            var found = keys.AsSpan(0, n);
            found.Sort();
            var distinct = 0;
            for (var i = 0; i < found.Length; i++)
            {
                if (i == 0 || found[i] != found[i - 1])
                {
                    distinct++;
                }
            }

            return distinct;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
        }
    };

    private static NumberFn<CustomerAt> DaysSince<T>(Func<CustomerHistory, EventSeries<T>> series, TestFn<EventAt<T>> filter, long window)
        where T : struct, ITimed => (in CustomerAt c) =>
    {
        var events = series(c.History).Between(c.AsOf - window, c.AsOf);
        for (var i = events.Length - 1; i >= 0; i--)
        {
            if (filter(new EventAt<T>(events[i], c.AsOf)))
            {
                return (double)(c.AsOf - events[i].At) / Millis.Day;
            }
        }

        return double.NaN;
    };

    private static NumberFn<CustomerAt> Latest<T>(
        Func<CustomerHistory, EventSeries<T>> series, TestFn<EventAt<T>> filter, NumberFn<EventAt<T>> value, long window)
        where T : struct, ITimed => (in CustomerAt c) =>
    {
        var events = series(c.History).Between(c.AsOf - window, c.AsOf);
        for (var i = events.Length - 1; i >= 0; i--)
        {
            var at = new EventAt<T>(events[i], c.AsOf);
            if (filter(at))
            {
                return value(at);
            }
        }

        return double.NaN;
    };
}
