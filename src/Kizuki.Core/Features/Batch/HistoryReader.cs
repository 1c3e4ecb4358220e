using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Features.Batch;

/// <summary>Streams one <see cref="CustomerHistory"/> per customer out of a store, for the batch evaluator and training sets.</summary>
/// <remarks>
/// Every customer of the customers table gets a history, in id order, holding every event strictly before
/// <c>until</c>: orders, activities, subscriptions (by start), tickets (by opening), survey answers and cancellations.
/// Events of customers missing from the customers table are skipped. A history is handed out once it is complete,
/// so memory holds one customer per worker. The histories hold ALL events before <c>until</c>, so a caller may
/// evaluate one at several as-of instants up to <c>until</c>.
/// On the embedded SQLite store the file is read directly and in parallel over ranges of customer ids, the activities
/// from the <see cref="ActivitySnapshot"/> while it matches the store's data generation; any other store is read
/// through its ordered record reads.
/// </remarks>
public static class HistoryReader
{
    /// <summary>Every customer's history, in customer id order, on the calling thread.</summary>
    /// <param name="store">The store.</param>
    /// <param name="context">The evaluation's shared vocabulary and builder.</param>
    /// <param name="until">Only events strictly before this instant (ms); <see cref="long.MaxValue"/> for everything.</param>
    /// <param name="options">How to read; <see cref="HistoryReadOptions.Default"/> when null.</param>
    public static IEnumerable<CustomerHistory> Read(IStore store, FeatureContext context, long until, HistoryReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        options ??= HistoryReadOptions.Default;
        options.Validate();
        return FastPath(store, options) is { } path
            ? ReadAll(path, context.Builder, until, options)
            : StoreHistoryMerge.Read(store, context.Builder, until);
    }

    /// <summary>One customer's history with the events strictly before <paramref name="until"/>; null for an unknown customer.</summary>
    public static CustomerHistory? ReadCustomer(IStore store, FeatureContext context, string customerId, long until)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        return StoreHistoryMerge.Read(store, context.Builder, until, customerId).FirstOrDefault();
    }

    /// <summary>Calls <paramref name="body"/> with every customer's history, in parallel and in no particular order.</summary>
    /// <remarks><paramref name="body"/> runs on several threads at once; it may keep the history it is given.</remarks>
    public static void ForEach(IStore store, FeatureContext context, long until, Action<CustomerHistory> body, HistoryReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ReadPartitioned(store, context, until, histories =>
        {
            foreach (var history in histories)
            {
                body(history);
            }

            return 0;
        }, options);
    }

    /// <summary>
    /// Splits the customers into consecutive ranges of ids, hands each range's histories (in id order) to
    /// <paramref name="consume"/> on a worker thread, and returns the results in id order: concatenated, they are in
    /// the order of <see cref="Read"/>.
    /// </summary>
    public static IReadOnlyList<TResult> ReadPartitioned<TResult>(IStore store, FeatureContext context, long until,
        Func<IEnumerable<CustomerHistory>, TResult> consume, HistoryReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(consume);
        options ??= HistoryReadOptions.Default;
        options.Validate();
        if (FastPath(store, options) is not { } path)
        {
            return [consume(StoreHistoryMerge.Read(store, context.Builder, until))];
        }

        using var snapshot = OpenSnapshot(path, options);
        var ranges = options.Workers == 1 ? [(null, null)] : SqliteFiles.Ranges(path, options.Workers * options.RangesPerWorker);
        var results = new TResult[ranges.Count];
        Parallel.For(0, ranges.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Workers }, i =>
            results[i] = consume(ReadRange(path, context.Builder, ranges[i].From, ranges[i].To, until, options, snapshot)));
        return results;
    }

    /// <summary>Number of customers in the store (what <see cref="Read"/> yields).</summary>
    public static long CountCustomers(IStore store, HistoryReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return FastPath(store, options ?? HistoryReadOptions.Default) is { } path
            ? SqliteFiles.CountCustomers(path)
            : store.Customers().LongCount();
    }

    /// <summary>
    /// The newest instant in the store: the latest event of any kind or signup; null when the store is empty.
    /// <paramref name="now"/> is only the reference instant other stores' summaries need.
    /// </summary>
    public static DateTimeOffset? NewestRecord(IStore store, DateTimeOffset now, HistoryReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= HistoryReadOptions.Default;
        if (FastPath(store, options) is { } path)
        {
            // The snapshot (built now if stale, as the read that follows would) recorded the newest time when it was built.
            using var snapshot = OpenSnapshot(path, options);
            var time = snapshot is null ? SqliteFiles.NewestTime(path) : snapshot.NewestTime;
            return time is { } t ? Millis.ToInstant(t) : null;
        }

        var newest = store.Summarise(now).Entities.Select(e => e.To).Where(t => t is not null).DefaultIfEmpty(null).Max();
        return newest?.ToUniversalTime();
    }

    private static string? FastPath(IStore store, HistoryReadOptions options) =>
        options.UseSqliteFastPath && store.Engine == StoreEngine.Sqlite && File.Exists(store.Location) ? store.Location : null;

    private static ActivitySnapshot? OpenSnapshot(string path, HistoryReadOptions options) =>
        options.UseActivitySnapshot ? ActivitySnapshot.OpenOrBuild(path, options.SqliteMemoryMapBytes) : null;

    private static IEnumerable<CustomerHistory> ReadAll(string path, HistoryBuilder builder, long until, HistoryReadOptions options)
    {
        using var snapshot = OpenSnapshot(path, options);
        foreach (var history in ReadRange(path, builder, null, null, until, options, snapshot))
        {
            yield return history;
        }
    }

    private static IEnumerable<CustomerHistory> ReadRange(string path, HistoryBuilder builder, string? from, string? to, long until,
        HistoryReadOptions options, ActivitySnapshot? snapshot)
    {
        using var reader = new SqlitePartitionReader(path, builder, from, to, until, options.SqliteMemoryMapBytes, snapshot)
        {
            ReuseHistory = options.ReuseHistory,
        };
        foreach (var history in reader.Read())
        {
            yield return history;
        }
    }
}
