using System.Data.Common;

namespace Kizuki.Storage;

/// <summary>What differs between the engines when reading: connections, instants and decimals.</summary>
/// <remarks>Table and column names are the same on both engines, so reads and summaries share their SQL.</remarks>
internal interface IStoreDialect
{
    /// <summary>Opens a new connection (from the engine's pool), ready for use.</summary>
    DbConnection Open();

    /// <summary>SQL that is true when two values are equal or both null.</summary>
    string NullSafeEquals(string left, string right);

    /// <summary>The parameter value of an instant.</summary>
    object TimeValue(DateTimeOffset instant);

    /// <summary>Reads an instant column (never null) as UTC with offset zero.</summary>
    DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Reads a decimal column (never null) exactly.</summary>
    decimal ReadDecimal(DbDataReader reader, int ordinal);

    /// <summary>The parameter value of a decimal, read back exactly by <see cref="ReadDecimal"/>.</summary>
    object DecimalValue(decimal value);

    /// <summary>The SQL that passes a text parameter into a JSON column.</summary>
    string JsonParameter(string parameter);
}

/// <summary>Small helpers over <see cref="DbDataReader"/> and <see cref="DbCommand"/> shared by both engines.</summary>
internal static class DialectExtensions
{
    /// <summary>Reads a nullable instant.</summary>
    public static DateTimeOffset? ReadNullableTime(this IStoreDialect dialect, DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : dialect.ReadTime(reader, ordinal);

    /// <summary>Reads a nullable decimal.</summary>
    public static decimal? ReadNullableDecimal(this IStoreDialect dialect, DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : dialect.ReadDecimal(reader, ordinal);

    /// <summary>Reads a nullable text column.</summary>
    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Adds a named parameter.</summary>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
