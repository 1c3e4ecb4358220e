namespace Kizuki.Modeling.Linear;

/// <summary>The preprocessing learned at fit: column plans and the size of the expanded space.</summary>
internal sealed class LinearEncoding
{
    public LinearEncoding(IReadOnlyList<LinearColumnPlan> plans, int expandedCount)
    {
        Plans = plans;
        ExpandedCount = expandedCount;
        MaxNonZero = plans.Sum(p => p.IsCategorical ? 1 : 2);
    }

    /// <summary>One plan per input column.</summary>
    public IReadOnlyList<LinearColumnPlan> Plans { get; }

    /// <summary>Number of expanded terms (without the intercept).</summary>
    public int ExpandedCount { get; }

    /// <summary>The most non-zero terms one row can have.</summary>
    public int MaxNonZero { get; }

    /// <summary>Learns the plans from training rows.</summary>
    public static LinearEncoding Learn(DesignMatrix x, int minCategoryCount)
    {
        var plans = new LinearColumnPlan[x.ColumnCount];
        var offset = 0;
        for (var c = 0; c < x.ColumnCount; c++)
        {
            var categories = x.Columns[c].Categories;
            plans[c] = categories is null ? LearnNumeric(x, c, ref offset) : LearnCategorical(x, c, categories.Count, minCategoryCount, ref offset);
        }

        return new LinearEncoding(plans, offset);
    }

    /// <summary>Writes the non-zero expanded terms of a row, indices ascending; returns how many.</summary>
    public int Encode(ReadOnlySpan<double> row, Span<int> index, Span<double> value)
    {
        var n = 0;
        for (var c = 0; c < Plans.Count; c++)
        {
            var plan = Plans[c];
            var v = row[c];
            if (plan.IsCategorical)
            {
                var o = plan.CategoryOffset(v);
                if (o >= 0)
                {
                    index[n] = o;
                    value[n++] = 1.0;
                }
            }
            else if (double.IsNaN(v))
            {
                if (plan.MissingOffset >= 0)
                {
                    index[n] = plan.MissingOffset;
                    value[n++] = 1.0;
                }
            }
            else
            {
                index[n] = plan.ValueOffset;
                value[n++] = (v - plan.Mean) / plan.Scale;
            }
        }

        return n;
    }

    private static LinearColumnPlan LearnNumeric(DesignMatrix x, int c, ref int offset)
    {
        double sum = 0, count = 0;
        var missing = false;
        for (var r = 0; r < x.Rows; r++)
        {
            var v = x[r, c];
            if (double.IsNaN(v))
            {
                missing = true;
                continue;
            }

            if (double.IsInfinity(v))
            {
                throw new ArgumentException($"Column '{x.Columns[c].Name}' row {r} is infinite; use NaN for a missing value.", nameof(x));
            }

            sum += v;
            count++;
        }

        var mean = count > 0 ? sum / count : 0.0;
        double squares = 0;
        for (var r = 0; r < x.Rows; r++)
        {
            var v = x[r, c];
            if (!double.IsNaN(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        var sd = count > 0 ? Math.Sqrt(squares / count) : 0.0;
        var valueOffset = offset++;
        var missingOffset = missing ? offset++ : -1;
        return new LinearColumnPlan(mean, sd > 1e-12 * Math.Max(1.0, Math.Abs(mean)) ? sd : 1.0, valueOffset, missingOffset, null);
    }

    private static LinearColumnPlan LearnCategorical(DesignMatrix x, int c, int categoryCount, int minCount, ref int offset)
    {
        var counts = new int[categoryCount];
        for (var r = 0; r < x.Rows; r++)
        {
            var v = x[r, c];
            if (v >= 0 && v < categoryCount && v == Math.Floor(v))
            {
                counts[(int)v]++;
            }
        }

        var offsets = new int[categoryCount];
        for (var k = 0; k < categoryCount; k++)
        {
            offsets[k] = counts[k] >= minCount ? offset++ : -1;
        }

        return new LinearColumnPlan(0.0, 1.0, -1, -1, offsets);
    }
}
