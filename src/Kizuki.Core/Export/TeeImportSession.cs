using Kizuki.Domain;

using Kizuki.Storage;

namespace Kizuki.Export;

/// <summary>Hands every record to two sessions; commits the secondary first, then returns the primary's counts.</summary>
internal sealed class TeeImportSession(IImportSession primary, IImportSession secondary) : IImportSession
{
    public void Add(Customer customer) { primary.Add(customer); secondary.Add(customer); }
    public void Add(Order order) { primary.Add(order); secondary.Add(order); }
    public void AddLine(string orderId, int lineNumber, OrderLine line) { primary.AddLine(orderId, lineNumber, line); secondary.AddLine(orderId, lineNumber, line); }
    public void Add(Subscription subscription) { primary.Add(subscription); secondary.Add(subscription); }
    public void Add(Activity activity) { primary.Add(activity); secondary.Add(activity); }
    public void Add(Ticket ticket) { primary.Add(ticket); secondary.Add(ticket); }
    public void Add(SurveyResponse response) { primary.Add(response); secondary.Add(response); }
    public void Add(Touch touch) { primary.Add(touch); secondary.Add(touch); }
    public void Add(ChurnEvent churnEvent) { primary.Add(churnEvent); secondary.Add(churnEvent); }

    public WriteCounts Commit()
    {
        secondary.Commit();
        return primary.Commit();
    }

    public void Dispose()
    {
        secondary.Dispose();
        primary.Dispose();
    }
}
