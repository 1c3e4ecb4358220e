using System.Buffers;
using Kizuki.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuki.LiveScoring;

/// <summary>
/// Writes the live scorer's scores: on the embedded store through one long-lived connection and one prepared upsert,
/// one transaction per step; on other engines through <see cref="IStore.SaveScores"/>.
/// </summary>
/// <remarks>
/// The rows are the same as <see cref="IStore.SaveScores"/> writes (same columns, same text for band, amount and feature
/// JSON), so <see cref="IStore.Scores"/> reads them back unchanged. Feature values that come as a <see cref="LiveFeatureRow"/>
/// are written straight from its arrays into a reused buffer, with no dictionary. Not thread-safe: one per scorer, which
/// closes it when its pipeline stops (<see cref="Close"/>; not <see cref="IDisposable"/>, as the scorer outlives pipelines).
/// </remarks>
internal sealed class LiveScoreWriter
{
    private const string Upsert = """
        INSERT INTO scores (customer_id, as_of, model_version, probability, band, revenue_at_risk, features, scored_at, reasons)
        VALUES (@c, @a, @v, @p, @b, @r, @f, @s, @x)
        ON CONFLICT (customer_id, as_of, model_version) DO UPDATE SET
            probability = excluded.probability, band = excluded.band, revenue_at_risk = excluded.revenue_at_risk,
            features = excluded.features, scored_at = excluded.scored_at, reasons = excluded.reasons
        """;

    private const string UpsertPositional = """
        INSERT INTO scores (customer_id, as_of, model_version, probability, band, revenue_at_risk, features, scored_at, reasons)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        ON CONFLICT (customer_id, as_of, model_version) DO UPDATE SET
            probability = excluded.probability, band = excluded.band, revenue_at_risk = excluded.revenue_at_risk,
            features = excluded.features, scored_at = excluded.scored_at, reasons = excluded.reasons
        """;

    private static readonly string[] BandText = [.. Enum.GetValues<RiskBand>().Select(b => StoreValues.ToText(b))];

    private readonly IStore _store;
    private readonly SqliteStore? _sqlite;
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private SqliteParameter[] _parameters = [];
    private readonly object?[] _values = new object?[9];
    private SqliteImportSession.PreparedRow? _rows;
    private SqliteLiveWrites? _rowsOf;

    /// <summary>A writer into <paramref name="store"/>.</summary>
    public LiveScoreWriter(IStore store)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _sqlite = store as SqliteStore;
    }

    /// <summary>Stores <paramref name="scores"/> in one transaction (one row per customer, as-of instant and model version; the last wins).</summary>
    public void Save(IReadOnlyList<StoredScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return;
        }

        if (_sqlite is null)
        {
            _store.SaveScores(scores);
            return;
        }

        var command = Command();
        using var transaction = _connection!.BeginTransaction(deferred: false);
        command.Transaction = transaction;
        foreach (var score in scores)
        {
            Check(score);
            _parameters[0].Value = score.CustomerId;
            _parameters[1].Value = StoreValues.ToUnixMilliseconds(score.AsOf);
            _parameters[2].Value = score.ModelVersion;
            _parameters[3].Value = score.Probability;
            _parameters[4].Value = BandText[(int)score.Band];
            _parameters[5].Value = StoreValues.ToText(score.RevenueAtRisk);
            _parameters[6].Value = Json(score.Features);
            _parameters[7].Value = StoreValues.ToUnixMilliseconds(score.ScoredAt);
            _parameters[8].Value = (object?)score.Reasons ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        command.Transaction = null;
    }

    /// <summary>
    /// Stores <paramref name="scores"/> inside the open transaction of <paramref name="writes"/> (the live pipeline's group:
    /// events and scores commit together), through one upsert prepared once on its connection.
    /// </summary>
    public void Save(IReadOnlyList<StoredScore> scores, SqliteLiveWrites writes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(writes);
        if (!ReferenceEquals(writes, _rowsOf))
        {
            _rows = writes.Prepare(UpsertPositional);
            _rowsOf = writes;
        }

        var values = _values;
        foreach (var score in scores)
        {
            Check(score);
            values[0] = score.CustomerId;
            values[1] = StoreValues.ToUnixMilliseconds(score.AsOf);
            values[2] = (long)score.ModelVersion;
            values[3] = score.Probability;
            values[4] = BandText[(int)score.Band];
            values[5] = StoreValues.ToText(score.RevenueAtRisk);
            values[6] = score.Features is LiveFeatureRow row ? new Utf8Text(row.WriteJson(_json)) : Json(score.Features);
            values[7] = StoreValues.ToUnixMilliseconds(score.ScoredAt);
            values[8] = score.Reasons;
            _rows!.Execute(values);
        }

        Array.Clear(values);
    }

    /// <summary>Closes the connection (returned to the pool); the next save opens one again.</summary>
    public void Close()
    {
        _command?.Dispose();
        _connection?.Dispose();
        _command = null;
        _connection = null;
    }

    private static void Check(StoredScore score)
    {
        if (!(score.Probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score.Probability,
                $"customer {score.CustomerId}: a probability must lie in [0, 1]");
        }
    }

    private SqliteCommand Command()
    {
        if (_command is not null)
        {
            return _command;
        }

        _connection = _sqlite!.Open();
        _command = _connection.CreateCommand();
        _command.CommandText = Upsert;
        _parameters = [.. "cavpbrfsx".Select(name => _command.Parameters.Add(new SqliteParameter("@" + name, null)))];
        _command.Prepare();
        return _command;
    }

    /// <summary>The feature JSON exactly as <see cref="ScoreJson.Write"/> gives it (numbers, texts, nulls for unknown values).</summary>
    private string Json(IReadOnlyDictionary<string, object?> features) =>
        features is LiveFeatureRow row ? System.Text.Encoding.UTF8.GetString(row.WriteJson(_json)) : ScoreJson.Write(features);
}
