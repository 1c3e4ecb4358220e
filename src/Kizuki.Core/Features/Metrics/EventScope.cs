using Kizuki.Features.History;

namespace Kizuki.Features.Metrics;

/// <summary>Inside an aggregate over one entity: its fields are readable, other entities and nested aggregates are not.</summary>
internal sealed class EventScope<T>(string metric, EntitySchema<T> schema) : IMetricScope<EventAt<T>>
    where T : struct, ITimed
{
    /// <summary>The condition "any event of the entity" (a bare entity name); aggregates skip testing it.</summary>
    public static readonly TestFn<EventAt<T>> Always = (in EventAt<T> _) => true;

    public Operand<EventAt<T>> Entity(NameSyntax name)
    {
        CheckEntity(name, name.Name);
        return Operand<EventAt<T>>.Of(Always);
    }

    public Operand<EventAt<T>> Field(FieldSyntax field)
    {
        var spec = Resolve(field);
        return spec.Kind switch
        {
            OperandKind.Number => Operand<EventAt<T>>.Of(spec.Number!),
            OperandKind.Condition => Operand<EventAt<T>>.Of(spec.Test!),
            _ => spec.Number is { } key
                ? Operand<EventAt<T>>.TextKey(key)
                : throw new MetricDefinitionException(MetricErrorKind.WrongType, metric, field.Position,
                    new Phrase($"{field.Text}, which can only be compared", $"比較にしか使えない {field.Text}"),
                    new Phrase($"a comparison such as {field.Text} = '...'", $"{field.Text} = '...' のような比較")),
        };
    }

    public TestFn<EventAt<T>> TextTest(FieldSyntax field, BinaryOperator op, TextSyntax value)
    {
        var spec = Resolve(field);
        if (spec.Matches is null)
        {
            throw new MetricDefinitionException(MetricErrorKind.WrongType, metric, value.Position, Phrase.Quoted(value.Value),
                new Phrase($"a number, since {field.Text} is not a text field", $"数値（{field.Text} は文字列の項目ではありません）"));
        }

        var test = spec.Matches(value.Value) ?? throw new MetricDefinitionException(MetricErrorKind.UnknownValue, metric, value.Position,
            Phrase.Quoted(value.Value), spec.Values ?? new Phrase("a known value", "既知の値"));
        return op == BinaryOperator.Equal ? test : (in EventAt<T> e) => !test(e);
    }

    public Operand<EventAt<T>> Aggregate(CallSyntax call) =>
        throw new MetricDefinitionException(MetricErrorKind.NestedAggregate, metric, call.Position, Phrase.Quoted(call.Name),
            new Phrase($"a field of {schema.Name} (an aggregate cannot be nested in another)", $"{schema.Name} の項目（集計関数は入れ子にできません）"));

    private EntityField<T> Resolve(FieldSyntax field)
    {
        CheckEntity(field, field.Entity);
        return schema.Fields.TryGetValue(field.Field, out var spec)
            ? spec
            : throw new MetricDefinitionException(MetricErrorKind.UnknownField, metric, field.FieldPosition, Phrase.Quoted(field.Text),
                new Phrase("a field: " + schema.FieldList, "項目（" + schema.FieldList + "）"));
    }

    private void CheckEntity(MetricSyntax at, string entity)
    {
        if (entity != schema.Name)
        {
            throw new MetricDefinitionException(MetricErrorKind.MixedEntities, metric, at.Position, Phrase.Quoted(entity),
                new Phrase($"{schema.Name}, like the rest of this aggregate (one aggregate reads one entity)",
                    $"この集計の他の部分と同じ {schema.Name}（1 つの集計は 1 つの対象だけを読みます）"));
        }
    }
}
