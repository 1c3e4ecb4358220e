using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Features.Labels;

namespace Kizuki.Tests.Features.Labels;

public sealed partial class LeakageProofTests
{
    [Fact]
    public void Store_EventsAtAndAfterCutoffImportedLater_NoFeatureChangesAndOnlyTheWindowMovesTheLabel()
    {
        var t = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.FromHours(9));
        var asOf = Millis.Of(t);
        var until = Millis.Of(t.AddDays(400));
        using var clean = new StoreDirectory();
        using var planted = new StoreDirectory();
        clean.Import(LeakageRecords.KnownBefore(t));
        planted.Import(LeakageRecords.KnownBefore(t));
        planted.Import(LeakageRecords.AtAndAfter(t));
        var context = new FeatureContext(Settings);

        var known = HistoryReader.Read(clean.Store, context, until).Single();
        var later = HistoryReader.Read(planted.Store, context, until).Single();

        var changed = Changed(context.Catalog, known, later, asOf);
        Assert.True(changed.Count == 0, "features that see the future: " + string.Join(", ", changed));
        var fromRecords = Changed(context.Catalog, History(context, LeakageRecords.KnownBefore(t)), known, asOf);
        Assert.True(fromRecords.Count == 0, "store and records disagree: " + string.Join(", ", fromRecords));
        Assert.Equal(ChurnLabel.Stayed, Contract.Label(known, asOf));
        Assert.Equal(ChurnLabel.ChurnedOn(Millis.Of(t.AddDays(5))), Contract.Label(later, asOf));
    }

    [Fact]
    public void Store_TrainingSetWhoseWindowEndsAtThePlants_SameRowsWithOrWithoutThem()
    {
        var t = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.FromHours(9));
        using var clean = new StoreDirectory();
        using var planted = new StoreDirectory();
        clean.Import(LeakageRecords.KnownBefore(t));
        planted.Import(LeakageRecords.KnownBefore(t));
        planted.Import(LeakageRecords.AtAndAfter(t));
        var context = new FeatureContext(Settings);
        // The window [t - 90d, t) ends where the planted future begins; the later versions of the open ticket and
        // the running subscription (closed and ended after t) are in the store all the same.
        var builder = new TrainingSetBuilder(context.Catalog, new ChurnDefinition { Kind = ChurnKind.Contractual });
        var cutoff = Millis.Of(t.AddDays(-90));
        var dataEnd = Millis.Of(t);

        var a = builder.Build(clean.Store, context, [cutoff], dataEnd);
        var b = builder.Build(planted.Store, context, [cutoff], dataEnd);

        Assert.Equal(1, a.RowCount);
        Assert.Equal(new byte[] { 0 }, a.Labels);
        Assert.Equal(a.Labels, b.Labels);
        for (var f = 0; f < context.Catalog.Count; f++)
        {
            if (context.Catalog.Definitions[f].Kind == FeatureKind.Numeric)
            {
                Assert.Equal(a.Numbers(f), b.Numbers(f));
            }
            else
            {
                Assert.Equal(a.Categories(f), b.Categories(f));
            }
        }
    }
}
