namespace Kizuki.Modeling.Linear;

/// <summary>A fitted logistic regression: preprocessing plans and coefficients. Immutable and thread-safe.</summary>
internal sealed partial class LogisticRegressionModel : IChurnModel
{
    private readonly LinearEncoding _encoding;
    private readonly double[] _weights;
    private readonly double[] _references;
    private readonly double[] _slopes;
    private readonly double[] _missingWeights;
    private readonly double[]?[] _categoryWeights;
    private readonly double[] _columnBases;

    internal LogisticRegressionModel(
        IReadOnlyList<ModelColumn> columns, LinearEncoding encoding, double intercept, double[] weights, double[] references, LogisticFitSummary fit)
    {
        Columns = columns;
        _encoding = encoding;
        Intercept = intercept;
        _weights = weights;
        _references = references;
        Fit = fit;
        var count = columns.Count;
        _slopes = new double[count];
        _missingWeights = new double[count];
        _categoryWeights = new double[]?[count];
        _columnBases = new double[count];
        var terms = new List<LinearTerm>(encoding.ExpandedCount);
        for (var c = 0; c < count; c++)
        {
            Prepare(c, terms);
        }

        Coefficients = terms;
        BaseValue = intercept - _columnBases.Sum();
    }

    /// <inheritdoc />
    public string Kind => LogisticRegressionEstimator.KindName;

    /// <inheritdoc />
    public IReadOnlyList<ModelColumn> Columns { get; }

    /// <summary>The intercept (log-odds when every expanded term is 0, i.e. numeric columns at their means).</summary>
    public double Intercept { get; }

    /// <summary>Every coefficient, grouped by input column in column order.</summary>
    public IReadOnlyList<LinearTerm> Coefficients { get; }

    /// <summary>The raw score at the reference point (every term at its training mean): the base value of contributions.</summary>
    public double BaseValue { get; }

    /// <summary>How the fit went.</summary>
    public LogisticFitSummary Fit { get; }

    /// <inheritdoc />
    public void PredictRaw(DesignMatrix x, Span<double> output)
    {
        CheckColumns(x);
        if (output.Length < x.Rows)
        {
            throw new ArgumentException($"The output holds {output.Length} values for {x.Rows} rows.", nameof(output));
        }

        for (var r = 0; r < x.Rows; r++)
        {
            output[r] = Score(x.Row(r));
        }
    }

    /// <inheritdoc />
    public double PredictRaw(ReadOnlySpan<double> row)
    {
        if (row.Length != Columns.Count)
        {
            throw new ArgumentException($"The row has {row.Length} values; the model expects {Columns.Count}.", nameof(row));
        }

        return Score(row);
    }

    /// <summary>
    /// Exact additive contributions: for each row, one value per input column then the base value last
    /// (row-major, width <c>Columns.Count + 1</c>); each row sums to <see cref="PredictRaw(ReadOnlySpan{double})"/>.
    /// </summary>
    /// <remarks>
    /// A column's contribution is <c>Σ w_t · (e_t − mean_t)</c> over its expanded terms e_t, where mean_t is the term's mean
    /// over the training rows. The reference point is therefore the average training customer, and the base value is the
    /// raw score there. This equals linear SHAP with the training data as background (features taken as independent).
    /// </remarks>
    public double[] Contributions(DesignMatrix x)
    {
        CheckColumns(x);
        var width = Columns.Count + 1;
        var output = new double[x.Rows * width];
        for (var r = 0; r < x.Rows; r++)
        {
            Contributions(x.Row(r), output.AsSpan(r * width, width));
        }

        return output;
    }

    /// <summary>The contributions of one row into <paramref name="output"/> (length <c>Columns.Count + 1</c>, base value last).</summary>
    public void Contributions(ReadOnlySpan<double> row, Span<double> output)
    {
        if (row.Length != Columns.Count || output.Length != Columns.Count + 1)
        {
            throw new ArgumentException($"Expected a row of {Columns.Count} values and an output of {Columns.Count + 1}.", nameof(row));
        }

        for (var c = 0; c < row.Length; c++)
        {
            output[c] = _columnBases[c] + Term(c, row[c]);
        }

        output[^1] = BaseValue;
    }

    private double Score(ReadOnlySpan<double> row)
    {
        var z = Intercept;
        for (var c = 0; c < row.Length; c++)
        {
            z += Term(c, row[c]);
        }

        return z;
    }

    private double Term(int c, double v)
    {
        var categories = _categoryWeights[c];
        if (categories is not null)
        {
            if (!(v >= 0 && v < categories.Length))
            {
                return 0.0;
            }

            var code = (int)v;
            return code == v ? categories[code] : 0.0;
        }

        return double.IsNaN(v) ? _missingWeights[c] : _slopes[c] * (v - _encoding.Plans[c].Mean);
    }

    private void Prepare(int c, List<LinearTerm> terms)
    {
        var plan = _encoding.Plans[c];
        var name = Columns[c].Name;
        if (plan.CategoryOffsets is { } offsets)
        {
            var names = Columns[c].Categories!;
            var codeWeights = new double[offsets.Length];
            for (var k = 0; k < offsets.Length; k++)
            {
                if (offsets[k] >= 0)
                {
                    codeWeights[k] = _weights[offsets[k]];
                    AddTerm(c, name, LinearTermKind.Category, names[k], offsets[k], 1.0, terms);
                }
            }

            _categoryWeights[c] = codeWeights;
            return;
        }

        _slopes[c] = _weights[plan.ValueOffset] / plan.Scale;
        AddTerm(c, name, LinearTermKind.StandardisedValue, null, plan.ValueOffset, plan.Scale, terms);
        if (plan.MissingOffset >= 0)
        {
            _missingWeights[c] = _weights[plan.MissingOffset];
            AddTerm(c, name, LinearTermKind.MissingIndicator, null, plan.MissingOffset, 1.0, terms);
        }
    }

    private void AddTerm(int c, string name, LinearTermKind kind, string? category, int offset, double scale, List<LinearTerm> terms)
    {
        terms.Add(new LinearTerm(c, name, kind, category, _weights[offset], _references[offset], scale));
        _columnBases[c] -= _weights[offset] * _references[offset];
    }

    private void CheckColumns(DesignMatrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ColumnCount != Columns.Count)
        {
            throw new ArgumentException($"The data has {x.ColumnCount} columns; the model expects {Columns.Count}.", nameof(x));
        }

        for (var c = 0; c < Columns.Count; c++)
        {
            if (!string.Equals(x.Columns[c].Name, Columns[c].Name, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Column {c} is '{x.Columns[c].Name}'; the model expects '{Columns[c].Name}'.", nameof(x));
            }
        }
    }
}
