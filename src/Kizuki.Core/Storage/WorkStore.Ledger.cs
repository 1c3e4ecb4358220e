using System.Text;
using Kizuki.Domain;

namespace Kizuki.Storage;

/// <summary>Tells which event ids a store already holds, so the live intake applies each event to live state once.</summary>
public interface IEventLedger
{
    /// <summary>The ids of <paramref name="kind"/> among <paramref name="ids"/> that are already stored.</summary>
    HashSet<string> Known(EntityKind kind, IReadOnlyCollection<string> ids);
}

internal sealed partial class RelationalWorkStore : IEventLedger
{
    /// <summary>Ids probed per statement.</summary>
    private const int ProbeChunk = 200;

    /// <inheritdoc />
    public HashSet<string> Known(EntityKind kind, IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return known;
        }

        var table = StoreTables.All[(int)kind];
        var key = kind == EntityKind.OrderLines ? "order_id" : "id";
        using var connection = open();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(ProbeChunk))
        {
            var sql = new StringBuilder($"SELECT {key} FROM {table.Name} WHERE {key} IN (");
            var parameters = new (string, object?)[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "@p" : ", @p").Append(i);
                parameters[i] = ("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), chunk[i]);
            }

            using var command = Command(connection, null, sql.Append(')').ToString(), parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                known.Add(reader.GetString(0));
            }
        }

        return known;
    }
}
