using Kizuki.Domain;

namespace Kizuki.Ingest;

/// <summary>One field of an import format.</summary>
/// <param name="Name">Kizuki's field name, e.g. <c>ordered_at</c>; the header matched first and the key of mapping files.</param>
/// <param name="Label">Japanese label shown to users, e.g. <c>購入日</c>; also accepted as a header.</param>
/// <param name="Required">Whether the file must have a column for it and every row a value.</param>
/// <param name="Aliases">Other headers accepted for it, English and Japanese.</param>
internal sealed record FieldSpec(string Name, string Label, bool Required, params string[] Aliases)
{
    /// <summary>Every header accepted for the field, best first.</summary>
    public IEnumerable<string> Headers => [Name, Label, .. Aliases];

    /// <summary>How the field is named to users, e.g. <c>ordered_at (購入日)</c>.</summary>
    public string Display => $"{Name} ({Label})";
}

/// <summary>The fields of one entity kind's import format, in a fixed order (the field's position is its index).</summary>
internal sealed class EntitySchema
{
    public EntitySchema(EntityKind kind, params FieldSpec[] fields)
    {
        Kind = kind;
        Fields = fields;
    }

    /// <summary>The entity kind.</summary>
    public EntityKind Kind { get; }

    /// <summary>The fields; each field's index is its position here.</summary>
    public IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>Whether unmatched columns become custom attributes (customers) rather than being ignored.</summary>
    public bool KeepsExtraColumns => Kind == EntityKind.Customers;

    /// <summary>The index of the field with this name (case-insensitive), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The schema of a kind.</summary>
    public static EntitySchema For(EntityKind kind) => kind switch
    {
        EntityKind.Customers => CustomerFields.Schema,
        EntityKind.Orders => OrderFields.Schema,
        EntityKind.OrderLines => OrderLineFields.Schema,
        EntityKind.Subscriptions => SubscriptionFields.Schema,
        EntityKind.Activities => ActivityFields.Schema,
        EntityKind.Tickets => TicketFields.Schema,
        EntityKind.Surveys => SurveyFields.Schema,
        EntityKind.Touches => TouchFields.Schema,
        EntityKind.ChurnEvents => ChurnEventFields.Schema,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind."),
    };
}
