using Kizuki.Features.History;

namespace Kizuki.Features.Metrics;

/// <summary>The top level of a metric: numbers, functions and aggregates; fields only inside aggregates.</summary>
internal sealed class CustomerScope(string metric, MetricEntities entities) : IMetricScope<CustomerAt>
{
    public static readonly Phrase AnEntity = new(
        "an entity: activity, order, ticket, survey or subscription", "対象（activity, order, ticket, survey, subscription）");

    public Operand<CustomerAt> Entity(NameSyntax name) => throw (MetricEntities.Names.Contains(name.Name)
        ? Outside(name, name.Name)
        : new MetricDefinitionException(MetricErrorKind.UnknownEntity, metric, name.Position, Phrase.Quoted(name.Name), new Phrase(
            "a number or a function call (a bare name is only an entity inside an aggregate, such as order in count(order, 30d))",
            "数値または関数呼び出し（名前だけを書けるのは count(order, 30d) の order のような集計内の対象だけです）")));

    public Operand<CustomerAt> Field(FieldSyntax field) => throw Outside(field, field.Text);

    public TestFn<CustomerAt> TextTest(FieldSyntax field, BinaryOperator op, TextSyntax value) => throw Outside(field, field.Text);

    public Operand<CustomerAt> Aggregate(CallSyntax call)
    {
        AggregateBuilder.Arguments(call, metric);
        var entity = EntityOf(call);
        return entity switch
        {
            "activity" => Build(call, entities.Activity),
            "order" => Build(call, entities.Order),
            "ticket" => Build(call, entities.Ticket),
            "survey" => Build(call, entities.Survey),
            _ => Build(call, entities.Subscription),
        };
    }

    private Operand<CustomerAt> Build<T>(CallSyntax call, EntitySchema<T> schema)
        where T : struct, ITimed
    {
        var inner = new ExpressionCompiler<EventAt<T>>(metric, new EventScope<T>(metric, schema));
        return Operand<CustomerAt>.Of(AggregateBuilder.Build(call, schema, inner));
    }

    /// <summary>The one entity an aggregate's arguments name; unknown and mixed entities are errors.</summary>
    private string EntityOf(CallSyntax call)
    {
        string? found = null;
        foreach (var (at, name) in Names(call))
        {
            if (!MetricEntities.Names.Contains(name))
            {
                throw new MetricDefinitionException(MetricErrorKind.UnknownEntity, metric, at.Position, Phrase.Quoted(name), AnEntity);
            }

            if (found is not null && found != name)
            {
                throw new MetricDefinitionException(MetricErrorKind.MixedEntities, metric, at.Position, Phrase.Quoted(name),
                    new Phrase($"{found}, like the rest of this aggregate (one aggregate reads one entity)",
                        $"この集計の他の部分と同じ {found}（1 つの集計は 1 つの対象だけを読みます）"));
            }

            found = name;
        }

        return found ?? throw new MetricDefinitionException(MetricErrorKind.MissingEntity, metric, call.Position, Phrase.Quoted(call.Name),
            new Phrase($"{call.Name} over an entity: name a field such as order.amount or an entity such as order in its arguments",
                $"対象を指定した {call.Name}（引数に order.amount のような項目か order のような対象を書いてください）"));
    }

    private static IEnumerable<(MetricSyntax At, string Entity)> Names(MetricSyntax node)
    {
        switch (node)
        {
            case NameSyntax n:
                yield return (n, n.Name);
                break;
            case FieldSyntax f:
                yield return (f, f.Entity);
                break;
            case NegateSyntax u:
                foreach (var x in Names(u.Operand))
                {
                    yield return x;
                }

                break;
            case NotSyntax u:
                foreach (var x in Names(u.Operand))
                {
                    yield return x;
                }

                break;
            case BinarySyntax b:
                foreach (var x in Names(b.Left).Concat(Names(b.Right)))
                {
                    yield return x;
                }

                break;
            case CallSyntax c:
                foreach (var x in c.Arguments.SelectMany(Names))
                {
                    yield return x;
                }

                break;
        }
    }

    private MetricDefinitionException Outside(MetricSyntax at, string text) =>
        new(MetricErrorKind.FieldOutsideAggregate, metric, at.Position, Phrase.Quoted(text),
            new Phrase($"{text} inside an aggregate such as count, sum or latest (fields are read per event)",
                $"count・sum・latest などの集計関数の中の {text}（項目はイベントごとに読まれます）"));
}
