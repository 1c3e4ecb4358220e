using Kizuki.Features;
using Kizuki.Features.Batch;
using Kizuki.Features.History;
using Kizuki.Storage;

namespace Kizuki.Lifetime;

public sealed partial record LifetimeFeatureModels
{
    /// <summary>Fits the purchase model at every as-of (ms) from the customers' histories, each fit on orders strictly before its as-of.</summary>
    /// <param name="histories">Every customer's history; each is read once (it may be reused by the caller afterwards).</param>
    /// <param name="asOfs">The as-of instants (ms), e.g. a training set's cutoffs and the end of its data; duplicates count once.</param>
    /// <param name="model"><c>bgnbd</c> or <c>pareto</c>.</param>
    /// <param name="windowDays">The churn window, in days.</param>
    /// <param name="options">How the models are fitted; the defaults when null.</param>
    /// <remarks>A fit the data cannot identify is kept with its reason (<see cref="LifetimeFeatureFit.Failure"/>): its features are missing, nothing throws.</remarks>
    public static LifetimeFeatureModels Fit(IEnumerable<CustomerHistory> histories, IReadOnlyList<long> asOfs, string model, int windowDays,
        LifetimeFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var times = Times(asOfs);
        var summaries = Collect(histories, times);
        return FitAll(summaries, times, model, windowDays, options);
    }

    /// <summary>Fits the purchase model at every as-of (ms) from a store's orders (read once, in parallel on SQLite), each fit on orders strictly before its as-of.</summary>
    public static LifetimeFeatureModels Fit(IStore store, IReadOnlyList<long> asOfs, string model, int windowDays, LifetimeFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var times = Times(asOfs);
        if (times.Length == 0)
        {
            return FitAll([], times, model, windowDays, options);
        }

        var context = new FeatureContext(new FeatureSettings());
        var parts = HistoryReader.ReadPartitioned(store, context, times[^1], histories => Collect(histories, times),
            HistoryReadOptions.Default with { ReuseHistory = true });
        var merged = new List<CustomerSummary>[times.Length];
        for (var t = 0; t < times.Length; t++)
        {
            merged[t] = [.. parts.SelectMany(p => p[t])];
        }

        return FitAll(merged, times, model, windowDays, options);
    }

    private static long[] Times(IReadOnlyList<long> asOfs)
    {
        ArgumentNullException.ThrowIfNull(asOfs);
        return [.. asOfs.Distinct().Order()];
    }

    private static List<CustomerSummary>[] Collect(IEnumerable<CustomerHistory> histories, long[] times)
    {
        var lists = times.Select(_ => new List<CustomerSummary>()).ToArray();
        foreach (var history in histories)
        {
            for (var t = 0; t < times.Length; t++)
            {
                if (Summarise(history, times[t]) is { } summary)
                {
                    lists[t].Add(summary);
                }
            }
        }

        return lists;
    }

    private static LifetimeFeatureModels FitAll(IReadOnlyList<List<CustomerSummary>> summaries, long[] times, string model, int windowDays,
        LifetimeFitOptions? options)
    {
        var result = new LifetimeFeatureModels(model, windowDays, []);
        result.Validate();
        var fits = new LifetimeFeatureFit[times.Length];
        Parallel.For(0, times.Length, t => fits[t] = FitOne(summaries[t], Millis.ToInstant(times[t]), model, options));
        return result with { Fits = fits };
    }

    /// <summary>
    /// One fit; a shop whose customers show no dropout is fitted at the NBD limit (a = 0 or s = 0, see
    /// <see cref="NoDropoutLimit"/>). Any other failure is tried once more with bounds a thousand times wider; the first
    /// failure's reason is kept.
    /// </summary>
    private static LifetimeFeatureFit FitOne(List<CustomerSummary> summaries, DateTimeOffset asOf, string model, LifetimeFitOptions? options)
    {
        options ??= LifetimeFitOptions.Default;
        try
        {
            return new LifetimeFeatureFit(asOf, model, FitParameters(summaries, model, options), summaries.Count, null);
        }
        catch (LifetimeFitException e)
        {
            try
            {
                var wider = options with { LowerBound = options.LowerBound / 1000, UpperBound = options.UpperBound * 1000 };
                return new LifetimeFeatureFit(asOf, model, FitParameters(summaries, model, wider), summaries.Count, null);
            }
            catch (LifetimeFitException)
            {
                return new LifetimeFeatureFit(asOf, model, null, summaries.Count, e.Message);
            }
        }
    }

    private static double[] FitParameters(List<CustomerSummary> summaries, string model, LifetimeFitOptions options)
    {
        if (model == ParetoModel)
        {
            var p = ParetoNbdModel.Fit(summaries, TimePeriod.Day, options);
            return [p.R, p.Alpha, p.S, p.Beta];
        }

        var b = BgNbdModel.Fit(summaries, TimePeriod.Day, options);
        return [b.R, b.Alpha, b.A, b.B];
    }
}
