namespace Kizuki.Demo;

/// <summary>Generates customers in parallel chunks on the thread pool and hands the chunks back strictly in customer order.</summary>
/// <remarks>
/// A sliding window of chunks is in flight at any time (two per core), which keeps every core busy without a barrier
/// between batches and keeps memory flat. The caller's thread only consumes, so the import session is used from one thread.
/// </remarks>
internal static class OrderedGeneration
{
    public static IEnumerable<CustomerRecords[]> Run(
        int count, Func<int, CustomerRecords> make, int chunkSize, CancellationToken cancellationToken)
    {
        var chunks = (count + chunkSize - 1) / chunkSize;
        var window = Math.Max(2, Environment.ProcessorCount * 2);
        var pending = new Queue<Task<CustomerRecords[]>>(window);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = 0;
        try
        {
            while (next < chunks && pending.Count < window)
            {
                pending.Enqueue(Start(next++, count, make, chunkSize, cancel.Token));
            }

            while (pending.Count > 0)
            {
                var chunk = pending.Dequeue().GetAwaiter().GetResult();
                if (next < chunks)
                {
                    pending.Enqueue(Start(next++, count, make, chunkSize, cancel.Token));
                }

                yield return chunk;
            }
        }
        finally
        {
            cancel.Cancel();
            foreach (var task in pending)
            {
                try
                {
                    task.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // Chunks still in flight when the consumer stops are abandoned; their outcome no longer matters.
                }
            }
        }
    }

    private static Task<CustomerRecords[]> Start(
        int chunkIndex, int count, Func<int, CustomerRecords> make, int chunkSize, CancellationToken token) =>
        Task.Run(
            () =>
            {
                var from = chunkIndex * chunkSize;
                var to = Math.Min(count, from + chunkSize);
                var chunk = new CustomerRecords[to - from];
                for (var c = from; c < to; c++)
                {
                    token.ThrowIfCancellationRequested();
                    chunk[c - from] = make(c);
                }

                return chunk;
            },
            token);
}
