using Kizuki.Domain;
using Kizuki.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuki.Tests.Storage;

public sealed class SqliteDataGenerationTests
{
    private static (long Generation, byte[] Stamp) Read(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT generation, stamp FROM data_generation WHERE id = 1";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    [Fact]
    public void Commit_AnImport_MovesTheStoreToANewGeneration()
    {
        var directory = Directory.CreateTempSubdirectory("kizuki-generation-").FullName;
        try
        {
            var path = Path.Combine(directory, "kizuki.db");
            using (var store = new SqliteStore(path))
            {
                store.Migrate();
                var first = Read(path);
                using (var session = store.BeginImport())
                {
                    session.Add(new Activity("A1", "C1", DateTimeOffset.UnixEpoch, ActivityTypes.Login, null, null));
                    session.Commit();
                }

                var second = Read(path);
                Assert.Equal(first.Generation + 1, second.Generation);
                Assert.NotEqual(first.Stamp, second.Stamp);
                Assert.Equal(16, second.Stamp.Length);

                using (var rolledBack = store.BeginImport())
                {
                    rolledBack.Add(new Activity("A2", "C1", DateTimeOffset.UnixEpoch, ActivityTypes.Login, null, null));
                }

                Assert.Equal(second.Stamp, Read(path).Stamp);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
