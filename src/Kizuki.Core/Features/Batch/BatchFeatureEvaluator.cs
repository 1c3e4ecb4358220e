using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Features.Batch;

/// <summary>Computes the feature table of every customer at one as-of instant, straight from the store.</summary>
/// <remarks>
/// Histories are read with the events strictly before the as-of instant and evaluated at it, in parallel over ranges
/// of customer ids; only customers who had signed up before the as-of instant get a row. Rows are in customer id order.
/// </remarks>
public static class BatchFeatureEvaluator
{
    /// <summary>How many customers a worker evaluates between two progress reports.</summary>
    private const int ProgressEvery = 1024;

    /// <summary>The table of the context's catalog at <paramref name="asOf"/>.</summary>
    /// <param name="store">The store.</param>
    /// <param name="context">Settings, vocabulary, builder and catalog of this evaluation.</param>
    /// <param name="asOf">The as-of instant.</param>
    /// <param name="progress">Receives the share of customers done, from 0 to 1; may be null.</param>
    /// <param name="options">How to read the store; the defaults when null.</param>
    public static FeatureTable Evaluate(IStore store, FeatureContext context, DateTimeOffset asOf,
        IProgress<double>? progress = null, HistoryReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Evaluate(store, context, context.Catalog, asOf, progress, options);
    }

    /// <summary>The table of <paramref name="catalog"/> at <paramref name="asOf"/> (for catalogs other than the context's).</summary>
    public static FeatureTable Evaluate(IStore store, FeatureContext context, FeatureCatalog catalog, DateTimeOffset asOf,
        IProgress<double>? progress = null, HistoryReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(catalog);
        var at = Millis.Of(asOf);
        // Each history is evaluated into its row at once and never kept, so one object per range is refilled.
        options = (options ?? HistoryReadOptions.Default) with { ReuseHistory = true };
        var total = progress is null ? 0 : Math.Max(1, HistoryReader.CountCustomers(store, options));
        long done = 0;
        var chunks = HistoryReader.ReadPartitioned(store, context, at, histories =>
        {
            var chunk = new FeatureTableChunk(catalog);
            var pending = 0;
            foreach (var history in histories)
            {
                chunk.Add(history, at);
                if (progress is not null && ++pending == ProgressEvery)
                {
                    progress.Report(Math.Min(1.0, (double)Interlocked.Add(ref done, pending) / total));
                    pending = 0;
                }
            }

            if (progress is not null)
            {
                progress.Report(Math.Min(1.0, (double)Interlocked.Add(ref done, pending) / total));
            }

            return chunk;
        }, options);
        return FeatureTableChunk.Join(catalog, asOf, chunks);
    }

    /// <summary>One customer's features at <paramref name="asOf"/>; null for an unknown customer.</summary>
    public static FeatureValues? EvaluateCustomer(IStore store, FeatureContext context, string customerId, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(context);
        var at = Millis.Of(asOf);
        return HistoryReader.ReadCustomer(store, context, customerId, at) is { } history
            ? context.Catalog.Evaluate(history, at)
            : null;
    }
}
