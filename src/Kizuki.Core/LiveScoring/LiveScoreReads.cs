using Kizuki.Storage;

namespace Kizuki.LiveScoring;

/// <summary>The few columns of recent stored scores the live scorer starts from.</summary>
internal static class LiveScoreReads
{
    /// <summary>
    /// The probability of each score of <paramref name="modelVersion"/> with an as-of instant in [<paramref name="from"/>,
    /// <paramref name="until"/>), ordered by as-of instant. On the embedded store only these columns are read (not the
    /// feature JSON); other engines read through <see cref="IStore.Scores"/>.
    /// </summary>
    public static IEnumerable<(string CustomerId, DateTimeOffset AsOf, double Probability)> Recent(
        IStore store, DateTimeOffset from, DateTimeOffset until, int modelVersion)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store is not SqliteStore sqlite)
        {
            return store.Scores()
                .Where(s => s.ModelVersion == modelVersion && s.AsOf >= from && s.AsOf < until)
                .OrderBy(s => s.AsOf)
                .Select(s => (s.CustomerId, s.AsOf, s.Probability));
        }

        return Sqlite(sqlite, from, until, modelVersion);
    }

    private static IEnumerable<(string, DateTimeOffset, double)> Sqlite(SqliteStore store, DateTimeOffset from, DateTimeOffset until, int modelVersion)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT customer_id, as_of, probability FROM scores " +
            "WHERE as_of >= @from AND as_of < @until AND model_version = @version ORDER BY as_of";
        command.Parameters.AddWithValue("@from", StoreValues.ToUnixMilliseconds(from));
        command.Parameters.AddWithValue("@until", StoreValues.ToUnixMilliseconds(until));
        command.Parameters.AddWithValue("@version", modelVersion);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), StoreValues.FromUnixMilliseconds(reader.GetInt64(1)), reader.GetDouble(2));
        }
    }

    /// <summary>
    /// The latest stored score with reasons of each customer, of <paramref name="modelVersion"/> and as of before
    /// <paramref name="until"/>: probability, band and reasons JSON, in as-of order (a later one replaces an earlier one).
    /// </summary>
    public static IEnumerable<(string CustomerId, double Probability, RiskBand Band, string Reasons)> WithReasons(
        IStore store, DateTimeOffset until, int modelVersion)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store is not SqliteStore sqlite)
        {
            return store.Scores()
                .Where(s => s.ModelVersion == modelVersion && s.AsOf < until && s.Reasons is not null)
                .OrderBy(s => s.AsOf)
                .Select(s => (s.CustomerId, s.Probability, s.Band, s.Reasons!));
        }

        return SqliteReasons(sqlite, until, modelVersion);
    }

    private static IEnumerable<(string, double, RiskBand, string)> SqliteReasons(SqliteStore store, DateTimeOffset until, int modelVersion)
    {
        using var connection = store.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT customer_id, probability, band, reasons FROM scores " +
            "WHERE as_of < @until AND model_version = @version AND reasons IS NOT NULL ORDER BY as_of";
        command.Parameters.AddWithValue("@until", StoreValues.ToUnixMilliseconds(until));
        command.Parameters.AddWithValue("@version", modelVersion);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetDouble(1), StoreValues.ParseEnum<RiskBand>(reader.GetString(2)), reader.GetString(3));
        }
    }
}
