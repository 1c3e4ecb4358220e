using Kizuki.Features.History;

namespace Kizuki.Features.Metrics;

/// <summary>A compiled numeric expression over a context (a customer at an instant, or one event at an instant).</summary>
internal delegate double NumberFn<TContext>(in TContext context)
    where TContext : struct;

/// <summary>A compiled condition over a context.</summary>
internal delegate bool TestFn<TContext>(in TContext context)
    where TContext : struct;

/// <summary>The context of a metric: one customer's history, read only before <see cref="AsOf"/>.</summary>
internal readonly record struct CustomerAt(CustomerHistory History, long AsOf);

/// <summary>The context inside an aggregate: one event of the customer, seen from <see cref="AsOf"/>.</summary>
internal readonly record struct EventAt<T>(T Event, long AsOf)
    where T : struct;

/// <summary>What a compiled sub-expression yields.</summary>
internal enum OperandKind
{
    /// <summary>A real number (NaN = unknown).</summary>
    Number,
    /// <summary>True or false; 1 or 0 where a number is needed.</summary>
    Condition,
    /// <summary>A text field; only compared with quoted values, or counted by <c>distinct</c> (through its key).</summary>
    Text,
}

/// <summary>A compiled sub-expression: a number (or a text field's key) or a condition.</summary>
internal readonly record struct Operand<TContext>(OperandKind Kind, NumberFn<TContext>? Number, TestFn<TContext>? Test)
    where TContext : struct
{
    public static Operand<TContext> Of(NumberFn<TContext> number) => new(OperandKind.Number, number, null);

    public static Operand<TContext> Of(TestFn<TContext> test) => new(OperandKind.Condition, null, test);

    public static Operand<TContext> TextKey(NumberFn<TContext> key) => new(OperandKind.Text, key, null);
}

/// <summary>How names, fields and aggregates are resolved where an expression is compiled.</summary>
internal interface IMetricScope<TContext>
    where TContext : struct
{
    /// <summary>A bare entity name, such as <c>order</c> in <c>count(order, 30d)</c>.</summary>
    Operand<TContext> Entity(NameSyntax name);

    /// <summary><c>entity.field</c>.</summary>
    Operand<TContext> Field(FieldSyntax field);

    /// <summary><c>entity.field = 'text'</c> or <c>!=</c>.</summary>
    TestFn<TContext> TextTest(FieldSyntax field, BinaryOperator op, TextSyntax value);

    /// <summary>An aggregate call (count, sum, avg, min/max over a window, distinct, days_since, latest).</summary>
    Operand<TContext> Aggregate(CallSyntax call);
}
