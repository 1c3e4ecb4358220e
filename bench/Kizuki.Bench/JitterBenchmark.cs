using System.Diagnostics;
using System.Globalization;

namespace Kizuki.Bench;

/// <summary>
/// How often the machine itself stops a running thread: threads spin reading the clock and count the gaps between
/// consecutive reads (time the thread did not run: the hypervisor's steal, interrupts, other processes). No allocation,
/// no I/O and no locks in the loop, so every gap is the machine's. Read beside the live latency: a pause inside a live
/// step delays every event of that step.
/// </summary>
internal static class JitterBenchmark
{
    public static int Run(string[] args)
    {
        var seconds = Option(args, "--seconds", 20);
        var threads = Option(args, "--threads", Environment.ProcessorCount);
        var results = new (int Over1, int Over2, int Over5, double Max)[threads];
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(() => results[i] = Spin(seconds)) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        for (var i = 0; i < threads; i++)
        {
            var (over1, over2, over5, max) = results[i];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"thread {i + 1} of {threads}, {seconds} s spinning: gaps > 1 ms {over1}, > 2 ms {over2}, > 5 ms {over5}, longest {max:F2} ms"));
        }

        return 0;
    }

    private static (int Over1, int Over2, int Over5, double Max) Spin(int seconds)
    {
        var ticksPerMs = Stopwatch.Frequency / 1000.0;
        var end = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        var last = Stopwatch.GetTimestamp();
        int over1 = 0, over2 = 0, over5 = 0;
        long longest = 0;
        while (last < end)
        {
            var now = Stopwatch.GetTimestamp();
            var gap = now - last;
            last = now;
            over1 += gap > ticksPerMs ? 1 : 0;
            over2 += gap > 2 * ticksPerMs ? 1 : 0;
            over5 += gap > 5 * ticksPerMs ? 1 : 0;
            longest = Math.Max(longest, gap);
        }

        return (over1, over2, over5, longest / ticksPerMs);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
