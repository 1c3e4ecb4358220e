using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Batch;

public sealed class BatchFeatureEvaluatorTests
{
    private static readonly HistoryReadOptions Generic = new() { UseSqliteFastPath = false };

    private static FeatureCatalog Probe() => new([new ProbeFeatures()]);

    private static void AssertSameTable(FeatureTable expected, FeatureTable actual)
    {
        Assert.Equal(expected.CustomerIds, actual.CustomerIds);
        Assert.Equal(expected.Definitions.Select(d => d.Name), actual.Definitions.Select(d => d.Name));
        for (var f = 0; f < expected.Definitions.Count; f++)
        {
            if (expected.Definitions[f].Kind == FeatureKind.Numeric)
            {
                Assert.Equal(expected.Numbers(f), actual.Numbers(f));
            }
            else
            {
                Assert.Equal(expected.Categories(f), actual.Categories(f));
            }
        }
    }

    [Fact]
    public void Evaluate_SmallStore_EqualsTheCatalogOnAHandBuiltHistory()
    {
        using var data = new BatchStore();
        var context = new FeatureContext(new FeatureSettings());
        var table = BatchFeatureEvaluator.Evaluate(data.Store, context, Probe(), BatchStore.AsOf);

        var hand = new CustomerHistory("C1");
        var t0 = BatchStore.T0;
        HistoryBuilder.Add(hand, new Customer("C1", "一郎", t0, new CustomerSegment(Plan: "プロ"), Customer.NoAttributes));
        HistoryBuilder.Add(hand, new Order("O1", "C1", t0.AddDays(5), Money.Yen(1200.5m), OrderStatus.Completed, false, Order.NoLines));
        HistoryBuilder.Add(hand, new Order("O2", "C1", t0.AddDays(50), Money.Yen(800m), OrderStatus.Returned, true, Order.NoLines));
        HistoryBuilder.Add(hand, new Subscription("S1", "C1", "Pro", t0, null, t0.AddDays(90), Money.Yen(12000m), 12, 3, null, null));
        context.Builder.Add(hand, new Activity("A1", "C1", t0.AddDays(1), ActivityTypes.Login, null, null));
        context.Builder.Add(hand, new Activity("A2", "C1", t0.AddDays(2), ActivityTypes.PageView, "/pricing", 3));
        context.Builder.Add(hand, new Activity("A3", "C1", t0.AddDays(2), ActivityTypes.PageView, "/help/faq", null));
        HistoryBuilder.Add(hand, new Ticket("T1", "C1", t0.AddDays(30), t0.AddDays(31), TicketChannel.Chat, "", "", TicketStatus.Closed, 2));
        HistoryBuilder.Add(hand, new SurveyResponse("R1", "C1", t0.AddDays(40), SurveyKind.Nps, 4, null));
        HistoryBuilder.Add(hand, new ChurnEvent("X1", "C1", t0.AddDays(98), null, null));
        var expected = Probe().Evaluate(hand, Millis.Of(BatchStore.AsOf));

        var row = table.RowOf("C1");
        Assert.Equal(0, row);
        for (var f = 0; f < table.Definitions.Count; f++)
        {
            if (table.Definitions[f].Kind == FeatureKind.Numeric)
            {
                Assert.Equal(expected.Numbers[f], table.Numbers(f)[row]);
            }
            else
            {
                Assert.Equal(expected.Categories[f], table.Categories(f)[row]);
            }
        }

        Assert.Equal(2000.5, table.Numbers("spend_before")[row]);
        Assert.Equal("プロ", table.Categories("probe_plan")[row]);
        Assert.True(double.IsNaN(table.Numbers("last_score")[table.RowOf("C4")]));
    }

    [Fact]
    public void Evaluate_CustomerSignedUpAfterAsOf_HasNoRow()
    {
        using var data = new BatchStore();
        var table = BatchFeatureEvaluator.Evaluate(data.Store, new FeatureContext(new FeatureSettings()), Probe(), BatchStore.AsOf);
        Assert.Equal(["C1", "C2", "C4"], table.CustomerIds);
        Assert.Equal(-1, table.RowOf("C3"));
    }

    [Fact]
    public void Evaluate_FastAndGenericPaths_GiveIdenticalTables()
    {
        using var data = new BatchStore();
        var context = new FeatureContext(new FeatureSettings());
        foreach (var catalog in new[] { Probe(), context.Catalog })
        {
            var fast = BatchFeatureEvaluator.Evaluate(data.Store, context, catalog, BatchStore.AsOf, null, new HistoryReadOptions { Workers = 2 });
            var generic = BatchFeatureEvaluator.Evaluate(data.Store, context, catalog, BatchStore.AsOf, null, Generic);
            AssertSameTable(generic, fast);
        }
    }

    [Fact]
    public void Evaluate_EventsPlantedAtOrAfterAsOf_ChangeNothing()
    {
        using var clean = new BatchStore();
        using var planted = new BatchStore(BatchStore.PlantAfterAsOf);
        var context = new FeatureContext(new FeatureSettings());
        foreach (var catalog in new[] { Probe(), context.Catalog })
        {
            foreach (var options in new[] { HistoryReadOptions.Default, Generic })
            {
                AssertSameTable(
                    BatchFeatureEvaluator.Evaluate(clean.Store, context, catalog, BatchStore.AsOf, null, options),
                    BatchFeatureEvaluator.Evaluate(planted.Store, context, catalog, BatchStore.AsOf, null, options));
            }
        }
    }

    [Fact]
    public void Evaluate_WithProgress_ReportsCompletion()
    {
        using var data = new BatchStore();
        var reports = new List<double>();
        var progress = new SynchronousProgress(reports);
        var table = BatchFeatureEvaluator.Evaluate(data.Store, new FeatureContext(new FeatureSettings()), Probe(), BatchStore.AsOf, progress);
        Assert.Equal(1.0, reports.Max());
        Assert.Equal(3 + 2 + 5 + 2 + 2 + 1, table.EventsRead);
    }

    [Fact]
    public void EvaluateCustomer_UnknownCustomer_IsNull()
    {
        using var data = new BatchStore();
        var context = new FeatureContext(new FeatureSettings());
        Assert.Null(BatchFeatureEvaluator.EvaluateCustomer(data.Store, context, "nobody", BatchStore.AsOf));
        Assert.NotNull(BatchFeatureEvaluator.EvaluateCustomer(data.Store, context, "C1", BatchStore.AsOf));
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
