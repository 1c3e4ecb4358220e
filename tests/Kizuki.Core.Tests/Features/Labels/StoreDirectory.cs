using Kizuki.Domain;
using Kizuki.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuki.Tests.Features.Labels;

/// <summary>A temporary data directory with an embedded store, deleted on dispose.</summary>
internal sealed class StoreDirectory : IDisposable
{
    public StoreDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kizuki-labels-" + Guid.NewGuid().ToString("N"));
        Store = StoreFactory.Open(Path);
    }

    public string Path { get; }

    public IStore Store { get; }

    /// <summary>Imports records in one committed session.</summary>
    public void Import(IEnumerable<object> records)
    {
        using var session = Store.BeginImport();
        foreach (var record in records)
        {
            switch (record)
            {
                case Customer c: session.Add(c); break;
                case Order o: session.Add(o); break;
                case Subscription s: session.Add(s); break;
                case Activity a: session.Add(a); break;
                case Ticket k: session.Add(k); break;
                case SurveyResponse r: session.Add(r); break;
                case ChurnEvent x: session.Add(x); break;
                default: throw new ArgumentException("unexpected record " + record.GetType().Name, nameof(records));
            }
        }

        session.Commit();
    }

    public void Dispose()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
