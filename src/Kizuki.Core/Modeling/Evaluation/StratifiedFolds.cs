namespace Kizuki.Modeling.Evaluation;

/// <summary>Seeded, stratified assignment of rows to cross-validation folds.</summary>
internal static class StratifiedFolds
{
    /// <summary>
    /// The fold (0 to <paramref name="folds"/> − 1) of each row: positives and negatives are each shuffled with the seed and
    /// dealt round-robin, so every fold holds nearly the same share of each class. Same inputs, same folds.
    /// </summary>
    public static int[] Assign(ReadOnlySpan<double> labels, int folds, int seed)
    {
        if (folds < 2 || folds > labels.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"folds must be in 2..{labels.Length} (the row count).");
        }

        var positives = new List<int>();
        var negatives = new List<int>();
        for (var i = 0; i < labels.Length; i++)
        {
            (labels[i] == 1.0 ? positives : negatives).Add(i);
        }

        var random = new Random(seed);
        var result = new int[labels.Length];
        var next = 0;
        foreach (var group in new[] { positives, negatives })
        {
            for (var i = group.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (group[i], group[j]) = (group[j], group[i]);
            }

            foreach (var row in group)
            {
                result[row] = next++ % folds;
            }
        }

        return result;
    }
}
