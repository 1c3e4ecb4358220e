using Kizuki.Features.Batch;
using Microsoft.Data.Sqlite;

namespace Kizuki.Tests.Features.Batch;

public sealed class SqliteFilesTests
{
    private static long? Newest(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqliteFiles.NewestQuery("events", "at");
        return command.ExecuteScalar() is long value ? value : null;
    }

    private static SqliteConnection OpenEvents()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE events (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, at INTEGER NOT NULL);"
            + "CREATE INDEX events_customer_time ON events (customer_id, at, id);";
        command.ExecuteNonQuery();
        return connection;
    }

    [Fact]
    public void NewestQuery_NewestEventInTheMiddleCustomer_IsFoundAlongTheIndex()
    {
        using var connection = OpenEvents();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events VALUES ('e1', 'A', 5), ('e2', 'A', 90), ('e3', 'B', 700), ('e4', 'B', 3), "
            + "('e5', 'C', 650), ('e6', '顧客', 40)";
        insert.ExecuteNonQuery();

        Assert.Equal(700, Newest(connection));
    }

    [Fact]
    public void NewestQuery_EmptyTable_IsNull()
    {
        using var connection = OpenEvents();

        Assert.Null(Newest(connection));
    }
}
