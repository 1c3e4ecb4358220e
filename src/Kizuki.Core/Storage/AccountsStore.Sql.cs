using System.Data.Common;

namespace Kizuki.Storage;

/// <summary>The row-level helpers of <see cref="RelationalAccountStore"/>.</summary>
internal sealed partial class RelationalAccountStore
{
    internal static string RoleText(AccountRole role) => StoreValues.ToText(role);

    internal static AccountRole ParseRole(string text) => StoreValues.ParseEnum<AccountRole>(text);

    private void Append(DbConnection connection, DbTransaction transaction, DateTimeOffset at, string actor, string action, string target, string? detail) =>
        Execute(connection, transaction, "INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)",
            ("at", timeValue(at)), ("actor", actor), ("action", action), ("target", target), ("detail", detail));

    private List<UserAccount> ReadUsers(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = open();
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var users = new List<UserAccount>();
        while (reader.Read())
        {
            users.Add(new UserAccount(reader.GetString(0), ParseRole(reader.GetString(1)), reader.GetString(2), readTime(reader, 3)));
        }

        return users;
    }

    private List<ApiKeyRecord> ReadKeys(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = open();
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var keys = new List<ApiKeyRecord>();
        while (reader.Read())
        {
            keys.Add(new ApiKeyRecord(reader.GetString(0), reader.GetString(1), ParseRole(reader.GetString(2)), reader.GetNullableString(3),
                readTime(reader, 4), reader.GetString(5), reader.IsDBNull(6) ? null : readTime(reader, 6)));
        }

        return keys;
    }

    private static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static long Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        return command;
    }
}
