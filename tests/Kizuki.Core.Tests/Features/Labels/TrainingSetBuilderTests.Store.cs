using Kizuki.Demo;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Features.Labels;

namespace Kizuki.Tests.Features.Labels;

public sealed partial class TrainingSetBuilderTests
{
    [Theory]
    [InlineData(DemoScenario.Saas, ChurnKind.Contractual)]
    [InlineData(DemoScenario.Ec, ChurnKind.Contractual)]
    [InlineData(DemoScenario.Ec, ChurnKind.NonContractual)]
    public void Build_DemoStore_ParallelReadEqualsSequentialHistoriesAndRatesArePlausible(DemoScenario scenario, ChurnKind kind)
    {
        using var data = new StoreDirectory();
        var demo = new DemoOptions { Scenario = scenario, Customers = 300, HistoryMonths = 24 };
        using (var session = data.Store.BeginImport())
        {
            DemoGenerator.Generate(demo, session, System.IO.Path.Combine(data.Path, "truth"));
            session.Commit();
        }

        var context = new FeatureContext(new FeatureSettings());
        var definition = new ChurnDefinition { Kind = kind };
        var dataEnd = Millis.Of(demo.HistoryEnd);
        var cutoffs = CutoffSchedule.Cutoffs(dataEnd, new LabelSettings(), definition, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var builder = new TrainingSetBuilder(context.Catalog, definition);

        var parallel = builder.Build(data.Store, context, cutoffs, dataEnd, new HistoryReadOptions { Workers = 2, RangesPerWorker = 3 });
        var sequential = builder.Build(HistoryReader.Read(data.Store, context, dataEnd, new HistoryReadOptions { Workers = 1 }), cutoffs, dataEnd);

        Assert.Equal(sequential.CustomerIds, parallel.CustomerIds);
        Assert.Equal(sequential.Cutoffs, parallel.Cutoffs);
        Assert.Equal(sequential.Labels, parallel.Labels);
        Assert.Equal(sequential.ChurnedAt, parallel.ChurnedAt);
        Assert.Equal(sequential.Counts, parallel.Counts);
        for (var f = 0; f < context.Catalog.Count; f++)
        {
            if (context.Catalog.Definitions[f].Kind == FeatureKind.Numeric)
            {
                Assert.Equal(sequential.Numbers(f), parallel.Numbers(f));
            }
            else
            {
                Assert.Equal(sequential.Categories(f), parallel.Categories(f));
            }
        }

        Assert.Equal(12, parallel.Counts.Count);
        Assert.Equal(parallel.RowCount, parallel.Counts.Sum(c => c.Eligible));
        Assert.All(parallel.Counts, c => Assert.InRange(c.Eligible, 1, 300));
        Assert.InRange(parallel.Counts.Sum(c => c.Churned) / (double)parallel.RowCount, 0.005, 0.6);
        for (var row = 1; row < parallel.RowCount; row++)
        {
            Assert.True(parallel.Cutoffs[row - 1] < parallel.Cutoffs[row]
                || (parallel.Cutoffs[row - 1] == parallel.Cutoffs[row] && string.CompareOrdinal(parallel.CustomerIds[row - 1], parallel.CustomerIds[row]) < 0));
        }
    }
}
