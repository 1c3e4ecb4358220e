using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuki.Tests.Features.Batch;

public sealed class ActivitySnapshotTests
{
    private static readonly HistoryReadOptions Direct = new() { UseActivitySnapshot = false };

    private static readonly HistoryReadOptions Snapshot = new() { UseActivitySnapshot = true };

    /// <summary>A history as text, with interned words spelled out: ids depend on the order parallel readers met them.</summary>
    private static string Describe(CustomerHistory h, HistoryVocabulary words) =>
        h.CustomerId + ":" + string.Join(";", h.Activities.All.ToArray().Select(a =>
            $"{a.Time},{words.NameOf(a.Type)},{(a.Name < 0 ? "-" : words.NameOf(a.Name))},{a.Categories},{a.Quantity}"));

    private static List<string> ReadAll(BatchStore data, long until, HistoryReadOptions options)
    {
        var context = new FeatureContext(new FeatureSettings());
        return HistoryReader.Read(data.Store, context, until, options).Select(h => Describe(h, context.Vocabulary)).ToList();
    }

    private static string SnapshotPath(BatchStore data) => ActivitySnapshot.PathFor(data.Store.Location);

    /// <summary>Gives the store a data generation (a no-op once the migration step is part of the store's schema).</summary>
    private static void EnsureGeneration(BatchStore data)
    {
        using var connection = new SqliteConnection($"Data Source={data.Store.Location};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'data_generation'";
        if (command.ExecuteScalar() is 0L)
        {
            command.CommandText = SqliteDataGeneration.Migration.Sql;
            command.ExecuteNonQuery();
        }
    }

    private static void Execute(BatchStore data, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={data.Store.Location};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Read_WithSnapshot_GivesTheActivitiesOfTheDirectRead()
    {
        using var data = new BatchStore(BatchStore.PlantAfterAsOf);
        EnsureGeneration(data);
        foreach (var until in new[] { long.MaxValue, Millis.Of(BatchStore.AsOf), Millis.Of(BatchStore.T0.AddDays(2)) })
        {
            Assert.Equal(ReadAll(data, until, Direct), ReadAll(data, until, Snapshot));
        }

        Assert.True(File.Exists(SnapshotPath(data)));
        var c1 = HistoryReader.Read(data.Store, new FeatureContext(new FeatureSettings()), long.MaxValue, Snapshot).First();
        Assert.Equal(4, c1.Activities.Count);
        Assert.True(double.IsNaN(c1.Activities[0].Quantity));
        Assert.Equal(3, c1.Activities[1].Quantity);
    }

    [Fact]
    public void ReadPartitioned_WithSnapshot_GivesTheDirectRead()
    {
        using var data = new BatchStore(s =>
        {
            for (var i = 0; i < 40; i++)
            {
                var id = $"M{i:D3}";
                s.Add(new Customer(id, null, BatchStore.T0, CustomerSegment.Unknown, Customer.NoAttributes));
                s.Add(new Activity("act-" + id, id, BatchStore.T0.AddDays(i), ActivityTypes.Login, null, i));
                s.Add(new Activity("view-" + id, id, BatchStore.T0.AddDays(i), ActivityTypes.PageView, "/pricing/" + (i % 3), null));
            }
        });
        EnsureGeneration(data);
        var context = new FeatureContext(new FeatureSettings());
        var until = Millis.Of(BatchStore.T0.AddDays(30));
        var parts = HistoryReader.ReadPartitioned(data.Store, context, until, hs => hs.Select(h => Describe(h, context.Vocabulary)).ToList(),
            Snapshot with { Workers = 3, RangesPerWorker = 5 });
        Assert.True(parts.Count > 1);
        Assert.Equal(ReadAll(data, until, Direct), parts.SelectMany(p => p));
    }

    [Fact]
    public void Read_AfterTheGenerationChanges_RebuildsTheSnapshot()
    {
        using var data = new BatchStore();
        EnsureGeneration(data);
        var before = ReadAll(data, long.MaxValue, Snapshot);
        using (var session = data.Store.BeginImport())
        {
            session.Add(new Activity("new", "C4", BatchStore.T0.AddDays(3), ActivityTypes.Login, null, null));
            session.Commit();
        }

        Execute(data, SqliteDataGeneration.BumpSql);
        var after = ReadAll(data, long.MaxValue, Snapshot);
        Assert.NotEqual(before, after);
        Assert.Equal(ReadAll(data, long.MaxValue, Direct), after);
        Assert.Contains(after, h => h.StartsWith("C4:", StringComparison.Ordinal) && h.Length > 3);
    }

    [Fact]
    public void OpenOrBuild_StoreWithoutGeneration_ReadsTheStoreAndWritesNothing()
    {
        using var data = new BatchStore();
        EnsureGeneration(data);
        Execute(data, "DROP TABLE data_generation");
        Assert.Null(ActivitySnapshot.OpenOrBuild(data.Store.Location, 0));
        Assert.Equal(ReadAll(data, long.MaxValue, Direct), ReadAll(data, long.MaxValue, Snapshot));
        Assert.False(File.Exists(SnapshotPath(data)));
    }

    [Theory]
    [InlineData(0)]   // magic
    [InlineData(20)]  // stamp
    [InlineData(-1)]  // truncated index
    public void OpenOrBuild_DamagedOrForeignFile_IsRebuiltNotTrusted(int position)
    {
        using var data = new BatchStore();
        EnsureGeneration(data);
        var expected = ReadAll(data, long.MaxValue, Direct);
        using (ActivitySnapshot.OpenOrBuild(data.Store.Location, 0))
        {
        }

        var path = SnapshotPath(data);
        File.WriteAllBytes(path + ".0123.tmp", [1, 2, 3]); // left by a build that was killed
        var bytes = File.ReadAllBytes(path);
        if (position < 0)
        {
            bytes = bytes[..^3];
        }
        else
        {
            bytes[position] ^= 0xFF;
        }

        File.WriteAllBytes(path, bytes);
        Assert.Equal(expected, ReadAll(data, long.MaxValue, Snapshot));
        Assert.NotEqual(bytes, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".0123.tmp"));
        using var rebuilt = ActivitySnapshot.OpenOrBuild(data.Store.Location, 0);
        Assert.Equal(7, rebuilt!.RecordCount);
    }

    [Fact]
    public void NewestRecord_WithSnapshot_FollowsEveryKindOfRecord()
    {
        using var data = new BatchStore();
        EnsureGeneration(data);
        Assert.Equal(BatchStore.AsOf.AddDays(1), HistoryReader.NewestRecord(data.Store, BatchStore.AsOf, Snapshot));
        using (var session = data.Store.BeginImport())
        {
            session.Add(new Ticket("T9", "C4", BatchStore.AsOf.AddDays(7), null, TicketChannel.Mail, "s", "b", TicketStatus.Open, null));
            session.Commit();
        }

        Execute(data, SqliteDataGeneration.BumpSql);
        Assert.Equal(BatchStore.AsOf.AddDays(7), HistoryReader.NewestRecord(data.Store, BatchStore.AsOf, Snapshot));
        Assert.Equal(BatchStore.AsOf.AddDays(7), HistoryReader.NewestRecord(data.Store, BatchStore.AsOf, Direct));
    }

    [Fact]
    public void OpenOrBuild_EmptyStore_HasNoRecordsAndNoNewestTime()
    {
        var directory = Directory.CreateTempSubdirectory("kizuki-snapshot-").FullName;
        try
        {
            var path = Path.Combine(directory, "kizuki.db");
            using (var store = new SqliteStore(path))
            {
                store.Migrate();
                using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'data_generation'";
                    if (command.ExecuteScalar() is 0L)
                    {
                        command.CommandText = SqliteDataGeneration.Migration.Sql;
                        command.ExecuteNonQuery();
                    }
                }

                using var snapshot = ActivitySnapshot.OpenOrBuild(path, 0);
                Assert.NotNull(snapshot);
                Assert.Equal(0, snapshot.RecordCount);
                Assert.Equal(0, snapshot.CustomerCount);
                Assert.Null(snapshot.NewestTime);
                Assert.Null(HistoryReader.NewestRecord(store, BatchStore.AsOf, Snapshot));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void TryOpen_OtherStamp_IsNull()
    {
        using var data = new BatchStore();
        EnsureGeneration(data);
        using (var built = ActivitySnapshot.OpenOrBuild(data.Store.Location, 0))
        {
            Assert.NotNull(built);
            Assert.Equal(7, built.RecordCount);
            Assert.Equal(4, built.CustomerCount); // activities of customers missing from the customers table are kept
        }

        Assert.Null(ActivitySnapshot.TryOpen(SnapshotPath(data), new byte[16]));
    }
}
