using Kizuki.Storage;

namespace Kizuki.LiveScoring;

internal sealed partial class LiveScorer
{
    /// <summary>How many days of stored scores seed the probability trails: the 7-day change reads back 7 days, plus a margin.</summary>
    private const int TrailSeedDays = 9;

    /// <summary>
    /// Seeds each customer's probability trail (what <c>churn_probability_change_1d</c> and <c>_7d</c> read) from the stored
    /// scores of the active model from <see cref="TrailSeedDays"/> days before <paramref name="reference"/> up to <paramref name="until"/>, so a restarted scorer
    /// sees the same changes as one that kept running. Returns how many scores were read.
    /// </summary>
    private int SeedTrails(DateTimeOffset reference, DateTimeOffset until, Func<string, bool>? customer)
    {
        if (_rowModel is null)
        {
            return 0;
        }

        var count = 0;
        foreach (var (id, asOf, probability) in LiveScoreReads.Recent(_store, reference.AddDays(-TrailSeedDays), until, _rowModel.Version))
        {
            if (customer is null || customer(id))
            {
                // Scores come in as-of order, so the latest of each day is the one kept.
                Trail(id).Record(asOf.ToUnixTimeMilliseconds() / 86_400_000L, probability);
                _latestScore[id] = asOf;
                count++;
            }
        }

        return count;
    }

    private readonly Dictionary<string, DateTimeOffset> _latestScore = new(StringComparer.Ordinal);

    /// <summary>A customer's latest probability per day over the last week and a bit: what the 1-day and 7-day changes read.</summary>
    private sealed class ProbabilityTrail
    {
        private const int Days = 9;
        private readonly long[] _day = Enumerable.Repeat(long.MinValue, Days).ToArray();
        private readonly double[] _value = new double[Days];

        public void Record(long day, double probability)
        {
            var slot = (int)(((day % Days) + Days) % Days);
            _day[slot] = day;
            _value[slot] = probability;
        }

        /// <summary>The latest probability recorded on <paramref name="day"/> or the closest day before it (within the trail); NaN when none.</summary>
        public double At(long day)
        {
            for (var d = day; d > day - Days + 1; d--)
            {
                var slot = (int)(((d % Days) + Days) % Days);
                if (_day[slot] == d)
                {
                    return _value[slot];
                }
            }

            return double.NaN;
        }
    }
}
