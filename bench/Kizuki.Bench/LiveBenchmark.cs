using System.Diagnostics;
using System.Globalization;
using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Live;
using Kizuki.Storage;

namespace Kizuki.Bench;

/// <summary>
/// Live feature state: the cost of absorbing one event, the cost of one customer's full feature evaluation, and
/// the memory the state holds, on a data directory made by <c>kizuki demo</c>.
/// </summary>
internal static class LiveBenchmark
{
    public static int Run(string[] args)
    {
        var dataDir = args.Length >= 2 && args[0] == "--data-dir" ? args[1] : "kizuki-data";
        using var store = StoreFactory.Open(dataDir);
        var context = new FeatureContext(new FeatureSettings());

        Console.WriteLine("reading every record of the store into memory…");
        var feed = new List<(DateTimeOffset At, object Record)>();
        feed.AddRange(store.Customers().Select(c => (c.SignupAt, (object)c)));
        feed.AddRange(store.Orders().Select(o => (o.OrderedAt, (object)o)));
        feed.AddRange(store.Activities().Select(a => (a.OccurredAt, (object)a)));
        feed.AddRange(store.Tickets().Select(t => (t.OpenedAt, (object)t)));
        feed.AddRange(store.Surveys().Select(s => (s.RespondedAt, (object)s)));
        feed.AddRange(store.Subscriptions().Select(s => (s.StartedAt, (object)s)));
        feed.AddRange(store.ChurnEvents().Select(e => (e.OccurredAt, (object)e)));
        feed.Sort((a, b) => a.At.CompareTo(b.At));
        var customers = feed.Where(f => f.Record is Customer).Select(f => ((Customer)f.Record).Id).ToList();
        var newest = feed[^1].At;

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var live = new LiveFeatureEvaluator(context);
        var watch = Stopwatch.StartNew();
        foreach (var (_, record) in feed)
        {
            Apply(live, record);
        }

        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var perEvent = watch.Elapsed.TotalNanoseconds / feed.Count;

        var numbers = new double[context.Catalog.Count];
        var categories = new string?[context.Catalog.Count];
        var asOf = Kizuki.Features.History.Millis.Of(newest);
        var evaluate = Stopwatch.StartNew();
        foreach (var id in customers)
        {
            live.Evaluate(id, asOf, numbers, categories);
        }

        evaluate.Stop();
        GC.KeepAlive(live);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{feed.Count:N0} records applied in {watch.Elapsed.TotalSeconds:F2} s: {perEvent:F0} ns per event ({feed.Count / watch.Elapsed.TotalSeconds:N0} events/s, one thread)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{customers.Count:N0} customers evaluated ({context.Catalog.Count} features) in {evaluate.Elapsed.TotalSeconds:F2} s: {evaluate.Elapsed.TotalMicroseconds / customers.Count:F1} µs per customer"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live state: {(after - before) / 1048576.0:F0} MiB, {(after - before) / (double)customers.Count:F0} bytes per customer; refused late: {live.RefusedLate}"));
        return 0;
    }

    private static void Apply(LiveFeatureEvaluator live, object record)
    {
        switch (record)
        {
            case Customer c: live.Apply(c); break;
            case Order o: live.Apply(o); break;
            case Kizuki.Domain.Activity a: live.Apply(a); break;
            case Ticket t: live.Apply(t); break;
            case SurveyResponse s: live.Apply(s); break;
            case Subscription s: live.Apply(s); break;
            case ChurnEvent e: live.Apply(e); break;
            default: throw new InvalidOperationException(record.GetType().Name);
        }
    }
}
