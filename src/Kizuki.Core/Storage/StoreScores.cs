using System.Data.Common;
using System.Text;

namespace Kizuki.Storage;

/// <summary>Writes and reads the <c>scores</c> table on both engines through the dialect.</summary>
/// <remarks>
/// A save is one transaction of multi-row upserts (<c>INSERT ... ON CONFLICT ... DO UPDATE</c>, which both engines
/// speak), so a run is stored whole or not at all and re-scoring the same customer, as-of instant and model version
/// replaces the earlier score. Rows go in batches of <see cref="BatchRows"/> to keep round trips few on PostgreSQL.
/// </remarks>
internal sealed class StoreScores(IStoreDialect dialect)
{
    /// <summary>Rows per INSERT statement: 9 parameters each, few enough that binding stays cheap.</summary>
    public const int BatchRows = 50;

    private const string Columns = "customer_id, as_of, model_version, probability, band, revenue_at_risk, features, scored_at, reasons";

    public void Save(IReadOnlyList<StoredScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return;
        }

        // One statement may not touch the same key twice (PostgreSQL refuses it): the last score of a key wins.
        var latest = new Dictionary<(string, DateTimeOffset, int), StoredScore>();
        foreach (var score in scores)
        {
            latest[(score.CustomerId, score.AsOf, score.ModelVersion)] = score;
        }

        var rows = latest.Values.ToList();
        using var connection = dialect.Open();
        using var transaction = connection.BeginTransaction();
        for (var start = 0; start < rows.Count; start += BatchRows)
        {
            var count = Math.Min(BatchRows, rows.Count - start);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = InsertSql(count);
            for (var i = 0; i < count; i++)
            {
                AddRow(command, i, rows[start + i]);
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public IEnumerable<StoredScore> Read(DateTimeOffset? asOf, string? customerId)
    {
        var filters = new List<string>(2);
        if (customerId is not null)
        {
            filters.Add("customer_id = @customer");
        }

        if (asOf is not null)
        {
            filters.Add("as_of = @asOf");
        }

        var where = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);
        using var connection = dialect.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM scores{where} ORDER BY customer_id, as_of, model_version";
        if (customerId is not null)
        {
            command.AddParameter("customer", customerId);
        }

        if (asOf is { } instant)
        {
            command.AddParameter("asOf", dialect.TimeValue(instant));
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredScore(
                reader.GetString(0),
                dialect.ReadTime(reader, 1),
                reader.GetInt32(2),
                reader.GetDouble(3),
                StoreValues.ParseEnum<RiskBand>(reader.GetString(4)),
                dialect.ReadDecimal(reader, 5),
                ScoreJson.Read(reader.GetString(6)),
                dialect.ReadTime(reader, 7))
            {
                Reasons = reader.IsDBNull(8) ? null : reader.GetString(8),
            };
        }
    }

    private string InsertSql(int rows)
    {
        var sql = new StringBuilder($"INSERT INTO scores ({Columns}) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(System.Globalization.CultureInfo.InvariantCulture,
                $"(@c{i}, @a{i}, @v{i}, @p{i}, @b{i}, @r{i}, {dialect.JsonParameter($"@f{i}")}, @s{i}, {dialect.JsonParameter($"@x{i}")})");
        }

        sql.Append("""
             ON CONFLICT (customer_id, as_of, model_version) DO UPDATE SET
                probability = excluded.probability, band = excluded.band, revenue_at_risk = excluded.revenue_at_risk,
                features = excluded.features, scored_at = excluded.scored_at, reasons = excluded.reasons
            """);
        return sql.ToString();
    }

    private void AddRow(DbCommand command, int i, StoredScore score)
    {
        if (!(score.Probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score.Probability,
                $"customer {score.CustomerId}: a probability must lie in [0, 1]");
        }

        var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        command.AddParameter("c" + index, score.CustomerId);
        command.AddParameter("a" + index, dialect.TimeValue(score.AsOf));
        command.AddParameter("v" + index, score.ModelVersion);
        command.AddParameter("p" + index, score.Probability);
        command.AddParameter("b" + index, StoreValues.ToText(score.Band));
        command.AddParameter("r" + index, dialect.DecimalValue(score.RevenueAtRisk));
        command.AddParameter("f" + index, ScoreJson.Write(score.Features));
        command.AddParameter("s" + index, dialect.TimeValue(score.ScoredAt));
        command.AddParameter("x" + index, score.Reasons);
    }
}
