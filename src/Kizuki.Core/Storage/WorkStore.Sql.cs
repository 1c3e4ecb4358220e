using System.Data.Common;

namespace Kizuki.Storage;

internal sealed partial class RelationalWorkStore
{
    private List<WorkTask> ReadTasks(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = open();
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<WorkTask>();
        while (reader.Read())
        {
            result.Add(ReadTask(reader));
        }

        return result;
    }

    private WorkTask ReadTask(DbDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), readTime(reader, 5),
        reader.GetNullableString(6), WorkTaskStatuses.Parse(reader.GetString(7)) ?? WorkTaskStatus.Open, reader.GetString(8), readTime(reader, 9));

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
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

    private static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }
}
