using Kizuki.Configuration;
using Kizuki.Demo;
using Kizuki.Explanations;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Modeling.Churn;
using Kizuki.Storage;

namespace Kizuki.Tests.Explanations;

/// <summary>A small SaaS demo, a model trained on it, and every customer's features at the end of the history, explained.</summary>
public sealed class ExplainedDemoFixture : IDisposable
{
    public ExplainedDemoFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kizuki-explain-").FullName;
        using var store = StoreFactory.Open(Directory);
        var options = new DemoOptions { Customers = 1500, Seed = 11 };
        using (var session = store.BeginImport())
        {
            DemoGenerator.Generate(options, session, Path.Combine(Directory, "truth"));
            session.Commit();
        }

        var settings = new KizukiSettings();
        var set = ChurnModelling.BuildTrainingSet(store, settings, options.HistoryEnd);
        Model = new ChurnTrainer(new ChurnTrainerOptions { Trees = new ChurnTrainerOptions().Trees with { Threads = 2 } }).Train(set).Model;
        var context = new FeatureContext(settings.Features);
        Table = BatchFeatureEvaluator.Evaluate(store, context, options.HistoryEnd);
        Explainer = new Explainer(Model, context.Catalog.Definitions, settings.Explanations, ReasonFormat.Japan);
        Batch = Explainer.Explain(Table, [.. Enumerable.Range(0, Table.RowCount)]);
    }

    public string Directory { get; }

    internal ChurnEnsemble Model { get; }

    internal FeatureTable Table { get; }

    internal Explainer Explainer { get; }

    internal ExplanationBatch Batch { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
