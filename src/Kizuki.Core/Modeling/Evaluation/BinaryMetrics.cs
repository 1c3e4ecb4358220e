namespace Kizuki.Modeling.Evaluation;

/// <summary>Metrics of predicted probabilities against 0/1 labels. Each returns NaN when it is undefined (e.g. one class only).</summary>
internal static partial class BinaryMetrics
{
    /// <summary>The smallest probability a log loss uses (and 1 minus the largest), so one confident miss stays finite.</summary>
    public const double LogLossClip = 1e-15;

    /// <summary>Area under the ROC curve, exact: the Mann–Whitney statistic with tied scores counted as half.</summary>
    public static double RocAuc(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels)
    {
        var ranked = RankedScores.Create(scores, labels);
        return ranked.Auc(null);
    }

    /// <summary>Average precision (area under the precision–recall curve as a step sum; tied scores form one threshold).</summary>
    public static double AveragePrecision(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels)
    {
        var ranked = RankedScores.Create(scores, labels);
        if (ranked.Positives == 0)
        {
            return double.NaN;
        }

        double truePositives = 0, falsePositives = 0, sum = 0;
        for (var g = ranked.GroupCount - 1; g >= 0; g--)
        {
            var (positives, negatives) = ranked.GroupCounts(g, null);
            truePositives += positives;
            falsePositives += negatives;
            if (positives > 0)
            {
                sum += truePositives / (truePositives + falsePositives) * positives;
            }
        }

        return sum / ranked.Positives;
    }

    /// <summary>Mean negative log-likelihood, with probabilities clipped to [1e-15, 1 − 1e-15].</summary>
    public static double LogLoss(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> labels)
    {
        Check(probabilities, labels);
        double sum = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = Math.Clamp(probabilities[i], LogLossClip, 1 - LogLossClip);
            sum -= labels[i] == 1.0 ? Math.Log(p) : Math.Log(1 - p);
        }

        return probabilities.IsEmpty ? double.NaN : sum / probabilities.Length;
    }

    /// <summary>Mean squared difference between probability and label.</summary>
    public static double BrierScore(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> labels)
    {
        Check(probabilities, labels);
        double sum = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var d = probabilities[i] - labels[i];
            sum += d * d;
        }

        return probabilities.IsEmpty ? double.NaN : sum / probabilities.Length;
    }

    /// <summary>The share of churners among the <paramref name="k"/> highest scores (ties by row order; k above the row count uses every row).</summary>
    public static TopKPrecision PrecisionAtK(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        Check(scores, labels);
        var order = Descending(scores);
        var taken = Math.Min(k, order.Length);
        var hits = 0;
        for (var i = 0; i < taken; i++)
        {
            hits += labels[order[i]] == 1.0 ? 1 : 0;
        }

        return new TopKPrecision(k, taken, hits, taken == 0 ? double.NaN : (double)hits / taken);
    }

    /// <summary>Lift and capture in the top <paramref name="fraction"/> of rows by score (ceiling of fraction × rows; ties by row order).</summary>
    public static LiftAtFraction Lift(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, double fraction)
    {
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be in (0, 1].");
        }

        Check(scores, labels);
        var order = Descending(scores);
        var taken = (int)Math.Ceiling(Math.Round(fraction * order.Length, 9));
        double hits = 0, positives = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var positive = labels[order[i]] == 1.0 ? 1 : 0;
            positives += positive;
            hits += i < taken ? positive : 0;
        }

        var precision = taken == 0 ? double.NaN : hits / taken;
        var baseRate = order.Length == 0 ? double.NaN : positives / order.Length;
        return new LiftAtFraction(fraction, taken, (int)hits, precision, precision / baseRate, positives == 0 ? double.NaN : hits / positives);
    }

    /// <summary>Row indices by score, highest first, ties in row order.</summary>
    internal static int[] Descending(ReadOnlySpan<double> scores)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(order, (a, b) => keys[b] != keys[a] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>Equal lengths, labels 0 or 1, no NaN score.</summary>
    internal static void Check(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"{scores.Length} scores for {labels.Length} labels.", nameof(labels));
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] is not (0.0 or 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Row {i}: a label must be 0 or 1.");
            }

            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(scores), scores[i], $"Row {i}: a score must not be NaN.");
            }
        }
    }
}

/// <summary>Precision among the top k.</summary>
/// <param name="K">The k asked for.</param>
/// <param name="Taken">Rows actually taken (k, or every row when there are fewer).</param>
/// <param name="Churners">Churners among them.</param>
/// <param name="Precision">Churners / taken.</param>
internal sealed record TopKPrecision(int K, int Taken, int Churners, double Precision);

/// <summary>What targeting the top share of customers by score catches.</summary>
/// <param name="Fraction">The share targeted, e.g. 0.1 for the top 10%.</param>
/// <param name="Taken">Rows in that share.</param>
/// <param name="Churners">Churners among them.</param>
/// <param name="Precision">Churners / taken.</param>
/// <param name="Lift">Precision divided by the overall churn rate (1 = no better than random).</param>
/// <param name="Capture">Share of all churners caught (recall).</param>
internal sealed record LiftAtFraction(double Fraction, int Taken, int Churners, double Precision, double Lift, double Capture);
