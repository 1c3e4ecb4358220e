using Kizuki.Features.History;

namespace Kizuki.Features.Batch;

/// <summary>The rows one worker computes for its range of customers; chunks are joined in range order into a table.</summary>
internal sealed class FeatureTableChunk
{
    private readonly FeatureCatalog _catalog;
    private readonly bool[] _categorical;
    private readonly double[] _numbers;
    private readonly string?[] _categories;
    private readonly double[][] _numberColumns;
    private readonly string?[][] _categoryColumns;
    private int _capacity;

    public FeatureTableChunk(FeatureCatalog catalog)
    {
        _catalog = catalog;
        _categorical = [.. catalog.Definitions.Select(d => d.Kind == FeatureKind.Categorical)];
        _numbers = new double[catalog.Count];
        _categories = new string?[catalog.Count];
        _numberColumns = new double[catalog.Count][];
        _categoryColumns = new string?[catalog.Count][];
        Resize(256);
    }

    /// <summary>Customer ids of the rows so far.</summary>
    public List<string> CustomerIds { get; } = [];

    /// <summary>Events of every history seen (including customers not yet signed up at the as-of instant).</summary>
    public long EventsRead { get; private set; }

    /// <summary>Number of rows.</summary>
    public int Count => CustomerIds.Count;

    /// <summary>Evaluates a history at <paramref name="asOf"/> and adds its row, if the customer had signed up before it.</summary>
    public void Add(CustomerHistory history, long asOf)
    {
        EventsRead += history.Orders.Count + history.Activities.Count + history.Subscriptions.Count
            + history.Tickets.Count + history.Surveys.Count + history.Touches.Count + history.ChurnMarks.Count;
        if (history.SignupAt >= asOf)
        {
            return;
        }

        Array.Fill(_numbers, double.NaN);
        Array.Clear(_categories);
        _catalog.Evaluate(history, asOf, _numbers, _categories);
        var row = Count;
        if (row == _capacity)
        {
            Resize(row * 2);
        }

        for (var f = 0; f < _numbers.Length; f++)
        {
            if (_categorical[f])
            {
                _categoryColumns[f][row] = _categories[f];
            }
            else
            {
                _numberColumns[f][row] = _numbers[f];
            }
        }

        CustomerIds.Add(history.CustomerId);
    }

    /// <summary>Joins chunks, in order, into one table.</summary>
    public static FeatureTable Join(FeatureCatalog catalog, DateTimeOffset asOf, IReadOnlyList<FeatureTableChunk> chunks)
    {
        var rows = chunks.Sum(c => c.Count);
        var count = catalog.Count;
        var numbers = new double[]?[count];
        var categories = new string?[]?[count];
        var ids = new string[rows];
        var at = 0;
        foreach (var chunk in chunks)
        {
            chunk.CustomerIds.CopyTo(ids, at);
            at += chunk.Count;
        }

        for (var f = 0; f < count; f++)
        {
            at = 0;
            if (catalog.Definitions[f].Kind == FeatureKind.Categorical)
            {
                var column = categories[f] = new string?[rows];
                foreach (var chunk in chunks)
                {
                    Array.Copy(chunk._categoryColumns[f], 0, column, at, chunk.Count);
                    at += chunk.Count;
                    chunk._categoryColumns[f] = [];
                }
            }
            else
            {
                var column = numbers[f] = new double[rows];
                foreach (var chunk in chunks)
                {
                    Array.Copy(chunk._numberColumns[f], 0, column, at, chunk.Count);
                    at += chunk.Count;
                    chunk._numberColumns[f] = [];
                }
            }
        }

        return new FeatureTable(asOf, catalog.Definitions, ids, numbers, categories, chunks.Sum(c => c.EventsRead));
    }

    private void Resize(int capacity)
    {
        _capacity = capacity;
        for (var f = 0; f < _categorical.Length; f++)
        {
            if (_categorical[f])
            {
                Array.Resize(ref _categoryColumns[f], capacity);
            }
            else
            {
                Array.Resize(ref _numberColumns[f], capacity);
            }
        }
    }
}
