namespace Kizuki.Features.Batch;

/// <summary>How <see cref="HistoryReader"/> reads a store.</summary>
public sealed record HistoryReadOptions
{
    /// <summary>Worker threads, each with its own connection and range of customers. Default: the number of processors.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Ranges of customer ids per worker (more ranges balance the load better). Default 4, from 1 to 64.</summary>
    public int RangesPerWorker { get; init; } = 4;

    /// <summary>
    /// Read the SQLite file directly (one ordered query per table, no domain records for activities) instead of through
    /// the store's record reads. Default true; the record reads are used for other engines whatever this says.
    /// </summary>
    public bool UseSqliteFastPath { get; init; } = true;

    /// <summary>
    /// Bytes of the SQLite file each reading connection maps into memory (0 = none). Default 2 GiB (SQLite's ceiling):
    /// mapped reads avoid copying pages and make the index-ordered scans about a third faster. Mapped pages are shared
    /// with the operating system's file cache, but count in the process's resident size.
    /// </summary>
    public long SqliteMemoryMapBytes { get; init; } = 2_147_418_112;

    /// <summary>
    /// Hand out one <see cref="History.CustomerHistory"/> object per range, cleared and refilled for each customer, instead
    /// of a new one per customer. Default false. Set it only when every history is used up before the next one is asked
    /// for (as feature tables and training sets do): it saves allocating and collecting a history's arrays per customer.
    /// </summary>
    public bool ReuseHistory { get; init; }

    /// <summary>
    /// Read the activities from the activity snapshot beside the SQLite file (built when missing or stale, and trusted
    /// only at the store's current data generation) instead of the activities table. Default true: walking the
    /// mapped snapshot costs a small fraction of stepping SQLite through every row. Building it costs about one direct
    /// read, so a run after each import pays that once; the store is read directly when it has no data generation or
    /// the snapshot cannot be written.
    /// </summary>
    public bool UseActivitySnapshot { get; init; } = true;

    /// <summary>The default options.</summary>
    public static HistoryReadOptions Default { get; } = new();

    /// <summary>Checks ranges; throws naming the option and its range.</summary>
    public void Validate()
    {
        if (Workers is < 1 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "Workers must be between 1 and 256.");
        }

        if (RangesPerWorker is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(RangesPerWorker), RangesPerWorker, "RangesPerWorker must be between 1 and 64.");
        }

        if (SqliteMemoryMapBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SqliteMemoryMapBytes), SqliteMemoryMapBytes, "SqliteMemoryMapBytes must be 0 or more.");
        }
    }
}
