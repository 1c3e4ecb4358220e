using Kizuki.Features.Labels;

namespace Kizuki.Modeling.Churn;

/// <summary>The rows of a training set grouped by cutoff, oldest first.</summary>
internal sealed class TimeSplit
{
    private readonly TrainingSet _set;
    private readonly List<int>[] _rows;

    private TimeSplit(TrainingSet set)
    {
        _set = set;
        Cutoffs = [.. set.Cutoffs.Distinct().Order()];
        var index = Cutoffs.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        _rows = [.. Cutoffs.Select(_ => new List<int>())];
        for (var r = 0; r < set.RowCount; r++)
        {
            _rows[index[set.Cutoffs[r]]].Add(r);
        }
    }

    /// <summary>The distinct cutoffs, oldest first.</summary>
    public IReadOnlyList<long> Cutoffs { get; }

    public static TimeSplit Of(TrainingSet set) => new(set);

    /// <summary>Rows of the cutoff at position <paramref name="cutoff"/>.</summary>
    public IReadOnlyList<int> RowsAt(int cutoff) => _rows[cutoff];

    /// <summary>Rows of every cutoff before position <paramref name="cutoff"/>.</summary>
    public IReadOnlyList<int> RowsBefore(int cutoff) => [.. _rows.Take(cutoff).SelectMany(r => r)];

    /// <summary>The labels of some rows as doubles.</summary>
    public double[] Labels(IReadOnlyList<int> rows) => [.. rows.Select(r => (double)_set.Labels[r])];
}
