using Kizuki.Domain;
using Kizuki.Storage;

namespace Kizuki.Web.Dashboard;

/// <summary>The latest scores of every customer, with band counts per as-of date, read once and reused for a short while.</summary>
/// <remarks>
/// The pages all start from the same question (who is at risk now, and how did that change), so one pass over the stored
/// scores and customers answers all of them. Only the very first request (and the first after <see cref="Invalidate"/>)
/// waits for that pass; once the snapshot is older than <see cref="KizukiWebOptions.SnapshotLifetime"/>, requests keep
/// getting it while one background pass builds the next, because at 100,000 customers a pass costs seconds of CPU and
/// no page should pay for it. A failed background pass is logged and the old snapshot served until the next one succeeds.
/// </remarks>
internal sealed partial class ScoreBoard(IStore store, TimeProvider time, KizukiWebOptions options, ILogger<ScoreBoard> logger)
{
    private readonly Lock gate = new();
    private readonly Lock firstBuild = new();
    private ScoreSnapshot? current;
    private DateTimeOffset builtAt;
    private long generation;
    private Task? refreshing;

    /// <summary>The snapshot; built on first use, then refreshed in the background when older than the configured lifetime.</summary>
    public ScoreSnapshot Current()
    {
        lock (gate)
        {
            if (current is not null)
            {
                if (time.GetUtcNow() - builtAt >= options.SnapshotLifetime && refreshing is null)
                {
                    var started = generation;
                    refreshing = Task.Run(() => Refresh(started));
                }

                return current;
            }
        }

        lock (firstBuild)
        {
            long started;
            lock (gate)
            {
                if (current is not null)
                {
                    return current;
                }

                started = generation;
            }

            var built = Build();
            lock (gate)
            {
                if (generation == started)
                {
                    current = built;
                    builtAt = time.GetUtcNow();
                }
            }

            return built;
        }
    }

    /// <summary>The background pass under way, or a completed task (tests wait on it).</summary>
    internal Task Refreshing
    {
        get
        {
            lock (gate)
            {
                return refreshing ?? Task.CompletedTask;
            }
        }
    }

    /// <summary>Forgets the snapshot so the next read sees the store as it is (a background pass already running is discarded).</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            current = null;
            generation++;
        }
    }

    private void Refresh(long started)
    {
        try
        {
            var built = Build();
            lock (gate)
            {
                if (generation == started)
                {
                    current = built;
                    builtAt = time.GetUtcNow();
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RefreshFailed(logger, e);
        }
        finally
        {
            lock (gate)
            {
                refreshing = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "スコアの再集計に失敗しました。前回の集計を表示し続けます。 / Rebuilding the score snapshot failed; the previous one is served.")]
    private static partial void RefreshFailed(ILogger logger, Exception exception);

    private ScoreSnapshot Build()
    {
        var customers = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var customer in store.Customers())
        {
            customers[customer.Id] = customer;
        }

        var churned = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var churn in store.ChurnEvents())
        {
            churned.TryAdd(churn.CustomerId, churn.OccurredAt);
        }

        var latestOfCustomer = new Dictionary<string, StoredScore>(StringComparer.Ordinal);
        var counts = new Dictionary<DateTimeOffset, int[]>();
        StoredScore? pending = null;
        foreach (var score in store.Scores())
        {
            // Scores come by customer, as-of, model version: keep the most recently computed one of each (customer, as-of).
            if (pending is not null && (pending.CustomerId != score.CustomerId || pending.AsOf != score.AsOf))
            {
                Count(pending, counts, latestOfCustomer);
                pending = null;
            }

            if (pending is null || score.ScoredAt >= pending.ScoredAt)
            {
                pending = score;
            }
        }

        if (pending is not null)
        {
            Count(pending, counts, latestOfCustomer);
        }

        DateTimeOffset? asOf = counts.Count == 0 ? null : counts.Keys.Max();
        var rows = latestOfCustomer.Values
            .Where(s => s.AsOf == asOf)
            .Select(s => Row(s, customers.GetValueOrDefault(s.CustomerId)))
            .OrderByDescending(r => r.RevenueAtRisk).ThenByDescending(r => r.Probability).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var trend = counts.OrderBy(c => c.Key).Select(c => new BandCounts(c.Key, c.Value[2], c.Value[1], c.Value[0])).ToList();
        return new ScoreSnapshot(asOf, rows, rows.ToDictionary(r => r.Id, StringComparer.Ordinal), trend, customers, churned);
    }

    private static void Count(StoredScore score, Dictionary<DateTimeOffset, int[]> counts, Dictionary<string, StoredScore> latest)
    {
        if (!counts.TryGetValue(score.AsOf, out var bands))
        {
            counts[score.AsOf] = bands = new int[3];
        }

        bands[(int)score.Band]++;
        latest[score.CustomerId] = score;
    }

    private static CustomerRow Row(StoredScore score, Customer? customer)
    {
        var reasons = ReasonReader.Read(score.Reasons);
        var top = reasons is { Raising.Count: > 0 } ? reasons.Raising[0] : null;
        return new CustomerRow(
            score.CustomerId, customer?.Name, score.Probability, score.Band, score.RevenueAtRisk, score.ModelVersion,
            top?.Group, top?.Ja, top?.En, reasons?.Action?.Ja, reasons?.Action?.En,
            customer?.Segment.Industry, customer?.Segment.Plan, customer?.Segment.Region);
    }
}

/// <summary>Every customer's latest score at the latest as-of date, and the band counts of every as-of date.</summary>
/// <param name="AsOf">The latest as-of instant scored; null when nothing is scored yet.</param>
/// <param name="Ranked">Customers scored at <paramref name="AsOf"/>, by revenue at risk (highest first).</param>
/// <param name="ById">The same rows by customer id.</param>
/// <param name="Trend">Band counts per as-of instant, oldest first.</param>
/// <param name="Customers">Every customer by id.</param>
/// <param name="Churned">Customers with a churn event, with the first one's instant.</param>
internal sealed record ScoreSnapshot(
    DateTimeOffset? AsOf,
    IReadOnlyList<CustomerRow> Ranked,
    IReadOnlyDictionary<string, CustomerRow> ById,
    IReadOnlyList<BandCounts> Trend,
    IReadOnlyDictionary<string, Customer> Customers,
    IReadOnlyDictionary<string, DateTimeOffset> Churned)
{
    /// <summary>The counts of the latest as-of instant at or before <paramref name="instant"/>, or null.</summary>
    public BandCounts? CountsAtOrBefore(DateTimeOffset instant)
    {
        for (var i = Trend.Count - 1; i >= 0; i--)
        {
            if (Trend[i].AsOf <= instant)
            {
                return Trend[i];
            }
        }

        return null;
    }
}

/// <summary>One customer in a list: the latest score with its top reason and suggested action.</summary>
internal sealed record CustomerRow(
    string Id,
    string? Name,
    double Probability,
    RiskBand Band,
    decimal RevenueAtRisk,
    int ModelVersion,
    string? TopReasonGroup,
    string? TopReasonJa,
    string? TopReasonEn,
    string? ActionJa,
    string? ActionEn,
    string? Industry,
    string? Plan,
    string? Region);

/// <summary>How many customers fell in each band at one as-of instant.</summary>
internal sealed record BandCounts(DateTimeOffset AsOf, int High, int Medium, int Low);
