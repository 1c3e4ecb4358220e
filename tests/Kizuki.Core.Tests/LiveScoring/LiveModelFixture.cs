using Kizuki.Configuration;
using Kizuki.Demo;
using Kizuki.Modeling.Churn;
using Kizuki.Modeling.Registry;
using Kizuki.Storage;

namespace Kizuki.Tests.LiveScoring;

/// <summary>A small SaaS demo with a trained, active model in a data directory; each test works on its own copy.</summary>
public sealed class LiveModelFixture : IDisposable
{
    public LiveModelFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kizuki-livemodel-").FullName;
        var options = new DemoOptions { Customers = 600, Seed = 5 };
        HistoryEnd = options.HistoryEnd;
        using (var store = StoreFactory.Open(Directory))
        {
            store.Migrate();
            using (var session = store.BeginImport())
            {
                DemoGenerator.Generate(options, session, Path.Combine(Directory, "truth"));
                session.Commit();
            }

            var set = ChurnModelling.BuildTrainingSet(store, new KizukiSettings(), options.HistoryEnd);
            var trainer = new ChurnTrainerOptions { Refit = false, Trees = new ChurnTrainerOptions().Trees with { Threads = 2 } };
            ChurnModelling.Train(set, trainer, new ModelRegistry(Directory), options.HistoryEnd);
            CustomerIds = [.. store.Customers().Select(c => c.Id).Order(StringComparer.Ordinal)];
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public string Directory { get; }

    public DateTimeOffset HistoryEnd { get; }

    public IReadOnlyList<string> CustomerIds { get; }

    /// <summary>A fresh copy of the data directory (database and models), deleted by the caller.</summary>
    public string Copy()
    {
        var target = System.IO.Directory.CreateTempSubdirectory("kizuki-livecopy-").FullName;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Directory, file);
            if (relative.StartsWith("truth", StringComparison.Ordinal))
            {
                continue;
            }

            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return target;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
