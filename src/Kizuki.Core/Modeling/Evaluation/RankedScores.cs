namespace Kizuki.Modeling.Evaluation;

/// <summary>Scores sorted once, grouped by equal value, so AUC and bootstrap resamples cost O(n) each.</summary>
internal sealed class RankedScores
{
    private readonly int[] _order;
    private readonly int[] _groupStart;
    private readonly bool[] _positive;

    private RankedScores(int[] order, int[] groupStart, bool[] positive, int positives)
    {
        _order = order;
        _groupStart = groupStart;
        _positive = positive;
        Positives = positives;
        Negatives = order.Length - positives;
    }

    /// <summary>Number of positive rows.</summary>
    public int Positives { get; }

    /// <summary>Number of negative rows.</summary>
    public int Negatives { get; }

    /// <summary>Number of distinct scores.</summary>
    public int GroupCount => _groupStart.Length - 1;

    /// <summary>Row count.</summary>
    public int Rows => _order.Length;

    /// <summary>Sorts the scores ascending and groups ties.</summary>
    public static RankedScores Create(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels)
    {
        BinaryMetrics.Check(scores, labels);
        var order = new int[scores.Length];
        var positive = new bool[scores.Length];
        var positives = 0;
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            positive[i] = labels[i] == 1.0;
            positives += positive[i] ? 1 : 0;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        var starts = new List<int> { 0 };
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] != keys[i - 1])
            {
                starts.Add(i);
            }
        }

        if (keys.Length > 0)
        {
            starts.Add(keys.Length);
        }

        return new RankedScores(order, [.. starts], positive, positives);
    }

    /// <summary>Positive and negative counts in a tie group, each row counted <paramref name="multiplicity"/> times (1 when null).</summary>
    public (double Positives, double Negatives) GroupCounts(int group, int[]? multiplicity)
    {
        double p = 0, n = 0;
        for (var k = _groupStart[group]; k < _groupStart[group + 1]; k++)
        {
            var row = _order[k];
            var m = multiplicity is null ? 1 : multiplicity[row];
            if (_positive[row])
            {
                p += m;
            }
            else
            {
                n += m;
            }
        }

        return (p, n);
    }

    /// <summary>The ROC-AUC with each row counted by its multiplicity (null = once); NaN with one class only.</summary>
    public double Auc(int[]? multiplicity)
    {
        double negativesBelow = 0, pairs = 0, positives = 0;
        for (var g = 0; g < GroupCount; g++)
        {
            var (p, n) = GroupCounts(g, multiplicity);
            pairs += p * (negativesBelow + (0.5 * n));
            negativesBelow += n;
            positives += p;
        }

        return positives == 0 || negativesBelow == 0 ? double.NaN : pairs / (positives * negativesBelow);
    }
}
