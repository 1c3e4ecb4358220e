using Kizuki.Features;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Labels;

public sealed partial class LeakageProofTests
{
    [Fact]
    public void Changed_GroupsThatPeekPastTheCutoff_AreCaught()
    {
        // The proof's own check: features that look at T itself, or at a ticket's later closing, are reported.
        var t = new DateTimeOffset(2025, 3, 15, 0, 0, 0, TimeSpan.Zero);
        var context = new FeatureContext(Settings);
        var known = History(context, LeakageRecords.KnownBefore(t));
        var planted = History(context, Upsert(LeakageRecords.KnownBefore(t), LeakageRecords.AtAndAfter(t)));

        var changed = Changed(new FeatureCatalog([new PeekingGroup()]), known, planted, Millis.Of(t));

        Assert.Equal(new[] { "orders_through_cutoff", "tickets_never_closed" }, changed.Select(c => c.Split(' ')[0]));
    }

    /// <summary>Two classic leaks: an inclusive window end, and a ticket's current state instead of its state at T.</summary>
    private sealed class PeekingGroup : IFeatureGroup
    {
        public IReadOnlyList<FeatureDefinition> Definitions { get; } =
        [
            new("orders_through_cutoff", "注文数", "Orders", BusinessField.Purchases, FeatureKind.Numeric, "T を含む", "Orders up to and including T"),
            new("tickets_never_closed", "未解決", "Open tickets", BusinessField.Support, FeatureKind.Numeric, "現在の状態", "Tickets without a closing, ever"),
            new("orders_before", "注文数", "Orders", BusinessField.Purchases, FeatureKind.Numeric, "T より前", "Orders strictly before T"),
        ];

        public void Evaluate(CustomerHistory history, long asOf, FeatureRow output)
        {
            output.Set(0, history.Orders.Before(asOf + 1).Length);
            var open = 0;
            foreach (ref readonly var ticket in history.Tickets.Before(asOf))
            {
                open += ticket.Closed == Millis.Never ? 1 : 0;
            }

            output.Set(1, open);
            output.Set(2, history.Orders.Before(asOf).Length);
        }
    }
}
