using Kizuki.Features.History;

namespace Kizuki.Features.Metrics;

/// <summary>One entity of the language (<c>activity</c>, <c>order</c>, ...): where its events are and what fields they have.</summary>
/// <param name="Name">The entity's name in expressions.</param>
/// <param name="Series">Its events in a customer's history, in time order (the time windows select on).</param>
/// <param name="Fields">Its fields by name.</param>
/// <param name="EndOf">For entities with a duration (subscriptions): when one ended (<see cref="Millis.Never"/> while running);
/// a window then selects those that overlap it rather than those that started in it. Null for instantaneous events.</param>
internal sealed record EntitySchema<T>(
    string Name,
    Func<CustomerHistory, EventSeries<T>> Series,
    IReadOnlyDictionary<string, EntityField<T>> Fields,
    Func<T, long>? EndOf = null)
    where T : struct, ITimed
{
    /// <summary>The field names, for error messages.</summary>
    public string FieldList => string.Join(", ", Fields.Keys.Select(f => Name + "." + f));
}

/// <summary>A field of an entity, compiled to read one event as seen at the as-of instant.</summary>
/// <param name="Kind">Number, condition or text.</param>
/// <param name="Number">The value (for a text field, its key for <c>distinct</c>; null when it has none).</param>
/// <param name="Test">The value of a condition field.</param>
/// <param name="Matches">For a text field: the test "equals this quoted value", or null when the field can never take it.</param>
/// <param name="Values">For a text field with a closed set of values: the values, for error messages.</param>
internal sealed record EntityField<T>(
    OperandKind Kind,
    NumberFn<EventAt<T>>? Number = null,
    TestFn<EventAt<T>>? Test = null,
    Func<string, TestFn<EventAt<T>>?>? Matches = null,
    Phrase? Values = null)
    where T : struct
{
    public static EntityField<T> Of(NumberFn<EventAt<T>> number) => new(OperandKind.Number, Number: number);

    public static EntityField<T> Of(TestFn<EventAt<T>> test) => new(OperandKind.Condition, Test: test);

    /// <summary>A text field whose values form a closed set (an enum or the page categories).</summary>
    public static EntityField<T> Choice(IReadOnlyList<string> values, Func<int, TestFn<EventAt<T>>> equalsIndex, NumberFn<EventAt<T>>? key)
    {
        var list = string.Join(", ", values.Select(v => "'" + v + "'"));
        return new EntityField<T>(
            OperandKind.Text,
            Number: key,
            Matches: text => values.IndexOf(text) is var i and >= 0 ? equalsIndex(i) : null,
            Values: new Phrase("one of " + list, list + " のいずれか"));
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
