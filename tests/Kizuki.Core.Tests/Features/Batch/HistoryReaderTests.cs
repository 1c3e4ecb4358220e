using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Batch;

public sealed class HistoryReaderTests
{
    private static readonly HistoryReadOptions Generic = new() { UseSqliteFastPath = false };

    private static string Describe(CustomerHistory h) => string.Join("|",
        h.CustomerId, h.Customer?.Name, h.SignupAt, string.Join(";", h.Customer?.Attributes.Select(p => $"{p.Key}={p.Value}") ?? []),
        string.Join(";", h.Orders.All.ToArray()), string.Join(";", h.Subscriptions.All.ToArray()),
        string.Join(";", h.Activities.All.ToArray()), string.Join(";", h.Tickets.All.ToArray()),
        string.Join(";", h.Surveys.All.ToArray()), string.Join(";", h.ChurnMarks.All.ToArray()));

    [Fact]
    public void Read_SqliteFastPathAndGenericPath_GiveIdenticalHistories()
    {
        using var data = new BatchStore();
        var context = new FeatureContext(new FeatureSettings());
        var fast = HistoryReader.Read(data.Store, context, long.MaxValue).Select(Describe).ToList();
        var generic = HistoryReader.Read(data.Store, context, long.MaxValue, Generic).Select(Describe).ToList();
        Assert.Equal(4, fast.Count);
        Assert.Equal(generic, fast);
    }

    [Fact]
    public void Read_EveryCustomerInIdOrder_SkipsEventsOfUnknownCustomers()
    {
        using var data = new BatchStore();
        var context = new FeatureContext(new FeatureSettings());
        var histories = HistoryReader.Read(data.Store, context, long.MaxValue).ToList();
        Assert.Equal(["C1", "C2", "C3", "C4"], histories.Select(h => h.CustomerId));
        Assert.Equal(3, histories[0].Activities.Count);
        Assert.Equal(2, histories[1].Activities.Count);
        Assert.Equal(0, histories[3].Activities.Count);
        Assert.Equal(context.Vocabulary.Intern("/pricing"), histories[0].Activities[1].Name);
        Assert.NotEqual(0u, histories[0].Activities[1].Categories);
    }

    [Fact]
    public void Read_Until_KeepsOnlyEventsStrictlyBefore()
    {
        using var data = new BatchStore(BatchStore.PlantAfterAsOf);
        var context = new FeatureContext(new FeatureSettings());
        var until = Millis.Of(BatchStore.AsOf);
        foreach (var options in new[] { HistoryReadOptions.Default, Generic })
        {
            var c1 = HistoryReader.Read(data.Store, context, until, options).First();
            Assert.Equal(2, c1.Orders.Count);
            Assert.Equal(1, c1.Subscriptions.Count);
            Assert.Equal(1, c1.Tickets.Count);
            Assert.Equal(1, c1.ChurnMarks.Count);
            Assert.All(c1.Activities.All.ToArray(), a => Assert.True(a.Time < until));
        }
    }

    [Fact]
    public void ReadPartitioned_ManyRanges_ConcatenateToTheOrderedRead()
    {
        using var data = new BatchStore(s =>
        {
            for (var i = 0; i < 40; i++)
            {
                var id = $"M{i:D3}";
                s.Add(new Kizuki.Domain.Customer(id, null, BatchStore.T0, Kizuki.Domain.CustomerSegment.Unknown, Kizuki.Domain.Customer.NoAttributes));
                s.Add(new Kizuki.Domain.Activity("act-" + id, id, BatchStore.T0.AddDays(i), Kizuki.Domain.ActivityTypes.Login, null, i));
            }
        });
        var context = new FeatureContext(new FeatureSettings());
        var options = new HistoryReadOptions { Workers = 3, RangesPerWorker = 5 };
        var parts = HistoryReader.ReadPartitioned(data.Store, context, long.MaxValue, hs => hs.Select(Describe).ToList(), options);
        Assert.True(parts.Count > 1);
        var ordered = HistoryReader.Read(data.Store, context, long.MaxValue, Generic).Select(Describe);
        Assert.Equal(ordered, parts.SelectMany(p => p));

        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        HistoryReader.ForEach(data.Store, context, long.MaxValue, h => seen.Add(h.CustomerId), options);
        Assert.Equal(44, seen.Distinct().Count());
    }

    [Fact]
    public void ReadCustomer_UnknownId_IsNull()
    {
        using var data = new BatchStore();
        var context = new FeatureContext(new FeatureSettings());
        Assert.Null(HistoryReader.ReadCustomer(data.Store, context, "nobody", long.MaxValue));
        Assert.Equal(2, HistoryReader.ReadCustomer(data.Store, context, "C2", long.MaxValue)!.Activities.Count);
    }

    [Fact]
    public void NewestRecord_BothPaths_GiveTheLatestEvent()
    {
        using var data = new BatchStore();
        var expected = BatchStore.AsOf.AddDays(1);
        Assert.Equal(expected, HistoryReader.NewestRecord(data.Store, BatchStore.AsOf));
        Assert.Equal(expected, HistoryReader.NewestRecord(data.Store, BatchStore.AsOf, Generic));
    }

    [Theory]
    [InlineData("a", "b", -1)]
    [InlineData("ab", "a", 1)]
    [InlineData("\uFFFD", "\U0001F600", -1)]
    [InlineData("C1", "C1", 0)]
    public void Compare_Ids_FollowCodePointOrder(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(CustomerIdOrder.Compare(left, right)));
}
